import type { Clock } from './clock';

export interface BucketPolicy {
  /** Tokens a full bucket holds: the burst allowed after a quiet time. */
  capacity: number;
  /** Tokens added back per second: the sustained rate. */
  refillPerSecond: number;
}

export interface TakeVerdict {
  allowed: boolean;
  /** Milliseconds until the cost would be allowed (0 when allowed). */
  retryAfterMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const SWEEP_EVERY = 1024;

/**
 * Token buckets by key (e.g. one per participant) on this node: each take
 * costs tokens; a bucket refills continuously up to its capacity. A bucket
 * that is full again is the same as no bucket, so idle keys are swept away
 * and the map stays as small as the set of recently active keys.
 */
export class RateBuckets {
  readonly #buckets = new Map<string, Bucket>();
  #sinceSweep = 0;

  constructor(
    private readonly policy: BucketPolicy,
    private readonly clock: Clock = Date.now,
  ) {
    if (!(policy.capacity > 0) || !(policy.refillPerSecond > 0)) throw new Error('a bucket needs a positive capacity and refill rate');
  }

  /** Takes `cost` tokens from `key`'s bucket if it holds them; otherwise takes nothing. */
  take(key: string, cost = 1): TakeVerdict {
    const now = this.clock();
    if (++this.#sinceSweep >= SWEEP_EVERY) this.#sweep(now);
    const bucket = this.#refilled(this.#buckets.get(key), now);
    const needed = Math.min(cost, this.policy.capacity);
    if (bucket.tokens >= needed) {
      this.#buckets.set(key, { tokens: bucket.tokens - needed, at: now });
      return { allowed: true, retryAfterMs: 0 };
    }
    this.#buckets.set(key, bucket);
    return { allowed: false, retryAfterMs: Math.ceil(((needed - bucket.tokens) / this.policy.refillPerSecond) * 1000) };
  }

  /** Drops a key's bucket (e.g. when its participant leaves). */
  forget(key: string): void {
    this.#buckets.delete(key);
  }

  /** Keys with a bucket that is not full (for tests and metrics). */
  get size(): number {
    return this.#buckets.size;
  }

  #refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.policy.capacity, at: now };
    const elapsed = Math.max(0, now - bucket.at) / 1000;
    return { tokens: Math.min(this.policy.capacity, bucket.tokens + elapsed * this.policy.refillPerSecond), at: now };
  }

  #sweep(now: number): void {
    this.#sinceSweep = 0;
    for (const [key, bucket] of this.#buckets) {
      if (this.#refilled(bucket, now).tokens >= this.policy.capacity) this.#buckets.delete(key);
    }
  }
}
