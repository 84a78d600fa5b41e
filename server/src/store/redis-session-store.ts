import type { ChatMessage, ConsentRequest, ConsentStatus } from '@rs/signaling';
import { connectRedis } from './redis-client';
import type { RedisClient } from './redis-client';
import { createRedisKeys, type RedisKeys } from './redis-keys';
import type {
  AuditEntry,
  ChatDraft,
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
}

/**
 * Appends a chat message with the next seq of the session, atomically across nodes.
 * A script rather than INCR on a counter + RPUSH: with two commands, concurrent
 * appenders can push out of seq order, so the list order would no longer be the seq.
 * Here seq = the list length before the push (= RPUSH result - 1).
 * The seq is spliced in as the last field (it wins over any stray seq in the draft)
 * instead of re-encoding with cjson, which rejects lone UTF-16 surrogates in user text.
 * KEYS[1]: chat list. ARGV[1]: the draft as a JSON object (never empty). Returns the seq.
 */
/** Compare-and-delete: frees the number only if it still maps to this session. */
const RELEASE_NUMBER_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

const APPEND_CHAT_SCRIPT = `
local seq = redis.call('LLEN', KEYS[1])
redis.call('RPUSH', KEYS[1], string.sub(ARGV[1], 1, -2) .. ',"seq":' .. seq .. '}')
return seq
`;

/**
 * Compare-and-set of a consent status. A consent holds only ids, enums and numbers,
 * so a cjson round trip is safe. KEYS[1]: consents hash.
 * ARGV: requestId, to, at, then the allowed from statuses. Returns the new JSON or nil.
 */
const TRANSITION_CONSENT_SCRIPT = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return false end
local consent = cjson.decode(raw)
local allowed = false
for i = 4, #ARGV do
  if ARGV[i] == consent.status then allowed = true end
end
if not allowed then return false end
if consent.status == 'pending' and ARGV[2] ~= 'pending' then
  consent.answeredAt = tonumber(ARGV[3])
end
consent.status = ARGV[2]
local updated = cjson.encode(consent)
redis.call('HSET', KEYS[1], ARGV[1], updated)
return updated
`;

/** SessionStore shared by every server node through Redis (layout in redis-keys.ts). */
export class RedisSessionStore implements SessionStore {
  readonly kind = 'redis' as const;
  readonly #client: RedisClient;
  readonly #keys: RedisKeys;
  #closing: Promise<void> | null = null;

  /**
   * The connected client, for the other Redis-backed stores of this process to share
   * (createAccountStores({ client })). This store owns it: close() closes it.
   */
  get redisClient(): RedisClient {
    return this.#client;
  }

  private constructor(client: RedisClient, keys: RedisKeys) {
    this.#client = client;
    this.#keys = keys;
  }

  /** Connects first, so a store is only ever seen connected. */
  static async connect(url: string, options: RedisSessionStoreOptions = {}): Promise<RedisSessionStore> {
    const client = await connectRedis(url, { onError: options.onError });
    return new RedisSessionStore(client, createRedisKeys(options.keyPrefix));
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
   */
  async updateSession(sessionId: string, patch: SessionPatch): Promise<SessionRecord | null> {
    const record = await this.getSession(sessionId);
    if (!record) return null;
    const updated: SessionRecord = { ...record, ...patch };
    await this.#client.set(this.#keys.session(sessionId), JSON.stringify(updated), { condition: 'XX' });
    return updated;
  }

  async linkAgentSession(agentId: string, sessionId: string): Promise<void> {
    await this.#client.sAdd(this.#keys.agentSessions(agentId), sessionId);
  }

  async setNotes(sessionId: string, text: string): Promise<void> {
    await this.#client.set(this.#keys.notes(sessionId), text);
  }

  async getNotes(sessionId: string): Promise<string> {
    return (await this.#client.get(this.#keys.notes(sessionId))) ?? '';
  }

  /** Oldest first. */
  async listSessionsOfAgent(agentId: string): Promise<SessionRecord[]> {
    const ids = await this.#client.sMembers(this.#keys.agentSessions(agentId));
    if (ids.length === 0) return [];
    const values = await this.#client.mGet(ids.map((id) => this.#keys.session(id)));
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

  async appendAudit(sessionId: string, entry: AuditEntry): Promise<void> {
    await this.#client.rPush(this.#keys.audit(sessionId), JSON.stringify(entry));
  }

  async listAudit(sessionId: string): Promise<AuditEntry[]> {
    const values = await this.#client.lRange(this.#keys.audit(sessionId), 0, -1);
    return values.map((v) => parse<AuditEntry>(v));
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

function isPresent<T>(value: T | null): value is T {
  return value !== null;
}
