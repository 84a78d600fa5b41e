import { randomUUID } from 'node:crypto';
import type { Admission, HelpRequest, HelpResponse, PublicQueue, WaitStatus } from '@rs/signaling';
import { AppError } from '../../errors/app-error';
import type { Logger } from '../../logging/logger';
import type { EntryPatch, EntryRecord, QueueStore } from '../../store/queue-store';
import { waitScore } from '../../store/queue-store';
import type { Clock } from '../clock';
import { isWaiting } from './entry-rules';
import { FormInvalidError } from './form-invalid-error';
import { refuseHelpForm } from './help-form-rules';
import type { QueuePublisher } from './queue-publisher';
import type { QueueViews } from './queue-views';

/** Signs the tokens of waiting customers: the wait token (visitor) and, once accepted, the customer token. */
export interface WaitTokens {
  visitor(entryId: string): Promise<string>;
  customer(sessionId: string, participantId: string): Promise<string>;
}

export interface HelpServiceOptions {
  queues: QueueStore;
  views: QueueViews;
  publisher: QueuePublisher;
  tokens: WaitTokens;
  clock: Clock;
  log: Logger;
}

/**
 * The customer's side of a queue (R1.1): the help form makes an entry; the
 * waiting customer reads and changes their own entry only (first message, keep
 * waiting, leave a message, leave), and gets into the session once accepted.
 */
export class HelpService {
  constructor(private readonly opts: HelpServiceOptions) {}

  async publicQueues(): Promise<PublicQueue[]> {
    return (await this.opts.queues.listQueues()).map(({ id, name, greeting, formFields }) => ({ id, name, greeting, formFields }));
  }

  /** FORM_INVALID (naming the fields) changes nothing; otherwise the customer waits at the end of the queue. */
  async request(help: HelpRequest): Promise<HelpResponse> {
    const { queues, clock, publisher, tokens } = this.opts;
    const queue = await queues.getQueue(help.queueId);
    if (!queue) throw new AppError('QUEUE_NOT_FOUND', 'no such queue');
    const refusals = refuseHelpForm(queue.formFields, help.form);
    if (Object.keys(refusals).length > 0) throw new FormInvalidError(refusals);
    const now = clock();
    const entry: EntryRecord = {
      id: randomUUID(), queueId: queue.id, state: 'waiting', customerName: help.form.name, email: help.form.email ?? '',
      problem: help.form.problem ?? '', fields: help.form.fields, referrer: help.referrer ?? '', language: help.language,
      firstMessage: help.firstMessage ?? '', requestedAt: now, enqueuedAt: now,
      // Not connected until the waiting page opens its socket: a form sent by a page that never does is abandoned after the grace.
      connected: false, disconnectedAt: now, sessionId: null, participantId: null, transfers: [], offer: null, triedAgents: [],
      targetAgents: [], maxWaitReachedAt: null, keepWaiting: false, acceptedBy: null, acceptedByName: null, acceptedAt: null,
      leftMessage: null, endedAt: null,
    };
    await queues.createEntry(entry, waitScore(now, false));
    this.opts.log.info({ entryId: entry.id, queueId: queue.id }, 'customer queued');
    await publisher.arrival(entry);
    publisher.queueChanged(queue.id);
    return { entryId: entry.id, waitToken: await tokens.visitor(entry.id), status: await this.opts.views.waitStatus(entry) };
  }

  async status(entryId: string): Promise<WaitStatus> {
    return this.opts.views.waitStatus(await this.require(entryId));
  }

  /** A customer in a session: the status of its queue entry if it is theirs (a transfer), NOT_IN_QUEUE otherwise. */
  async statusOfSession(sessionId: string, participantId: string): Promise<WaitStatus> {
    const entryId = await this.opts.queues.entryOfSession(sessionId);
    const entry = entryId ? await this.opts.queues.getEntry(entryId) : null;
    if (!entry || entry.participantId !== participantId) throw new AppError('NOT_IN_QUEUE', 'this session is not waiting in a queue');
    return this.opts.views.waitStatus(entry);
  }

  async firstMessage(entryId: string, text: string): Promise<WaitStatus> {
    return this.changeWaiting(entryId, { firstMessage: text });
  }

  async keepWaiting(entryId: string): Promise<WaitStatus> {
    return this.changeWaiting(entryId, { keepWaiting: true });
  }

  /** The customer gives up waiting and leaves a message (kept in the record). */
  async leaveMessage(entryId: string, text: string): Promise<WaitStatus> {
    return this.end(entryId, { state: 'left-message', leftMessage: text, endedAt: this.opts.clock(), offer: null });
  }

  async leave(entryId: string): Promise<WaitStatus> {
    return this.end(entryId, { state: 'abandoned', endedAt: this.opts.clock(), offer: null });
  }

  /** A waiting page connected or its last connection closed (the abandon grace starts). */
  async setConnected(entryId: string, connected: boolean): Promise<void> {
    const patch: EntryPatch = connected ? { connected, disconnectedAt: null } : { connected, disconnectedAt: this.opts.clock() };
    const entry = await this.opts.queues.patchEntry(entryId, patch, ['waiting', 'offered']);
    if (entry?.queueId) this.opts.publisher.queueChanged(entry.queueId);
  }

  /** Once accepted: the customer token for the session (NOT_ACCEPTED before). */
  async admission(entryId: string): Promise<Admission> {
    const entry = await this.require(entryId);
    if (entry.state !== 'accepted' || !entry.sessionId || !entry.participantId) throw new AppError('NOT_ACCEPTED', 'no agent has accepted you yet');
    return { token: await this.opts.tokens.customer(entry.sessionId, entry.participantId), sessionId: entry.sessionId, participantId: entry.participantId };
  }

  private async changeWaiting(entryId: string, patch: EntryPatch): Promise<WaitStatus> {
    const entry = await this.opts.queues.patchEntry(entryId, patch, ['waiting', 'offered']);
    if (!entry) throw new AppError('NOT_IN_QUEUE', 'you are no longer waiting');
    if (entry.queueId) this.opts.publisher.queueChanged(entry.queueId);
    return this.opts.views.waitStatus(entry);
  }

  /** Out of the queue for good: only if still waiting there (an accept at the same moment wins or loses atomically). */
  private async end(entryId: string, patch: EntryPatch): Promise<WaitStatus> {
    const before = await this.require(entryId);
    if (!isWaiting(before)) throw new AppError('NOT_IN_QUEUE', 'you are no longer waiting');
    const entry = await this.opts.queues.claimEntry(entryId, patch);
    if (!entry) throw new AppError('NOT_IN_QUEUE', 'you are no longer waiting');
    this.opts.log.info({ entryId, outcome: entry.state }, 'customer left the queue');
    this.opts.publisher.withdrawOffer(before, 'abandoned');
    this.opts.publisher.queueChanged(entry.queueId);
    return this.opts.views.waitStatus(entry);
  }

  private async require(entryId: string): Promise<EntryRecord> {
    const entry = await this.opts.queues.getEntry(entryId);
    if (!entry) throw new AppError('ENTRY_NOT_FOUND', 'no such request for help');
    return entry;
  }
}
