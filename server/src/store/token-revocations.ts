import type { RedisClient } from './redis-client';
import type { RedisKeys } from './redis-keys';

/**
 * Revoked token ids (sign-out), each kept until its token would have expired
 * anyway, so the set never grows beyond the tokens still alive.
 */
export interface TokenRevocations {
  revoke(tokenId: string, expiresAtMs: number): Promise<void>;
  isRevoked(tokenId: string): Promise<boolean>;
  /**
   * Calls `listener` with the id of every token revoked from now on, on any node
   * sharing this store (so each node cuts the open sockets of that token).
   * Resolves once listening; the returned function stops it.
   */
  onRevoked(listener: RevocationListener): Promise<() => Promise<void>>;
}

export type RevocationListener = (tokenId: string) => void;

/** Calls each listener, so one that throws cannot stop the others or the revoker. */
function notify(listeners: Iterable<RevocationListener>, tokenId: string): void {
  for (const listener of listeners) {
    try {
      listener(tokenId);
    } catch {
      // A listener's failure is its own (the socket server logs its own errors).
    }
  }
}

/** Sweep expired entries every this many revocations (keeps the map bounded). */
const SWEEP_EVERY = 256;

export class MemoryTokenRevocations implements TokenRevocations {
  readonly #until = new Map<string, number>();
  readonly #listeners = new Set<RevocationListener>();
  readonly #now: () => number;
  #sinceSweep = 0;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  async revoke(tokenId: string, expiresAtMs: number): Promise<void> {
    if (expiresAtMs <= this.#now()) return;
    this.#until.set(tokenId, Math.max(expiresAtMs, this.#until.get(tokenId) ?? 0));
    if (++this.#sinceSweep >= SWEEP_EVERY) this.#sweep();
    notify(this.#listeners, tokenId);
  }

  async onRevoked(listener: RevocationListener): Promise<() => Promise<void>> {
    const own = (tokenId: string) => listener(tokenId);
    this.#listeners.add(own);
    return async () => void this.#listeners.delete(own);
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

/**
 * SET with an expiry per revoked token: Redis forgets it when the token dies.
 * Each revocation is also published, and onRevoked() subscribes on its own
 * connection (a subscribed Redis connection can run no other command).
 */
export class RedisTokenRevocations implements TokenRevocations {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async revoke(tokenId: string, expiresAtMs: number): Promise<void> {
    if (expiresAtMs <= Date.now()) return;
    await this.client.set(this.keys.revokedToken(tokenId), '1', { expiration: { type: 'PXAT', value: expiresAtMs } });
    await this.client.publish(this.keys.revocationsChannel(), tokenId);
  }

  async onRevoked(listener: RevocationListener): Promise<() => Promise<void>> {
    const subscriber = this.client.duplicate();
    subscriber.on('error', () => {}); // it reconnects (and resubscribes) by itself, like the main client
    await subscriber.connect();
    await subscriber.subscribe(this.keys.revocationsChannel(), (tokenId) => notify([listener], tokenId));
    return async () => {
      if (subscriber.isOpen) await subscriber.close();
    };
  }

  async isRevoked(tokenId: string): Promise<boolean> {
    return (await this.client.exists(this.keys.revokedToken(tokenId))) === 1;
  }
}
