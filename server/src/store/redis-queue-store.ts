import type { EntryState, Queue, QuickPhrase } from '@rs/signaling';
import type { RedisClient } from './redis-client';
import type { RedisKeys } from './redis-keys';
import { CLAIM_ENTRY_SCRIPT, CLAIM_NEXT_SCRIPT, PATCH_ENTRY_SCRIPT, REQUEUE_ENTRY_SCRIPT } from './redis-queue-scripts';
import type { EntryPatch, EntryRecord, PresenceRecord, QueueStore } from './queue-store';
import { HANDLING_TIMES_KEPT, isFinalEntryState } from './queue-store';
import { DEFAULT_RECORD_RETENTION_SECONDS } from './session-store';

export interface RedisQueueStoreOptions {
  /** How long a finished entry (the queue part of the record) is kept. */
  retentionSeconds?: number;
  now?: () => number;
}

/**
 * QueueStore shared by every node through Redis (layout in redis-keys.ts). Claims
 * are Lua scripts, so two agents on two nodes never take the same customer.
 * It borrows the session store's client (the session store closes it).
 */
export class RedisQueueStore implements QueueStore {
  readonly kind = 'redis' as const;
  readonly #retentionSeconds: number;
  readonly #now: () => number;

  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
    options: RedisQueueStoreOptions = {},
  ) {
    this.#retentionSeconds = Math.max(1, Math.round(options.retentionSeconds ?? DEFAULT_RECORD_RETENTION_SECONDS));
    this.#now = options.now ?? Date.now;
  }

  async putQueue(queue: Queue): Promise<void> {
    await this.client.hSet(this.keys.queues(), queue.id, JSON.stringify(queue));
  }

  async getQueue(queueId: string): Promise<Queue | null> {
    return parseOrNull<Queue>(await this.client.hGet(this.keys.queues(), queueId));
  }

  async listQueues(): Promise<Queue[]> {
    const all = Object.values(await this.client.hGetAll(this.keys.queues())).map((raw) => JSON.parse(raw) as Queue);
    return all.sort((a, b) => a.createdAt - b.createdAt);
  }

  async deleteQueue(queueId: string): Promise<void> {
    await this.client.multi().hDel(this.keys.queues(), queueId).del(this.keys.handlingTimes(queueId)).exec();
  }

  async putPhrase(phrase: QuickPhrase): Promise<void> {
    await this.client.hSet(this.keys.quickPhrases(), phrase.id, JSON.stringify(phrase));
  }

  async listPhrases(): Promise<QuickPhrase[]> {
    return Object.values(await this.client.hGetAll(this.keys.quickPhrases())).map((raw) => JSON.parse(raw) as QuickPhrase);
  }

  async deletePhrase(phraseId: string): Promise<boolean> {
    return (await this.client.hDel(this.keys.quickPhrases(), phraseId)) > 0;
  }

  async createEntry(entry: EntryRecord, score: number): Promise<void> {
    const k = this.keys;
    const write = this.client.multi().hSet(k.queueEntry(entry.id), encode(entry));
    if (entry.state === 'waiting') write.zAdd(this.#waitingKey(entry.queueId), { score, value: entry.id });
    if (isFinalEntryState(entry.state)) write.expire(k.queueEntry(entry.id), this.#retentionSeconds);
    if (entry.sessionId) write.hSet(k.sessionEntries(), entry.sessionId, entry.id);
    write.zAdd(k.queueHistory(), { score: entry.requestedAt, value: entry.id });
    write.zRemRangeByScore(k.queueHistory(), '-inf', this.#now() - this.#retentionSeconds * 1000);
    await write.exec();
  }

  async getEntry(entryId: string): Promise<EntryRecord | null> {
    return decode(await this.client.hGetAll(this.keys.queueEntry(entryId)));
  }

  async patchEntry(entryId: string, patch: EntryPatch, ifStates: readonly EntryState[] = []): Promise<EntryRecord | null> {
    const args = [String(ifStates.length), ...ifStates.map((s) => JSON.stringify(s)), String(this.#ttlFor(patch)), ...pairs(patch)];
    const done = await this.client.eval(PATCH_ENTRY_SCRIPT, { keys: [this.keys.queueEntry(entryId)], arguments: args });
    return done === 1 ? this.#afterWrite(entryId, patch) : null;
  }

  async claimEntry(entryId: string, patch: EntryPatch): Promise<EntryRecord | null> {
    const k = this.keys;
    const args = [entryId, k.queueWaitingPrefix(), k.queueDirected(), String(this.#ttlFor(patch)), ...pairs(patch)];
    const done = await this.client.eval(CLAIM_ENTRY_SCRIPT, { keys: [k.queueEntry(entryId)], arguments: args });
    return done === 1 ? this.#afterWrite(entryId, patch) : null;
  }

  async claimNext(queueIds: readonly string[], patch: EntryPatch): Promise<EntryRecord | null> {
    if (queueIds.length === 0) return null;
    const k = this.keys;
    const taken = await this.client.eval(CLAIM_NEXT_SCRIPT, {
      keys: queueIds.map((id) => k.queueWaiting(id)),
      arguments: [k.queueEntryPrefix(), String(this.#ttlFor(patch)), ...pairs(patch)],
    });
    return typeof taken === 'string' ? this.#afterWrite(taken, patch) : null;
  }

  async requeueEntry(entryId: string, queueId: string | null, score: number, patch: EntryPatch): Promise<EntryRecord | null> {
    const k = this.keys;
    const done = await this.client.eval(REQUEUE_ENTRY_SCRIPT, {
      keys: [k.queueEntry(entryId), this.#waitingKey(queueId)],
      arguments: [entryId, k.queueWaitingPrefix(), k.queueDirected(), String(score), ...pairs({ ...patch, queueId })],
    });
    return done === 1 ? this.#afterWrite(entryId, patch) : null;
  }

  async waitingIds(queueId: string | null): Promise<string[]> {
    return this.client.zRange(this.#waitingKey(queueId), 0, -1);
  }

  async positionOf(queueId: string | null, entryId: string): Promise<number> {
    const rank = await this.client.zRank(this.#waitingKey(queueId), entryId);
    return rank === null ? 0 : rank + 1;
  }

  async entryOfSession(sessionId: string): Promise<string | null> {
    return (await this.client.hGet(this.keys.sessionEntries(), sessionId)) ?? null;
  }

  async listEntries(since: number, limit: number): Promise<EntryRecord[]> {
    const ids = await this.client.zRange(this.keys.queueHistory(), '+inf', since, { BY: 'SCORE', REV: true, LIMIT: { offset: 0, count: limit } });
    const entries = await Promise.all(ids.map((id) => this.getEntry(id)));
    return entries.filter((e): e is EntryRecord => e !== null);
  }

  async getPresence(accountId: string): Promise<PresenceRecord | null> {
    return parseOrNull<PresenceRecord>(await this.client.hGet(this.keys.presence(), accountId));
  }

  async putPresence(presence: PresenceRecord): Promise<void> {
    await this.client.hSet(this.keys.presence(), presence.accountId, JSON.stringify(presence));
  }

  async listPresence(): Promise<PresenceRecord[]> {
    return Object.values(await this.client.hGetAll(this.keys.presence())).map((raw) => JSON.parse(raw) as PresenceRecord);
  }

  async addHandlingTime(queueId: string, seconds: number): Promise<void> {
    const key = this.keys.handlingTimes(queueId);
    await this.client.multi().lPush(key, String(seconds)).lTrim(key, 0, HANDLING_TIMES_KEPT - 1).exec();
  }

  async handlingTimes(queueId: string): Promise<number[]> {
    return (await this.client.lRange(this.keys.handlingTimes(queueId), 0, -1)).map(Number);
  }

  async tryLead(name: string, ttlMs: number): Promise<boolean> {
    const reply = await this.client.set(this.keys.lease(name), '1', { condition: 'NX', expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) } });
    return reply === 'OK';
  }

  /** The client belongs to the session store. */
  async close(): Promise<void> {}

  #waitingKey(queueId: string | null): string {
    return queueId === null ? this.keys.queueDirected() : this.keys.queueWaiting(queueId);
  }

  /** Retention follows the state: a final state starts it, any other stops it, no state change leaves it. */
  #ttlFor(patch: EntryPatch): number {
    if (patch.state === undefined) return -1;
    return isFinalEntryState(patch.state) ? this.#retentionSeconds : 0;
  }

  async #afterWrite(entryId: string, patch: EntryPatch): Promise<EntryRecord | null> {
    if (patch.sessionId) await this.client.hSet(this.keys.sessionEntries(), patch.sessionId, entryId);
    return this.getEntry(entryId);
  }
}

/** Each field JSON-encoded (strings too, so `null` and text never mix up). */
function encode(fields: EntryPatch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) out[name] = JSON.stringify(value);
  return out;
}

function pairs(fields: EntryPatch): string[] {
  return Object.entries(encode(fields)).flat();
}

function decode(hash: Record<string, string>): EntryRecord | null {
  if (Object.keys(hash).length === 0) return null;
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(hash)) out[name] = JSON.parse(raw);
  return out as unknown as EntryRecord;
}

function parseOrNull<T>(raw: string | null | undefined): T | null {
  return raw === null || raw === undefined ? null : (JSON.parse(raw) as T);
}
