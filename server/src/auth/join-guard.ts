import type { ErrorPayload } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { RateLimiter } from '../store/rate-limiter';

/** RATE_LIMITED with the wait a client should observe (sent as Retry-After and in the error payload). */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `too many attempts, retry in ${retryAfterSeconds} s`);
  }

  override toPayload(): ErrorPayload {
    return { ...super.toPayload(), retryAfterSeconds: this.retryAfterSeconds };
  }
}

export interface AttemptLimit {
  limit: number;
  windowSeconds: number;
}

export interface JoinGuardOptions {
  limiter: RateLimiter;
  log: Logger;
  /** Attempts by one caller (a client address, or an agent account for `session:assist`). */
  perCaller?: AttemptLimit;
  /** Wrong numbers at one 4-digit prefix, from anyone, before the prefix counts as under attack. */
  perPrefix?: AttemptLimit;
  /** While a prefix is under attack: attempts per caller at that prefix (its window is how long the attack mark lasts). */
  atAttackedPrefix?: AttemptLimit;
}

export const PREFIX_DIGITS = 4;

export const DEFAULT_JOIN_LIMITS = {
  perCaller: { limit: 10, windowSeconds: 60 },
  perPrefix: { limit: 30, windowSeconds: 60 },
  atAttackedPrefix: { limit: 3, windowSeconds: 15 * 60 },
} as const satisfies Record<string, AttemptLimit>;

/**
 * Makes guessing session numbers (9 digits, 9·10^8 numbers) impractical without
 * letting a few addresses lock real customers out:
 * - every attempt counts against its caller (10 a minute: 600 an hour per address);
 * - a wrong number counts against its 4-digit prefix; 30 wrong in a minute mark the
 *   prefix as under attack for 15 minutes. While marked, each caller has only 3
 *   attempts at that prefix per 15 minutes. Nothing locks the prefix itself: a real
 *   customer (one or two tries, from their own address) still gets in.
 * Figures, for the README: an attacker spreading N addresses over all prefixes gets
 * 600·N guesses an hour, i.e. 600·N·L/9·10^8 hits an hour with L live numbers
 * (N = 1000, L = 1000: one hit every ~1.5 h; prefixes stay below the mark, so only
 * the address limit and the number space count). An attacker who knows one prefix
 * (10^5 numbers) gets 30 guesses per mark period plus 3·N per 15 minutes: about
 * 120 + 12·N an hour (N = 100: 1,320 an hour, 1.3 % chance of that number per hour,
 * while it stays unused for at most 15 minutes).
 * The counters live in the shared store, so every node counts together.
 */
export class JoinGuard {
  readonly #limiter: RateLimiter;
  readonly #log: Logger;
  readonly #perCaller: AttemptLimit;
  readonly #perPrefix: AttemptLimit;
  readonly #atAttackedPrefix: AttemptLimit;

  constructor(options: JoinGuardOptions) {
    this.#limiter = options.limiter;
    this.#log = options.log;
    this.#perCaller = options.perCaller ?? DEFAULT_JOIN_LIMITS.perCaller;
    this.#perPrefix = options.perPrefix ?? DEFAULT_JOIN_LIMITS.perPrefix;
    this.#atAttackedPrefix = options.atAttackedPrefix ?? DEFAULT_JOIN_LIMITS.atAttackedPrefix;
  }

  /**
   * Looks the number up with `lookup` if the caller may try now; RateLimitedError otherwise.
   * A SESSION_NOT_FOUND from the lookup counts against the number's prefix. `caller` is
   * e.g. `address:203.0.113.9` or `agent:<account id>` (never the number).
   */
  async admit<T>(caller: string, sessionNumber: string, lookup: () => Promise<T>): Promise<T> {
    const byCaller = await this.#limiter.hit(`join:${caller}`, this.#perCaller.limit, this.#perCaller.windowSeconds);
    if (!byCaller.allowed) this.#refuse(caller, 'caller', byCaller.retryAfterSeconds);
    const prefix = sessionNumber.slice(0, PREFIX_DIGITS);
    if ((await this.#limiter.peek(attackedKey(prefix))) > 0) {
      const { limit, windowSeconds } = this.#atAttackedPrefix;
      const atPrefix = await this.#limiter.hit(`join:attacked:${prefix}:${caller}`, limit, windowSeconds);
      if (!atPrefix.allowed) this.#refuse(caller, 'attacked prefix', atPrefix.retryAfterSeconds);
    }
    try {
      return await lookup();
    } catch (err) {
      if (err instanceof AppError && err.code === 'SESSION_NOT_FOUND') await this.#wrongNumber(caller, prefix);
      throw err;
    }
  }

  async #wrongNumber(caller: string, prefix: string): Promise<void> {
    this.#log.warn({ caller }, 'join with a wrong number');
    const wrong = await this.#limiter.hit(`join:wrong:${prefix}`, this.#perPrefix.limit, this.#perPrefix.windowSeconds);
    if (wrong.allowed) return;
    // Marks the prefix for the window of the per-caller limit (a fixed window: it ends, then the mark may be set again).
    await this.#limiter.hit(attackedKey(prefix), Number.MAX_SAFE_INTEGER, this.#atAttackedPrefix.windowSeconds);
    if ((await this.#limiter.peek(attackedKey(prefix))) === 1) this.#log.warn({ caller }, 'number prefix under attack');
  }

  #refuse(caller: string, limit: string, retryAfterSeconds: number): never {
    this.#log.warn({ caller, limit, retryAfterSeconds }, 'join rate limited');
    throw new RateLimitedError(retryAfterSeconds);
  }
}

const attackedKey = (prefix: string) => `join:attacked:${prefix}`;
