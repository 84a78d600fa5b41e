import type { AcceptResponse, AgentPresence, AgentQueueSnapshot, ChosenPresence, QueueEntry, QueueView } from '@rs/signaling';
import { TypedEmitter, type SignalingClient } from '@rs/web-common';

export type QueueManagerEvents = {
  /** Presence or any queue changed. */
  changed: [];
  /** A customer arrived in one of my queues (sound + tab-title alert). */
  arrival: [QueueEntry];
  /** This console took a customer (Accept next, a given customer, an offer): open the session. */
  accepted: [AcceptResponse];
};

/**
 * An agent's side of the support queues (R1.1): their presence and the queues they
 * belong to with every waiting customer, as the server pushes them; Accept next
 * and accepting a given customer (atomic on the server: one taker per customer).
 */
export class QueueManager {
  readonly events = new TypedEmitter<QueueManagerEvents>();
  private snapshot: AgentQueueSnapshot | null = null;

  constructor(private readonly signaling: SignalingClient) {
    signaling.connection.on('connected', () => void this.refresh());
    signaling.on('queue:snapshot', (snapshot) => this.apply(snapshot));
    signaling.on('queue:updated', (view) => this.applyQueue(view));
    signaling.on('presence:updated', (presence) => this.applyPresence(presence));
    signaling.on('queue:arrival', ({ entry }) => this.events.emit('arrival', entry));
    if (signaling.connected) void this.refresh();
  }

  get presence(): AgentPresence | null {
    return this.snapshot?.presence ?? null;
  }

  get queues(): QueueView[] {
    return this.snapshot?.queues ?? [];
  }

  /** Customers waiting (not yet offered or accepted) across my queues. */
  get waitingCount(): number {
    return this.queues.reduce((sum, view) => sum + view.entries.filter((entry) => entry.state === 'waiting').length, 0);
  }

  async refresh(): Promise<void> {
    try {
      this.apply(await this.signaling.request('queue:list', {}));
    } catch (error) {
      console.warn('queue:list failed', error);
    }
  }

  async setPresence(state: ChosenPresence): Promise<void> {
    this.applyPresence(await this.signaling.request('presence:set', { state }));
  }

  /** The head of one queue, or of all my queues (the longest waiting) without a queue. */
  async acceptNext(queueId?: string): Promise<AcceptResponse> {
    return this.took(await this.signaling.request('queue:accept-next', queueId ? { queueId } : {}));
  }

  async accept(entryId: string): Promise<AcceptResponse> {
    return this.took(await this.signaling.request('queue:accept', { entryId }));
  }

  /** An offer accepted elsewhere in this console (offer dialog) opens its session the same way. */
  took(response: AcceptResponse): AcceptResponse {
    this.events.emit('accepted', response);
    return response;
  }

  close(): void {
    this.events.removeAllListeners();
  }

  private apply(snapshot: AgentQueueSnapshot): void {
    this.snapshot = snapshot;
    this.events.emit('changed');
  }

  private applyQueue(view: QueueView): void {
    if (!this.snapshot) return void this.refresh();
    const queues = this.snapshot.queues;
    const index = queues.findIndex((each) => each.queue.id === view.queue.id);
    // A queue I was just added to arrives with a snapshot; an update of another is not mine.
    if (index < 0) return;
    this.snapshot = { ...this.snapshot, queues: queues.map((each, i) => (i === index ? view : each)) };
    this.events.emit('changed');
  }

  private applyPresence(presence: AgentPresence): void {
    if (!this.snapshot) return void this.refresh();
    this.snapshot = { ...this.snapshot, presence };
    this.events.emit('changed');
  }
}
