import type {
  AgentQueue,
  AgentQueueSnapshot,
  Queue,
  QueueBoard,
  QueueBoardRow,
  QueueEntry,
  QueueRecord,
  QueueView,
  WaitStatus,
} from '@rs/signaling';
import type { EntryRecord, QueueStore } from '../../store/queue-store';
import type { Clock } from '../clock';
import type { PresenceService } from './presence-service';
import { estimateWaitSeconds } from './wait-estimate';

/** The waiting entries of a queue (null: the directed set), in order; a push reads each queue once. */
export type EntriesReader = (queueId: string | null) => Promise<EntryRecord[]>;

/** What an estimate needs of a queue, read once for all its customers. */
interface EstimateBasis {
  handlingTimes: number[];
  agentsOnDuty: number;
}

export function agentQueue(queue: Queue): AgentQueue {
  const { id, name, routing, offerTimeoutSeconds, maxWaitSeconds } = queue;
  return { id, name, routing, offerTimeoutSeconds, maxWaitSeconds };
}

export function entryView(entry: EntryRecord, position: number): QueueEntry {
  return {
    id: entry.id, queueId: entry.queueId, state: entry.state, customerName: entry.customerName, email: entry.email,
    problem: entry.problem, fields: entry.fields, referrer: entry.referrer, language: entry.language, firstMessage: entry.firstMessage,
    requestedAt: entry.requestedAt, enqueuedAt: entry.enqueuedAt, position, connected: entry.connected, sessionId: entry.sessionId,
    transfer: entry.transfers.at(-1) ?? null,
  };
}

/** The queue part of the session record (and of the records list). */
export function queueRecord(entry: EntryRecord, queueName: string, now: number): QueueRecord {
  const outcome = entry.state === 'offered' ? 'waiting' : entry.state;
  const until = entry.acceptedAt ?? entry.endedAt ?? now;
  return {
    entryId: entry.id, queueId: entry.queueId, queueName, customerName: entry.customerName, email: entry.email, problem: entry.problem,
    fields: entry.fields, referrer: entry.referrer, language: entry.language, firstMessage: entry.firstMessage, requestedAt: entry.requestedAt,
    waitSeconds: Math.max(0, Math.round((until - entry.requestedAt) / 1000)), acceptedAt: entry.acceptedAt, acceptedBy: entry.acceptedBy,
    acceptedByName: entry.acceptedByName, outcome, leftMessage: entry.leftMessage, sessionId: entry.sessionId,
    participantId: entry.participantId, transfers: entry.transfers,
  };
}

/**
 * Views of queue state for each audience: a waiting customer's own status
 * (never anything about others beyond their position), an agent's queues, the
 * supervisors' board.
 */
export class QueueViews {
  constructor(
    private readonly store: QueueStore,
    private readonly presence: PresenceService,
    private readonly clock: Clock,
  ) {}

  /** Members signed in and not away (available, busy or in wrap-up): the "available agents" of the estimate. */
  async estimateBasis(queue: Queue | null): Promise<EstimateBasis> {
    if (!queue) return { handlingTimes: [], agentsOnDuty: 0 };
    const [handlingTimes, members] = await Promise.all([this.store.handlingTimes(queue.id), this.presence.views(queue.members)]);
    return { handlingTimes, agentsOnDuty: members.filter((m) => m.state !== 'away' && m.state !== 'offline').length };
  }

  /** One customer's status; pass the queue, basis and position when computing many at once. */
  async waitStatus(entry: EntryRecord, known?: { queue: Queue | null; basis: EstimateBasis; position: number }): Promise<WaitStatus> {
    const queue = known ? known.queue : entry.queueId ? await this.store.getQueue(entry.queueId) : null;
    const basis = known?.basis ?? (await this.estimateBasis(queue));
    const waiting = entry.state === 'waiting' || entry.state === 'offered';
    const position = !waiting ? 0 : known ? known.position : await this.store.positionOf(entry.queueId, entry.id);
    return {
      entryId: entry.id, queueId: entry.queueId, queueName: queue?.name ?? null, greeting: queue?.greeting ?? null, state: entry.state,
      position, estimatedWaitSeconds: waiting ? estimateWaitSeconds(position, basis.handlingTimes, basis.agentsOnDuty) : null,
      enqueuedAt: entry.enqueuedAt, maxWaitReached: entry.maxWaitReachedAt !== null && !entry.keepWaiting, keepWaiting: entry.keepWaiting,
      sessionId: entry.sessionId, firstMessage: entry.firstMessage,
    };
  }

