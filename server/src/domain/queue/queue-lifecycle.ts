import type { Logger } from '../../logging/logger';
import type { QueueStore } from '../../store/queue-store';
import type { Clock } from '../clock';
import type { SessionService } from '../session-service';
import { isWaiting } from './entry-rules';
import type { PresenceService } from './presence-service';
import type { QueuePublisher } from './queue-publisher';

/**
 * What sessions mean for queues: a session from a queue ends -> its handling
 * time counts for the estimate and its agent goes into wrap-up; the customer
 * of a transferred session leaves while waiting -> abandoned, and the session
 * (nobody in control) ends.
 */
export class QueueLifecycle {
  constructor(
    private readonly queues: QueueStore,
    private readonly sessions: SessionService,
    private readonly presence: PresenceService,
    private readonly publisher: QueuePublisher,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async sessionEnded(sessionId: string): Promise<void> {
    const entryId = await this.queues.entryOfSession(sessionId);
    const entry = entryId ? await this.queues.getEntry(entryId) : null;
    if (!entry) return;
    const now = this.clock();
    if (isWaiting(entry)) {
      if (await this.queues.claimEntry(entry.id, { state: 'abandoned', endedAt: now, offer: null })) this.publisher.queueChanged(entry.queueId);
      return;
    }
    if (entry.state !== 'accepted' || entry.acceptedAt === null || entry.acceptedBy === null) return;
    const queue = entry.queueId ? await this.queues.getQueue(entry.queueId) : null;
    if (queue) await this.queues.addHandlingTime(queue.id, Math.round((now - entry.acceptedAt) / 1000));
    await this.presence.sessionEnded(entry.acceptedBy, queue?.wrapUpSeconds ?? 0);
    this.log.info({ sessionId, entryId: entry.id }, 'queue session ended');
  }

  async participantGone(sessionId: string, participantId: string): Promise<void> {
    const entryId = await this.queues.entryOfSession(sessionId);
    const entry = entryId ? await this.queues.getEntry(entryId) : null;
    if (!entry || !isWaiting(entry) || entry.participantId !== participantId) return;
    const abandoned = await this.queues.claimEntry(entry.id, { state: 'abandoned', endedAt: this.clock(), offer: null });
    if (!abandoned) return;
    this.publisher.withdrawOffer(entry, 'abandoned');
    this.publisher.queueChanged(entry.queueId);
    await this.sessions.endUnattended(sessionId, participantId);
  }
}
