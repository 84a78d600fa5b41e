import type { AcceptedEvent, Offer, OfferWithdrawnEvent } from '@rs/signaling';
import type { Logger } from '../../logging/logger';
import type { EntryRecord, QueueStore } from '../../store/queue-store';
import type { QueueNotifier } from './queue-notifier';
import { entryView } from './queue-views';
import type { EntriesReader, QueueViews } from './queue-views';
import type { PresenceService } from './presence-service';

/** Changes of one queue within this window go out as one push (20 agents accepting at once move positions once). */
export const PUSH_COALESCE_MS = 15;

/**
 * Turns queue changes into pushes: each waiting customer gets their own status
 * only; members get the queue's list, arrivals and their offers; supervisors the
 * board. Queue-wide pushes are coalesced per queue.
 */
export class QueuePublisher {
  private readonly pendingQueues = new Set<string | null>();
  private readonly pendingAgents = new Set<string>();
  private readonly pendingPresence = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly store: QueueStore,
    private readonly views: QueueViews,
    private readonly presence: PresenceService,
    private readonly notifier: QueueNotifier,
    private readonly log: Logger,
  ) {}

  /** Positions moved in this queue (null: the directed set): every customer and member hears of it, once per window. */
  queueChanged(queueId: string | null): void {
    this.pendingQueues.add(queueId);
    this.schedule();
  }

  /** The agent's queues changed (membership, a queue edited or deleted): their whole snapshot, and the board. */
  agentChanged(accountId: string): void {
    this.pendingAgents.add(accountId);
    this.schedule();
  }

  /** The agent's presence changed: to them, and the board. */
  presenceChanged(accountId: string): void {
    this.pendingPresence.add(accountId);
    this.schedule();
  }

  /** One customer's own status (first message, max wait reached, keep waiting...). */
  async entryChanged(entry: EntryRecord): Promise<void> {
    this.notifier.toEntry(entry, 'queue:status', await this.views.waitStatus(entry));
  }

  async arrival(entry: EntryRecord): Promise<void> {
    const queue = entry.queueId ? await this.store.getQueue(entry.queueId) : null;
    const members = queue ? queue.members : entry.targetAgents;
    const position = await this.store.positionOf(entry.queueId, entry.id);
    for (const accountId of members) this.notifier.toAgent(accountId, 'queue:arrival', { entry: entryView(entry, position) });
  }

  offer(agentId: string, offer: Offer): void {
    this.notifier.toAgent(agentId, 'queue:offer', offer);
  }

  withdrawn(agentId: string, event: OfferWithdrawnEvent): void {
    this.notifier.toAgent(agentId, 'queue:offer-withdrawn', event);
  }

  /** The entry's offer is over: its agent (or every named agent of a transfer) is told why. */
  withdrawOffer(entry: EntryRecord, reason: OfferWithdrawnEvent['reason'], except?: string): void {
    if (!entry.offer) return;
    const agents = entry.offer.agentId ? [entry.offer.agentId] : entry.targetAgents;
    for (const agentId of agents) {
      if (agentId !== except) this.withdrawn(agentId, { offerId: entry.offer.offerId, entryId: entry.id, reason });
    }
  }

  accepted(entry: EntryRecord, event: AcceptedEvent): void {
    this.notifier.toEntry(entry, 'queue:accepted', event);
  }

  async transferred(entry: EntryRecord): Promise<void> {
    if (!entry.sessionId) return;
    this.notifier.toEntry(entry, 'queue:transferred', { sessionId: entry.sessionId, status: await this.views.waitStatus(entry) });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch((err: unknown) => this.log.error({ err }, 'queue push failed'));
    }, PUSH_COALESCE_MS);
  }

  /** One round of pushes; each queue is read once for all of them. */
  private async flush(): Promise<void> {
    const queueIds = [...this.pendingQueues];
    const agentIds = [...this.pendingAgents];
    const presenceIds = [...this.pendingPresence].filter((id) => !this.pendingAgents.has(id));
    this.pendingQueues.clear();
    this.pendingAgents.clear();
    this.pendingPresence.clear();
    const read = this.views.cachedReader();
    await Promise.all(queueIds.map((queueId) => this.pushQueue(queueId, read)));
    await Promise.all(agentIds.map(async (accountId) => {
      const snapshot = await this.views.snapshot(accountId, read).catch(() => null);
      if (!snapshot) return;
      this.notifier.toAgent(accountId, 'presence:updated', snapshot.presence);
      this.notifier.toAgent(accountId, 'queue:snapshot', snapshot);
    }));
    await Promise.all(presenceIds.map(async (accountId) => {
      const presence = await this.presence.view(accountId).catch(() => null);
      if (presence) this.notifier.toAgent(accountId, 'presence:updated', presence);
    }));
    this.notifier.toSupervisors('queue:board', await this.views.board(read));
  }

  private async pushQueue(queueId: string | null, read: EntriesReader): Promise<void> {
    if (queueId === null) {
      for (const entry of await read(null)) await this.entryChanged(entry);
      return;
    }
    const queue = await this.store.getQueue(queueId);
    if (!queue) return;
    const [view, statuses] = await Promise.all([this.views.queueView(queue, read), this.views.statuses(queue, read)]);
    for (const accountId of queue.members) this.notifier.toAgent(accountId, 'queue:updated', view);
    for (const { entry, status } of statuses) this.notifier.toEntry(entry, 'queue:status', status);
  }
}