  /** The waiting entries of a queue (null: the directed set), in order. */
  async waitingEntries(queueId: string | null): Promise<EntryRecord[]> {
    const ids = await this.store.waitingIds(queueId);
    const entries = await Promise.all(ids.map((id) => this.store.getEntry(id)));
    return entries.filter((e): e is EntryRecord => e !== null);
  }

  /** A reader that reads each queue once (for one round of pushes). */
  cachedReader(): EntriesReader {
    const cache = new Map<string | null, Promise<EntryRecord[]>>();
    return (queueId) => {
      let entries = cache.get(queueId);
      if (!entries) cache.set(queueId, (entries = this.waitingEntries(queueId)));
      return entries;
    };
  }

  /** Every waiting customer of a queue with their status (one read of the queue for all). */
  async statuses(queue: Queue, read: EntriesReader = (id) => this.waitingEntries(id)): Promise<{ entry: EntryRecord; status: WaitStatus }[]> {
    const [entries, basis] = await Promise.all([read(queue.id), this.estimateBasis(queue)]);
    return Promise.all(entries.map(async (entry, i) => ({ entry, status: await this.waitStatus(entry, { queue, basis, position: i + 1 }) })));
  }

  async queueView(queue: Queue, read: EntriesReader = (id) => this.waitingEntries(id)): Promise<QueueView> {
    const entries = await read(queue.id);
    return { queue: agentQueue(queue), entries: entries.map((e, i) => entryView(e, i + 1)) };
  }

  /** An agent's presence and the queues they belong to. */
  async snapshot(accountId: string, read: EntriesReader = (id) => this.waitingEntries(id)): Promise<AgentQueueSnapshot> {
    const queues = (await this.store.listQueues()).filter((q) => q.members.includes(accountId));
    const [presence, views] = await Promise.all([this.presence.view(accountId), Promise.all(queues.map((q) => this.queueView(q, read)))]);
    return { presence, queues: views };
  }

  async board(read: EntriesReader = (id) => this.waitingEntries(id)): Promise<QueueBoard> {
    const now = this.clock();
    const rows = await Promise.all((await this.store.listQueues()).map((q) => this.boardRow(q, now, read)));
    return { rows, at: now };
  }

  private async boardRow(queue: Queue, now: number, read: EntriesReader): Promise<QueueBoardRow> {
    const [entries, members] = await Promise.all([read(queue.id), this.presence.views(queue.members)]);
    const count = (state: string) => members.filter((m) => m.state === state).length;
    const oldest = Math.min(...entries.map((e) => e.enqueuedAt), now);
    return {
      queue: agentQueue(queue),
      waiting: entries.length,
      longestWaitSeconds: Math.max(0, Math.floor((now - oldest) / 1000)),
      agents: { available: count('available'), busy: count('busy'), wrapUp: count('wrap-up'), away: count('away'), offline: count('offline') },
    };
  }
}

/** Reads queue records: by session (the session record) and the list of recent entries. */
export class QueueRecords {
  constructor(
    private readonly store: QueueStore,
    private readonly clock: Clock,
  ) {}

  async ofSession(sessionId: string): Promise<QueueRecord | null> {
    const entryId = await this.store.entryOfSession(sessionId);
    const entry = entryId ? await this.store.getEntry(entryId) : null;
    return entry ? this.toRecord(entry) : null;
  }

  /** Entries requested since `since`, newest first; optionally of one queue. */
  async list(since: number, limit: number, queueId?: string): Promise<QueueRecord[]> {
    const entries = await this.store.listEntries(since, limit);
    const mine = queueId ? entries.filter((e) => e.queueId === queueId || e.transfers.some((t) => t.toQueueId === queueId)) : entries;
    return Promise.all(mine.map((e) => this.toRecord(e)));
  }

  private async toRecord(entry: EntryRecord): Promise<QueueRecord> {
    const queue = entry.queueId ? await this.store.getQueue(entry.queueId) : null;
    return queueRecord(entry, queue?.name.en ?? '', this.clock());
  }
}
