import { randomUUID } from 'node:crypto';
import type { AccountProfile, AcceptResponse, Queue } from '@rs/signaling';
import type { StaffPrincipal } from '../../auth/principal';
import { AppError } from '../../errors/app-error';
import type { Logger } from '../../logging/logger';
import type { EntryPatch, EntryRecord, QueueStore } from '../../store/queue-store';
import { waitScore } from '../../store/queue-store';
import type { SessionRecord, SessionStore } from '../../store/session-store';
import type { Clock } from '../clock';
import type { Notifier } from '../notifier';
import { requireLiveSession } from '../membership';
import { toSummary } from '../session-service';
import type { SessionService } from '../session-service';
import { countSessionsInControl } from './agent-sessions';
import { isWaiting } from './entry-rules';
import type { WaitTokens } from './help-service';
import type { AgentAccounts, PresenceService } from './presence-service';
import type { QueuePublisher } from './queue-publisher';
import { entryView } from './queue-views';

export interface AcceptServiceOptions {
  queues: QueueStore;
  store: SessionStore;
  sessions: SessionService;
  accounts: AgentAccounts;
  presence: PresenceService;
  publisher: QueuePublisher;
  tokens: WaitTokens;
  notifier: Notifier;
  clock: Clock;
  log: Logger;
}

type Claim = (patch: EntryPatch) => Promise<EntryRecord | null>;

/**
 * Agents take customers (R1.1): Accept next, a given customer, or an offer.
 * Taking is one atomic claim in the store; the session is then created (or, for
 * a transferred session, the agent joins it in control) with the customer
 * admitted without a number. If that fails the customer goes back to their place.
 */
export class AcceptService {
  constructor(private readonly opts: AcceptServiceOptions) {}

  async acceptNext(agent: StaffPrincipal, queueId?: string): Promise<AcceptResponse> {
    const mine = await this.queuesOf(agent.accountId);
    if (queueId !== undefined && !mine.some((q) => q.id === queueId)) await this.refuseQueue(queueId);
    const ids = queueId !== undefined ? [queueId] : mine.map((q) => q.id);
    return this.take(agent, (patch) => this.opts.queues.claimNext(ids, patch), 'QUEUE_EMPTY');
  }

  async accept(agent: StaffPrincipal, entryId: string): Promise<AcceptResponse> {
    const entry = await this.opts.queues.getEntry(entryId);
    if (!entry) throw new AppError('ENTRY_NOT_FOUND', 'no such customer');
    await this.requireMayTake(agent.accountId, entry);
    if (!isWaiting(entry)) throw new AppError('ALREADY_TAKEN', 'this customer is no longer waiting');
    return this.take(agent, (patch) => this.opts.queues.claimEntry(entryId, patch), 'ALREADY_TAKEN');
  }

  async acceptOffer(agent: StaffPrincipal, offerId: string): Promise<AcceptResponse> {
    const entry = await this.findOffer(agent.accountId, offerId);
    return this.take(agent, (patch) => this.opts.queues.claimEntry(entry.id, patch), 'ALREADY_TAKEN');
  }

  /** The offer moves on to the next agent (a decline is not a missed offer). */
  async decline(agent: StaffPrincipal, offerId: string): Promise<void> {
    const entry = await this.findOffer(agent.accountId, offerId);
    const declined = await this.opts.queues.patchEntry(entry.id, { state: 'waiting', offer: null }, ['offered']);
    if (!declined) throw new AppError('OFFER_NOT_FOUND', 'this offer is over');
    this.opts.publisher.withdrawOffer(entry, 'declined');
    this.opts.publisher.queueChanged(entry.queueId);
  }

  /** The waiting entry holding this agent's offer, or OFFER_NOT_FOUND. */
  async findOffer(accountId: string, offerId: string): Promise<EntryRecord> {
    const queueIds = [...(await this.queuesOf(accountId)).map((q) => q.id), null];
    for (const queueId of queueIds) {
      for (const id of await this.opts.queues.waitingIds(queueId)) {
        const entry = await this.opts.queues.getEntry(id);
        const offer = entry?.offer;
        if (entry && offer?.offerId === offerId && (offer.agentId === accountId || (offer.agentId === '' && entry.targetAgents.includes(accountId)))) return entry;
      }
    }
    throw new AppError('OFFER_NOT_FOUND', 'this offer is over');
  }

