import type { EntryState, Queue, QuickPhrase } from '@rs/signaling';
import type { EntryPatch, EntryRecord, PresenceRecord, QueueStore } from './queue-store';
import { HANDLING_TIMES_KEPT, isFinalEntryState } from './queue-store';
import { DEFAULT_RECORD_RETENTION_SECONDS } from './session-store';

export interface MemoryQueueStoreOptions {
  now?: () => number;
  /** How long a finished entry (the queue part of the record) is kept. */
  retentionSeconds?: number;
}

interface Waiting {
  entryId: string;
  score: number;
}

const DIRECTED = '\u0000directed';

/**
 * Single-process QueueStore on Maps. Values are cloned in and out; no method
 * awaits before it is done, so each one is atomic (claims included).
 */
export class MemoryQueueStore implements QueueStore {
  readonly kind = 'memory' as const;
  readonly #now: () => number;
  readonly #retentionMs: number;
  readonly #queues = new Map<string, Queue>();
  readonly #phrases = new Map<string, QuickPhrase>();
  readonly #entries = new Map<string, EntryRecord>();
  /** Finished entries -> when they are forgotten. */
  readonly #expiries = new Map<string, number>();
  /** Queue id (or DIRECTED) -> waiting entries sorted by score, then id. */
  readonly #waiting = new Map<string, Waiting[]>();
  readonly #sessionEntries = new Map<string, string>();
  readonly #presence = new Map<string, PresenceRecord>();
  readonly #handlingTimes = new Map<string, number[]>();
  readonly #leases = new Map<string, number>();

  constructor(options: MemoryQueueStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#retentionMs = (options.retentionSeconds ?? DEFAULT_RECORD_RETENTION_SECONDS) * 1000;
  }

  async putQueue(queue: Queue): Promise<void> {
    this.#queues.set(queue.id, structuredClone(queue));
  }

