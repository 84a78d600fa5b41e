import type { ChosenPresence, EntryState, Language, Queue, QuickPhrase, TransferNote } from '@rs/signaling';

/** An automatic offer of an entry to one agent, until expiresAt. */
export interface OfferRecord {
  offerId: string;
  agentId: string;
  expiresAt: number;
}

/**
 * A customer's request for help as stored, from the help form to its outcome.
 * It is also the queue part of the session record (it outlives the wait).
 */
export interface EntryRecord {
  id: string;
  /** null: offered to named agents (a transfer) outside any queue. */
  queueId: string | null;
  state: EntryState;
  customerName: string;
  email: string;
  problem: string;
  fields: Record<string, string>;
  referrer: string;
  language: Language;
  firstMessage: string;
  requestedAt: number;
  enqueuedAt: number;
  connected: boolean;
  /** Since when no page of the customer is connected (abandon after the grace period); null while connected. */
  disconnectedAt: number | null;
  /** The session the customer is in (after an accept; a transfer keeps it). */
  sessionId: string | null;
  participantId: string | null;
  transfers: TransferNote[];
  offer: OfferRecord | null;
  /** Agents offered this entry during the current wait (automatic routing moves on to others). */
  triedAgents: string[];
  /** A transfer to named agents: only they are offered it. */
  targetAgents: string[];
  /** When the customer was asked "keep waiting or leave a message" (null: not yet). */
  maxWaitReachedAt: number | null;
  keepWaiting: boolean;
  acceptedBy: string | null;
  acceptedByName: string | null;
  acceptedAt: number | null;
  leftMessage: string | null;
  /** When the entry reached abandoned / left-message / cancelled. */
  endedAt: number | null;
}

export type EntryPatch = Partial<Omit<EntryRecord, 'id'>>;

/** An agent's presence as stored; busy and wrap-up are computed from it with the sessions they run. */
export interface PresenceRecord {
  accountId: string;
  displayName: string;
  chosen: ChosenPresence;
  /** Set away by the server after missed offers (null: by choice, or available). */
  awayReason: 'chosen' | 'missed-offers' | null;
  wrapUpUntil: number | null;
  missedOffers: number;
  idleSince: number;
  /** A console of theirs is connected somewhere. */
  online: boolean;
}

/** Recent handling times kept per queue for the wait estimate. */
export const HANDLING_TIMES_KEPT = 20;
/** A transfer puts the entry before every customer who was not transferred: score = at - FRONT_OFFSET_MS. */
export const FRONT_OFFSET_MS = 1e13;

/** Sorted-set score of an entry: transferred entries first (in order of transfer), then by enqueue time. */
export function waitScore(enqueuedAt: number, front: boolean): number {
  return front ? enqueuedAt - FRONT_OFFSET_MS : enqueuedAt;
}

/**
 * Queue state (queues, quick phrases, entries in wait order, agent presence,
 * handling times), behind one interface with a memory and a Redis
 * implementation; both pass test/integration/store-contract.test.ts.
 * Taking a customer (claimEntry, claimNext) is atomic: of concurrent takers
 * (on any node), exactly one gets the entry and it is never lost.
 */
export interface QueueStore {
  readonly kind: 'memory' | 'redis';

  putQueue(queue: Queue): Promise<void>;
  getQueue(queueId: string): Promise<Queue | null>;
  /** Oldest first. */
  listQueues(): Promise<Queue[]>;
  deleteQueue(queueId: string): Promise<void>;

  putPhrase(phrase: QuickPhrase): Promise<void>;
  listPhrases(): Promise<QuickPhrase[]>;
  deletePhrase(phraseId: string): Promise<boolean>;

  /** Stores a new entry; when it is 'waiting' it also takes its place in its queue (score: waitScore). */
  createEntry(entry: EntryRecord, score: number): Promise<void>;
  getEntry(entryId: string): Promise<EntryRecord | null>;
  /** Applies the patch if the entry exists and (when given) its state is one of ifStates; null otherwise. */
  patchEntry(entryId: string, patch: EntryPatch, ifStates?: readonly EntryState[]): Promise<EntryRecord | null>;
  /**
   * Atomically takes a waiting entry out of its queue (or out of the directed set)
   * and applies the patch; null when it was not waiting (taken by someone else, gone).
   */
  claimEntry(entryId: string, patch: EntryPatch): Promise<EntryRecord | null>;
  /** Atomically takes the entry with the lowest score of these queues and applies the patch; null when all are empty. */
  claimNext(queueIds: readonly string[], patch: EntryPatch): Promise<EntryRecord | null>;
  /** Atomically applies the patch and puts the entry (back) in queue `queueId` (null: the directed set) at `score`. */
  requeueEntry(entryId: string, queueId: string | null, score: number, patch: EntryPatch): Promise<EntryRecord | null>;
  /** Ids waiting in a queue (null: the directed set), in order. */
  waitingIds(queueId: string | null): Promise<string[]>;
  /** 1-based place in its queue; 0 when not waiting there. */
  positionOf(queueId: string | null, entryId: string): Promise<number>;
  /** The entry of a session (accepted from a queue, or transferred). */
  entryOfSession(sessionId: string): Promise<string | null>;
  /** Entries requested since `since` (epoch ms), newest first, at most `limit`. */
  listEntries(since: number, limit: number): Promise<EntryRecord[]>;

  getPresence(accountId: string): Promise<PresenceRecord | null>;
  putPresence(presence: PresenceRecord): Promise<void>;
  listPresence(): Promise<PresenceRecord[]>;

  /** Keeps the newest HANDLING_TIMES_KEPT handling times (seconds) of a queue. */
  addHandlingTime(queueId: string, seconds: number): Promise<void>;
  /** Newest first. */
  handlingTimes(queueId: string): Promise<number[]>;

  /** True for exactly one caller per `name` until ttlMs has passed (one node runs a periodic job). */
  tryLead(name: string, ttlMs: number): Promise<boolean>;

  close(): Promise<void>;
}

/** States after which an entry is only a record (kept for the retention period; a transfer revives an accepted one). */
export function isFinalEntryState(state: EntryState): boolean {
  return state === 'accepted' || state === 'abandoned' || state === 'left-message' || state === 'cancelled';
}
