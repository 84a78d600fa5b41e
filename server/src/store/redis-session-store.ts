import type { ChatMessage, ConsentRequest, ConsentStatus } from '@rs/signaling';
import { connectRedis } from './redis-client';
import type { RedisClient } from './redis-client';
import { createRedisKeys, type RedisKeys } from './redis-keys';
import { APPEND_CHAT_SCRIPT, RELEASE_NUMBER_SCRIPT, TRANSITION_CONSENT_SCRIPT } from './redis-session-scripts';
import { DEFAULT_RECORD_RETENTION_SECONDS } from './session-store';
import type { TransferRecord } from '../domain/files/transfer-record';
import type {
  AuditEntry,
  ChatDraft,
  PairingRecord,
  ParticipantRecord,
  SessionPatch,
  SessionRecord,
  SessionStore,
} from './session-store';

export interface RedisSessionStoreOptions {
  /** Prefix of every key (default `rs:`); lets several servers or tests share one Redis. */
  keyPrefix?: string;
  /** Connection errors after the first connect (the client keeps reconnecting); pass a logger. */
  onError?: (error: Error) => void;
  /** How long the keys of an ended session are kept (default DEFAULT_RECORD_RETENTION_SECONDS). */
  retentionSeconds?: number;
}

/** SessionStore shared by every server node through Redis (layout in redis-keys.ts). */
export class RedisSessionStore implements SessionStore {
  readonly kind = 'redis' as const;
  readonly #client: RedisClient;
  readonly #keys: RedisKeys;
  readonly #retentionSeconds: number;
  #closing: Promise<void> | null = null;

  /**
   * The connected client, for the other Redis-backed stores of this process to share
   * (createAccountStores({ client })). This store owns it: close() closes it.
   */
  get redisClient(): RedisClient {
    return this.#client;
  }

  private constructor(client: RedisClient, keys: RedisKeys, retentionSeconds: number) {
    this.#client = client;
    this.#keys = keys;
    this.#retentionSeconds = Math.max(1, Math.round(retentionSeconds));
  }

  /** Connects first, so a store is only ever seen connected. */
  static async connect(url: string, options: RedisSessionStoreOptions = {}): Promise<RedisSessionStore> {
    const client = await connectRedis(url, { onError: options.onError });
    return new RedisSessionStore(client, createRedisKeys(options.keyPrefix), options.retentionSeconds ?? DEFAULT_RECORD_RETENTION_SECONDS);
  }

