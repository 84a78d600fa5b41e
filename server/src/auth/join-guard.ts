import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { RateLimiter } from '../store/rate-limiter';

/** RATE_LIMITED with the wait a client should observe (sent as Retry-After). */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `too many attempts, retry in ${retryAfterSeconds} s`);
  }
}

export interface AttemptLimit {
  limit: number;
  windowSeconds: number;
}

export interface JoinGuardOptions {
  limiter: RateLimiter;
  log: Logger;
  /** Attempts from one client address. */
  perAddress?: AttemptLimit;
  /** Attempts at numbers sharing their first PREFIX_DIGITS digits, from anywhere. */
  perPrefix?: AttemptLimit;
}

export const PREFIX_DIGITS = 4;
export const DEFAULT_JOIN_LIMITS = {
  perAddress: { limit: 10, windowSeconds: 60 },
  perPrefix: { limit: 30, windowSeconds: 60 },
} as const satisfies Record<string, AttemptLimit>;

/**
 * Makes guessing session numbers impractical. Nine random digits leave 9·10^8
 * numbers; at 10 tries a minute per address, and 30 a minute per 4-digit prefix
 * across all addresses (the counters live in the shared store, so every node
 * counts together), an attacker with many addresses still finds a live number
 * only by exhausting prefixes, and numbers expire meanwhile.
 * Every attempt counts, right or wrong. The prefix is counted only for attempts
 * the address limit let through, so one flooding address cannot lock a prefix.
 */
export class JoinGuard {
  readonly #limiter: RateLimiter;
  readonly #log: Logger;
  readonly #perAddress: AttemptLimit;
  readonly #perPrefix: AttemptLimit;

  constructor(options: JoinGuardOptions) {
    this.#limiter = options.limiter;
    this.#log = options.log;
    this.#perAddress = options.perAddress ?? DEFAULT_JOIN_LIMITS.perAddress;
    this.#perPrefix = options.perPrefix ?? DEFAULT_JOIN_LIMITS.perPrefix;
  }

  /** Counts one join attempt; RateLimitedError when the address or the number's prefix is over its limit. */
  async attempt(address: string, sessionNumber: string): Promise<void> {
    const byAddress = await this.#limiter.hit(`join:address:${address}`, this.#perAddress.limit, this.#perAddress.windowSeconds);
    if (!byAddress.allowed) this.#refuse(address, 'address', byAddress.retryAfterSeconds);
    const prefix = sessionNumber.slice(0, PREFIX_DIGITS);
    const byPrefix = await this.#limiter.hit(`join:prefix:${prefix}`, this.#perPrefix.limit, this.#perPrefix.windowSeconds);
    if (!byPrefix.allowed) this.#refuse(address, 'prefix', byPrefix.retryAfterSeconds);
  }

  /** A join that named no live session (the number itself is never logged). */
  failed(address: string): void {
    this.#log.warn({ address }, 'join with a wrong number');
  }

  #refuse(address: string, limit: 'address' | 'prefix', retryAfterSeconds: number): never {
    this.#log.warn({ address, limit, retryAfterSeconds }, 'join rate limited');
    throw new RateLimitedError(retryAfterSeconds);
  }
}
