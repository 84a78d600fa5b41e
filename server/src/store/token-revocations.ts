import type { RedisClient } from './redis-client';
import type { RedisKeys } from './redis-keys';

/**
 * Revoked token ids (sign-out), each kept until its token would have expired
 * anyway, so the set never grows beyond the tokens still alive.
 */
export interface TokenRevocations {
  revoke(tokenId: string, expiresAtMs: number): Promise<void>;
  isRevoked(tokenId: string): Promise<boolean>;
}

/** Sweep expired entries every this many revocations (keeps the map bounded). */
const SWEEP_EVERY = 256;

export class MemoryTokenRevocations implements TokenRevocations {
  readonly #until = new Map<string, number>();
  readonly #now: () => number;
  #sinceSweep = 0;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  async revoke(tokenId: string, expiresAtMs: number): Promise<void> {
    if (expiresAtMs <= this.#now()) return;
    this.#until.set(tokenId, Math.max(expiresAtMs, this.#until.get(tokenId) ?? 0));
    if (++this.#sinceSweep >= SWEEP_EVERY) this.#sweep();
  }

  async isRevoked(tokenId: string): Promise<boolean> {
    const until = this.#until.get(tokenId);
    if (until === undefined) return false;
    if (until > this.#now()) return true;
    this.#until.delete(tokenId);
    return false;
  }

  #sweep(): void {
    this.#sinceSweep = 0;
    const now = this.#now();
    for (const [tokenId, until] of this.#until) if (until <= now) this.#until.delete(tokenId);
  }
}

/** SET with an expiry per revoked token: Redis forgets it when the token dies. */
export class RedisTokenRevocations implements TokenRevocations {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async revoke(tokenId: string, expiresAtMs: number): Promise<void> {
    if (expiresAtMs <= Date.now()) return;
    await this.client.set(this.keys.revokedToken(tokenId), '1', { expiration: { type: 'PXAT', value: expiresAtMs } });
  }

  async isRevoked(tokenId: string): Promise<boolean> {
    return (await this.client.exists(this.keys.revokedToken(tokenId))) === 1;
  }
}