  async reserveNumber(number: string, sessionId: string, ttlSeconds: number): Promise<boolean> {
    const reply = await this.#client.set(this.#keys.number(number), sessionId, {
      condition: 'NX',
      expiration: { type: 'EX', value: ttlSeconds },
    });
    return reply === 'OK';
  }

  async keepNumber(number: string): Promise<void> {
    await this.#client.persist(this.#keys.number(number));
  }

  async releaseNumber(number: string, sessionId: string): Promise<void> {
    await this.#client.eval(RELEASE_NUMBER_SCRIPT, { keys: [this.#keys.number(number)], arguments: [sessionId] });
  }

  async findSessionIdByNumber(number: string): Promise<string | null> {
    return this.#client.get(this.#keys.number(number));
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.#client
      .multi()
      .set(this.#keys.session(session.id), JSON.stringify(session))
      .sAdd(this.#keys.agentSessions(session.agentId), session.id)
      .exec();
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    return parseOrNull<SessionRecord>(await this.#client.get(this.#keys.session(sessionId)));
  }

  /**
   * Read-modify-write, not atomic: concurrent patches of one session are last-writer-wins.
   * Every change to a session is made by the node hosting it (the room is pinned to it).
   * Ending it puts the retention TTL on every key of the session (writes after that keep it).
   */
  async updateSession(sessionId: string, patch: SessionPatch): Promise<SessionRecord | null> {
    const record = await this.getSession(sessionId);
    if (!record) return null;
    const updated: SessionRecord = { ...record, ...patch };
    const write = this.#client.multi().set(this.#keys.session(sessionId), JSON.stringify(updated), { condition: 'XX', expiration: 'KEEPTTL' });
    if (patch.state === 'ended') for (const key of this.#sessionKeys(sessionId)) write.expire(key, this.#retentionSeconds);
    await write.exec();
    return updated;
  }

  #sessionKeys(sessionId: string): string[] {
    const k = this.#keys;
    return [k.session(sessionId), k.notes(sessionId), k.participants(sessionId), k.chat(sessionId), k.consents(sessionId), k.audit(sessionId), k.transfers(sessionId), k.transferOrder(sessionId)];
  }

  async linkAgentSession(agentId: string, sessionId: string): Promise<void> {
    await this.#client.sAdd(this.#keys.agentSessions(agentId), sessionId);
  }

  /** Stored as a JSON string: raw text would be UTF-8 encoded, which turns lone surrogates into U+FFFD. */
  async setNotes(sessionId: string, text: string): Promise<void> {
    await this.#client.set(this.#keys.notes(sessionId), JSON.stringify(text), { expiration: 'KEEPTTL' });
  }

  async getNotes(sessionId: string): Promise<string> {
    return decodeNotes(await this.#client.get(this.#keys.notes(sessionId)));
  }

  /** Oldest first. */
  async listSessionsOfAgent(agentId: string): Promise<SessionRecord[]> {
    const ids = await this.#client.sMembers(this.#keys.agentSessions(agentId));
    if (ids.length === 0) return [];
    const values = await this.#client.mGet(ids.map((id) => this.#keys.session(id)));
    const expired = ids.filter((_, i) => values[i] === null);
    if (expired.length > 0) await this.#client.sRem(this.#keys.agentSessions(agentId), expired);
    const records = values.map((v) => parseOrNull<SessionRecord>(v)).filter(isPresent);
    return records.sort((a, b) => a.createdAt - b.createdAt);
  }

  async putParticipant(sessionId: string, participant: ParticipantRecord): Promise<void> {
    await this.#client.hSet(this.#keys.participants(sessionId), participant.id, JSON.stringify(participant));
  }

  async getParticipant(sessionId: string, participantId: string): Promise<ParticipantRecord | null> {
    const value = await this.#client.hGet(this.#keys.participants(sessionId), participantId);
    return parseOrNull<ParticipantRecord>(value);
  }

  /** In order of joining. */
  async listParticipants(sessionId: string): Promise<ParticipantRecord[]> {
    const values = await this.#client.hVals(this.#keys.participants(sessionId));
    return values.map((v) => parse<ParticipantRecord>(v)).sort((a, b) => a.joinedAt - b.joinedAt);
  }

  async appendChat(sessionId: string, draft: ChatDraft): Promise<ChatMessage> {
    const seq = await this.#client.eval(APPEND_CHAT_SCRIPT, {
      keys: [this.#keys.chat(sessionId)],
      arguments: [JSON.stringify(draft)],
    });
    if (typeof seq !== 'number') throw new Error(`append chat script returned ${JSON.stringify(seq)}`);
    return { ...draft, seq };
  }

  async listChat(sessionId: string, last?: number): Promise<ChatMessage[]> {
    if (last !== undefined && last <= 0) return [];
    const values = await this.#client.lRange(this.#keys.chat(sessionId), last === undefined ? 0 : -last, -1);
    return values.map((v) => parse<ChatMessage>(v));
  }

  async putConsent(consent: ConsentRequest): Promise<void> {
    await this.#client.hSet(this.#keys.consents(consent.sessionId), consent.id, JSON.stringify(consent));
  }

  async getConsent(sessionId: string, requestId: string): Promise<ConsentRequest | null> {
    return parseOrNull<ConsentRequest>(await this.#client.hGet(this.#keys.consents(sessionId), requestId));
  }

  /** Oldest request first. */
  async listConsents(sessionId: string): Promise<ConsentRequest[]> {
    const values = await this.#client.hVals(this.#keys.consents(sessionId));
    return values.map((v) => parse<ConsentRequest>(v)).sort((a, b) => a.requestedAt - b.requestedAt);
  }

  async transitionConsent(
    sessionId: string,
    requestId: string,
    from: readonly ConsentStatus[],
    to: ConsentStatus,
    at: number,
  ): Promise<ConsentRequest | null> {
    const updated = await this.#client.eval(TRANSITION_CONSENT_SCRIPT, {
      keys: [this.#keys.consents(sessionId)],
      arguments: [requestId, to, String(at), ...from],
    });
    return parseOrNull<ConsentRequest>(typeof updated === 'string' ? updated : null);
  }

  /**
   * Not atomic across the two keys: the node hosting the session serialises its transfer changes.
   * Both keys exist before a session ends (no transfer starts after), so they carry its retention TTL.
   */
  async putTransfer(transfer: TransferRecord): Promise<void> {
    const added = await this.#client.hSet(this.#keys.transfers(transfer.sessionId), transfer.transferId, JSON.stringify(transfer));
    if (added > 0) await this.#client.rPush(this.#keys.transferOrder(transfer.sessionId), transfer.transferId);
  }

  async getTransfer(sessionId: string, transferId: string): Promise<TransferRecord | null> {
    return parseOrNull<TransferRecord>(await this.#client.hGet(this.#keys.transfers(sessionId), transferId));
  }

  async listTransfers(sessionId: string): Promise<TransferRecord[]> {
    const ids = await this.#client.lRange(this.#keys.transferOrder(sessionId), 0, -1);
    if (ids.length === 0) return [];
    const values = await this.#client.hmGet(this.#keys.transfers(sessionId), ids);
    return values.map((v) => parseOrNull<TransferRecord>(v)).filter(isPresent);
  }

  async appendAudit(sessionId: string, entry: AuditEntry): Promise<void> {
    await this.#client.rPush(this.#keys.audit(sessionId), JSON.stringify(entry));
  }

  async listAudit(sessionId: string): Promise<AuditEntry[]> {
    const values = await this.#client.lRange(this.#keys.audit(sessionId), 0, -1);
    return values.map((v) => parse<AuditEntry>(v));
  }

  async putPairing(pairing: PairingRecord, ttlMs: number): Promise<boolean> {
    const reply = await this.#client.set(this.#keys.pairing(pairing.code), JSON.stringify(pairing), {
      condition: 'NX',
      expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) },
    });
    return reply === 'OK';
  }

  async peekPairing(code: string): Promise<PairingRecord | null> {
    return parseOrNull<PairingRecord>(await this.#client.get(this.#keys.pairing(code)));
  }

  async takePairing(code: string): Promise<PairingRecord | null> {
    return parseOrNull<PairingRecord>(await this.#client.getDel(this.#keys.pairing(code)));
  }

  async dropPairing(code: string): Promise<void> {
    await this.#client.del(this.#keys.pairing(code));
  }

  /** Waits for pending commands, then quits. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= this.#client.isOpen ? this.#client.close() : Promise.resolve();
    return this.#closing;
  }
}

/** Values read back are our own writes: parsed, not validated. */
function parse<T>(json: string): T {
  return JSON.parse(json) as T;
}

function parseOrNull<T>(json: string | null | undefined): T | null {
  return json === null || json === undefined ? null : parse<T>(json);
}

/** Notes written before they were JSON-encoded are plain text: kept as they are. */
function decodeNotes(stored: string | null): string {
  if (stored === null) return '';
  if (!stored.startsWith('"')) return stored;
  try {
    const text: unknown = JSON.parse(stored);
    return typeof text === 'string' ? text : stored;
  } catch {
    return stored;
  }
}

function isPresent<T>(value: T | null): value is T {
  return value !== null;
}