  private async take(agent: StaffPrincipal, claim: Claim, missing: 'QUEUE_EMPTY' | 'ALREADY_TAKEN'): Promise<AcceptResponse> {
    const { queues, accounts, clock, publisher } = this.opts;
    const account = await accounts.get(agent.accountId);
    const running = await countSessionsInControl(this.opts.store, account.id);
    if (running >= account.maxSessions) throw new AppError('SESSION_LIMIT', `you already run ${running} session(s), your maximum is ${account.maxSessions}`);
    const claimed = await claim({ state: 'accepted', acceptedBy: account.id, acceptedByName: account.displayName, acceptedAt: clock() });
    if (!claimed) throw new AppError(missing, missing === 'QUEUE_EMPTY' ? 'nobody is waiting' : 'another agent was faster');
    let session: SessionRecord;
    let entry: EntryRecord;
    try {
      await this.requireQueueCap(claimed, running);
      ({ session, entry } = claimed.sessionId ? await this.resume(claimed, account) : await this.open(claimed, account));
    } catch (err) {
      await this.putBack(claimed);
      throw err;
    }
    entry = (await queues.patchEntry(entry.id, { offer: null })) ?? entry;
    publisher.withdrawOffer(claimed, 'taken', account.id);
    await this.opts.presence.accepted(account.id);
    const admission = claimed.sessionId || !entry.participantId ? null : {
      token: await this.opts.tokens.customer(session.id, entry.participantId), sessionId: session.id, participantId: entry.participantId,
    };
    publisher.accepted(entry, { entryId: entry.id, agentName: account.displayName, admission });
    publisher.queueChanged(claimed.queueId);
    this.opts.log.info({ entryId: entry.id, sessionId: session.id, agentId: account.id }, 'customer accepted');
    return { entryId: entry.id, session: toSummary(session), entry: entryView(entry, 0), transfer: entry.transfers.at(-1) ?? null };
  }

  /** A new session with the customer admitted (no number to type) and their first message in its chat. */
  private async open(entry: EntryRecord, account: AccountProfile): Promise<{ session: SessionRecord; entry: EntryRecord }> {
    const { sessions, store, queues, notifier, clock } = this.opts;
    const { session } = await sessions.create({ id: account.id, displayName: account.displayName, maxSessions: account.maxSessions });
    const { participantId } = await sessions.joinByNumber(session.number, entry.customerName);
    if (entry.firstMessage) {
      const message = await store.appendChat(session.id, {
        id: randomUUID(), sessionId: session.id, from: participantId, fromName: entry.customerName, to: null,
        text: entry.firstMessage, sentAt: entry.requestedAt, whisper: false,
      });
      notifier.toSession(session.id, 'chat:message', message);
    }
    await store.appendAudit(session.id, { at: clock(), actor: session.controllerId, action: 'queue:accepted', subject: entry.id });
    const updated = (await queues.patchEntry(entry.id, { sessionId: session.id, participantId })) ?? entry;
    return { session: (await store.getSession(session.id)) ?? session, entry: updated };
  }

  /** A transferred session: the agent joins it in control; the customer is already in it. */
  private async resume(entry: EntryRecord, account: AccountProfile): Promise<{ session: SessionRecord; entry: EntryRecord }> {
    const live = await requireLiveSession(this.opts.store, entry.sessionId ?? '');
    const session = await this.opts.sessions.admitController(live, { id: account.id, displayName: account.displayName, maxSessions: account.maxSessions });
    return { session, entry };
  }

  /** Back to the same place (a transferred customer stays at the front). */
  private async putBack(entry: EntryRecord): Promise<void> {
    const score = waitScore(entry.enqueuedAt, entry.transfers.length > 0);
    await this.opts.queues.requeueEntry(entry.id, entry.queueId, score, { state: 'waiting', acceptedBy: null, acceptedByName: null, acceptedAt: null });
    this.opts.publisher.queueChanged(entry.queueId);
  }

  private async requireQueueCap(entry: EntryRecord, running: number): Promise<void> {
    const queue = entry.queueId ? await this.opts.queues.getQueue(entry.queueId) : null;
    const cap = queue?.maxSessionsPerAgent ?? null;
    if (cap !== null && running >= cap) throw new AppError('SESSION_LIMIT', `this queue allows ${cap} session(s) per agent`);
  }

  private async requireMayTake(accountId: string, entry: EntryRecord): Promise<void> {
    if (entry.queueId === null) {
      if (!entry.targetAgents.includes(accountId)) throw new AppError('NOT_QUEUE_MEMBER', 'this transfer is for other agents');
      return;
    }
    const queue = await this.opts.queues.getQueue(entry.queueId);
    if (!queue?.members.includes(accountId)) throw new AppError('NOT_QUEUE_MEMBER', 'you are not a member of this queue');
  }

  private async refuseQueue(queueId: string): Promise<never> {
    const queue = await this.opts.queues.getQueue(queueId);
    throw queue ? new AppError('NOT_QUEUE_MEMBER', 'you are not a member of this queue') : new AppError('QUEUE_NOT_FOUND', 'no such queue');
  }

  private async queuesOf(accountId: string): Promise<Queue[]> {
    return (await this.opts.queues.listQueues()).filter((q) => q.members.includes(accountId));
  }
}