  async getQueue(queueId: string): Promise<Queue | null> {
    return cloneOrNull(this.#queues.get(queueId));
  }

  async listQueues(): Promise<Queue[]> {
    return [...this.#queues.values()].sort((a, b) => a.createdAt - b.createdAt).map((q) => structuredClone(q));
  }

  async deleteQueue(queueId: string): Promise<void> {
    this.#queues.delete(queueId);
    this.#handlingTimes.delete(queueId);
  }

  async putPhrase(phrase: QuickPhrase): Promise<void> {
    this.#phrases.set(phrase.id, structuredClone(phrase));
  }

  async listPhrases(): Promise<QuickPhrase[]> {
    return [...this.#phrases.values()].map((p) => structuredClone(p));
  }

  async deletePhrase(phraseId: string): Promise<boolean> {
    return this.#phrases.delete(phraseId);
  }

  async createEntry(entry: EntryRecord, score: number): Promise<void> {
    this.#expire();
    this.#entries.set(entry.id, structuredClone(entry));
    if (entry.sessionId) this.#sessionEntries.set(entry.sessionId, entry.id);
    if (entry.state === 'waiting') this.#enqueue(entry.queueId, entry.id, score);
    this.#noteFinal(entry);
  }

  async getEntry(entryId: string): Promise<EntryRecord | null> {
    return cloneOrNull(this.#entries.get(entryId));
  }

  async patchEntry(entryId: string, patch: EntryPatch, ifStates?: readonly EntryState[]): Promise<EntryRecord | null> {
    const entry = this.#entries.get(entryId);
    if (!entry || (ifStates && !ifStates.includes(entry.state))) return null;
    return this.#apply(entry, patch);
  }

  async claimEntry(entryId: string, patch: EntryPatch): Promise<EntryRecord | null> {
    const entry = this.#entries.get(entryId);
    if (!entry || !this.#dequeue(entry.queueId, entryId)) return null;
    return this.#apply(entry, patch);
  }

  async claimNext(queueIds: readonly string[], patch: EntryPatch): Promise<EntryRecord | null> {
    let best: { queueId: string; head: Waiting } | null = null;
    for (const queueId of queueIds) {
      const head = this.#waiting.get(queueId)?.[0];
      if (head && (!best || compare(head, best.head) < 0)) best = { queueId, head };
    }
    if (!best) return null;
    this.#dequeue(best.queueId, best.head.entryId);
    const entry = this.#entries.get(best.head.entryId);
    return entry ? this.#apply(entry, patch) : null;
  }

  async requeueEntry(entryId: string, queueId: string | null, score: number, patch: EntryPatch): Promise<EntryRecord | null> {
    const entry = this.#entries.get(entryId);
    if (!entry) return null;
    this.#dequeue(entry.queueId, entryId);
    const updated = this.#apply(entry, { ...patch, queueId });
    this.#enqueue(queueId, entryId, score);
    return updated;
  }

  async waitingIds(queueId: string | null): Promise<string[]> {
    return (this.#waiting.get(queueId ?? DIRECTED) ?? []).map((w) => w.entryId);
  }

  async positionOf(queueId: string | null, entryId: string): Promise<number> {
    return (this.#waiting.get(queueId ?? DIRECTED) ?? []).findIndex((w) => w.entryId === entryId) + 1;
  }

  async entryOfSession(sessionId: string): Promise<string | null> {
    return this.#sessionEntries.get(sessionId) ?? null;
  }

  async listEntries(since: number, limit: number): Promise<EntryRecord[]> {
    this.#expire();
    return [...this.#entries.values()]
      .filter((e) => e.requestedAt >= since)
      .sort((a, b) => b.requestedAt - a.requestedAt)
      .slice(0, limit)
      .map((e) => structuredClone(e));
  }

  async getPresence(accountId: string): Promise<PresenceRecord | null> {
    return cloneOrNull(this.#presence.get(accountId));
  }

  async putPresence(presence: PresenceRecord): Promise<void> {
    this.#presence.set(presence.accountId, structuredClone(presence));
  }

  async listPresence(): Promise<PresenceRecord[]> {
    return [...this.#presence.values()].map((p) => structuredClone(p));
  }

  async addHandlingTime(queueId: string, seconds: number): Promise<void> {
    const times = [seconds, ...(this.#handlingTimes.get(queueId) ?? [])].slice(0, HANDLING_TIMES_KEPT);
    this.#handlingTimes.set(queueId, times);
  }

  async handlingTimes(queueId: string): Promise<number[]> {
    return [...(this.#handlingTimes.get(queueId) ?? [])];
  }

  async tryLead(name: string, ttlMs: number): Promise<boolean> {
    const now = this.#now();
    if ((this.#leases.get(name) ?? 0) > now) return false;
    this.#leases.set(name, now + ttlMs);
    return true;
  }

  async close(): Promise<void> {}

  #apply(entry: EntryRecord, patch: EntryPatch): EntryRecord {
    const updated: EntryRecord = { ...entry, ...structuredClone(patch) };
    this.#entries.set(entry.id, updated);
    if (updated.sessionId) this.#sessionEntries.set(updated.sessionId, updated.id);
    this.#noteFinal(updated);
    return structuredClone(updated);
  }

  #enqueue(queueId: string | null, entryId: string, score: number): void {
    const key = queueId ?? DIRECTED;
    const list = (this.#waiting.get(key) ?? []).filter((w) => w.entryId !== entryId);
    list.push({ entryId, score });
    list.sort(compare);
    this.#waiting.set(key, list);
  }

  /** True when the entry was waiting there (and is not any more). */
  #dequeue(queueId: string | null, entryId: string): boolean {
    const list = this.#waiting.get(queueId ?? DIRECTED);
    const index = list?.findIndex((w) => w.entryId === entryId) ?? -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  #noteFinal(entry: EntryRecord): void {
    if (isFinalEntryState(entry.state)) this.#expiries.set(entry.id, this.#now() + this.#retentionMs);
    else this.#expiries.delete(entry.id);
  }

  #expire(): void {
    const now = this.#now();
    for (const [entryId, expiresAt] of this.#expiries) {
      if (expiresAt > now) continue;
      const entry = this.#entries.get(entryId);
      if (entry?.sessionId) this.#sessionEntries.delete(entry.sessionId);
      this.#entries.delete(entryId);
      this.#expiries.delete(entryId);
    }
  }
}

function compare(a: Waiting, b: Waiting): number {
  return a.score - b.score || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0);
}

function cloneOrNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : structuredClone(value);
}
