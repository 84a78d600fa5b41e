import type { RedisClient } from './redis-client';
import type { RedisKeys } from './redis-keys';

/**
 * Revoked token ids (sign-out), each kept until its token would have expired
 * anyway, so the set never grows beyond the tokens still alive; and revoked
 * subjects (an account disabled, its password or role changed): every token of
 * that account issued before a time, kept until the longest-lived of them expires.
 */
export interface TokenRevocations {
  revoke(tokenId: string, expiresAtMs: number): Promise<void>;
  isRevoked(tokenId: string): Promise<boolean>;
  /** Refuses every token of `subjectId` issued before `issuedBeforeMs`, until `expiresAtMs`. */
  revokeSubject(subjectId: string, issuedBeforeMs: number, expiresAtMs: number): Promise<void>;
  /** Tokens of this subject issued before this time (epoch ms) are refused; 0: none. */
  subjectRevokedBefore(subjectId: string): Promise<number>;
  /**
   * Calls `listener` with the id of every token revoked from now on, on any node
   * sharing this store (so each node cuts the open sockets of that token).
   * Resolves once listening; the returned function stops it.
   */
  onRevoked(listener: RevocationListener): Promise<() => Promise<void>>;
}

/** A revoked token, or every token of a subject (account). */
export type Revocation = { tokenId: string } | { subjectId: string };
export type RevocationListener = (revoked: Revocation) => void;

/** Calls each listener, so one that throws cannot stop the others or the revoker. */
function notify(listeners: Iterable<RevocationListener>, revoked: Revocation): void {
  for (const listener of listeners) {
    try {
      listener(revoked);
    } catch {
      // A listener's failure is its own (the socket server logs its own errors).
    }
  }
}

/** Sweep expired entries every this many revocations (keeps the map bounded). */
const SWEEP_EVERY = 256;

export class MemoryTokenRevocations implements TokenRevocations {
  readonly #until = new Map<string, number>();
  readonly #subjects = new Map<string, { before: number; until: number }>();
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
    notify(this.#listeners, { tokenId });
  }

  async revokeSubject(subjectId: string, issuedBeforeMs: number, expiresAtMs: number): Promise<void> {
    const before = Math.max(issuedBeforeMs, this.#subjects.get(subjectId)?.before ?? 0);
    this.#subjects.set(subjectId, { before, until: expiresAtMs });
    notify(this.#listeners, { subjectId });
  }

  async subjectRevokedBefore(subjectId: string): Promise<number> {
    const entry = this.#subjects.get(subjectId);
    if (!entry) return 0;
    if (entry.until > this.#now()) return entry.before;
    this.#subjects.delete(subjectId);
    return 0;
  }

  async onRevoked(listener: RevocationListener): Promise<() => Promise<void>> {
    const own = (revoked: Revocation) => listener(revoked);
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
    await this.client.publish(this.keys.revocationsChannel(), `t:${tokenId}`);
  }

  async revokeSubject(subjectId: string, issuedBeforeMs: number, expiresAtMs: number): Promise<void> {
    await this.client.set(this.keys.revokedSubject(subjectId), String(issuedBeforeMs), { expiration: { type: 'PXAT', value: expiresAtMs } });
    await this.client.publish(this.keys.revocationsChannel(), `s:${subjectId}`);
  }

  async subjectRevokedBefore(subjectId: string): Promise<number> {
    return Number((await this.client.get(this.keys.revokedSubject(subjectId))) ?? 0);
  }

  async onRevoked(listener: RevocationListener): Promise<() => Promise<void>> {
    const subscriber = this.client.duplicate();
    subscriber.on('error', () => {}); // it reconnects (and resubscribes) by itself, like the main client
    await subscriber.connect();
    await subscriber.subscribe(this.keys.revocationsChannel(), (message) => {
      const id = message.slice(2);
      notify([listener], message.startsWith('s:') ? { subjectId: id } : { tokenId: id });
    });
    return async () => {
      if (subscriber.isOpen) await subscriber.close();
    };
  }

  async isRevoked(tokenId: string): Promise<boolean> {
    return (await this.client.exists(this.keys.revokedToken(tokenId))) === 1;
  }
}
