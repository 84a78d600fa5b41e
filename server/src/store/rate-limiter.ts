import type { RedisClient } from './redis-client';
import type { RedisKeys } from './redis-keys';

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds until the current window ends (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters: each hit counts, and a key is refused once it has been
 * hit more than `limit` times in the current window of `windowSeconds`.
 * The Redis implementation shares the counters between every node.
 */
export interface RateLimiter {
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitVerdict>;
  /** Hits counted in the key's current window (0 when none is open); counts nothing. */
  peek(key: string): Promise<number>;
}

function verdict(count: number, limit: number, msLeft: number): RateLimitVerdict {
  const allowed = count <= limit;
  return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(msLeft / 1000)) };
}

const SWEEP_EVERY = 1024;

export class MemoryRateLimiter implements RateLimiter {
  readonly #windows = new Map<string, { count: number; endsAt: number }>();
  readonly #now: () => number;
  #sinceSweep = 0;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitVerdict> {
    const now = this.#now();
    if (++this.#sinceSweep >= SWEEP_EVERY) this.#sweep(now);
    let window = this.#windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowSeconds * 1000 };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return verdict(window.count, limit, window.endsAt - now);
  }

  async peek(key: string): Promise<number> {
    const window = this.#windows.get(key);
    return window && window.endsAt > this.#now() ? window.count : 0;
  }

  #sweep(now: number): void {
    this.#sinceSweep = 0;
    for (const [key, window] of this.#windows) if (window.endsAt <= now) this.#windows.delete(key);
  }
}

/**
 * INCR, and start the window's expiry on its first hit, in one script (a crash
 * between INCR and EXPIRE would otherwise leave a counter that never resets).
 * KEYS[1]: counter. ARGV[1]: window ms. Returns {count, ms left in the window}.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitVerdict> {
    const reply = await this.client.eval(HIT_SCRIPT, {
      keys: [this.keys.rateLimit(key)],
      arguments: [String(windowSeconds * 1000)],
    });
    if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
      throw new Error(`rate limit script returned ${JSON.stringify(reply)}`);
    }
    return verdict(reply[0], limit, reply[1]);
  }

  async peek(key: string): Promise<number> {
    return Number((await this.client.get(this.keys.rateLimit(key))) ?? 0);
  }
}
