import { randomUUID } from 'node:crypto';
import type { SessionTransferRequest, TransferNote } from '@rs/signaling';
import { QUEUE_LIMITS } from '@rs/signaling';
import type { StaffPrincipal } from '../../auth/principal';
import { AppError } from '../../errors/app-error';
import type { Logger } from '../../logging/logger';
import type { EntryRecord, QueueStore } from '../../store/queue-store';
import { waitScore } from '../../store/queue-store';
import type { ParticipantRecord, SessionStore } from '../../store/session-store';
import type { Clock } from '../clock';
import { resolveMember } from '../membership';
import type { Member } from '../membership';
import type { SessionService } from '../session-service';
import { isController } from '../session-rules';
import type { AgentAccounts, PresenceService } from './presence-service';
import type { QueuePublisher } from './queue-publisher';

/** What a transfer stops in the session (implemented over the media services). */
export interface SessionActivities {
  /** A running voice call ends (R1.5). */
  endVoice(member: Member): Promise<void>;
  /** Screen sharing and pending or granted consents end: the next agent asks again. */
  stopShares(sessionId: string, actorId: string): Promise<void>;
}

export interface TransferServiceOptions {
  queues: QueueStore;
  store: SessionStore;
  sessions: SessionService;
  accounts: AgentAccounts;
  presence: PresenceService;
  publisher: QueuePublisher;
  activities: SessionActivities;
  clock: Clock;
  log: Logger;
}

/**
 * R1.5: the agent in control transfers the session to a queue (the customer
 * waits at its front) or to named agents (offered to them), with an optional
 * message of at most 345 characters. The customer stays in the session with
 * the chat so far and is told; the transferring agent leaves; a voice call ends.
 */
export class TransferService {
  constructor(private readonly opts: TransferServiceOptions) {}

  async transfer(principal: StaffPrincipal, request: SessionTransferRequest): Promise<{ entryId: string }> {
    const message = request.message ?? '';
    if (message.length > QUEUE_LIMITS.transferMessageLength) {
      throw new AppError('TRANSFER_MESSAGE_TOO_LONG', `the message has ${message.length} characters; ${QUEUE_LIMITS.transferMessageLength} at most`);
    }
    const { queues, store, clock } = this.opts;
    const member = await resolveMember(store, principal, request.sessionId);
    if (!isController(member.session, member.participant)) throw new AppError('NOT_IN_CONTROL', 'only the agent in control transfers the session');
    const target = await this.checkTarget(principal, request);
    const customer = await this.customerOf(member);
    const now = clock();
    const note: TransferNote = {
      at: now, sessionId: member.session.id, fromAgentName: member.participant.displayName, kind: request.target.kind,
      toQueueId: target.queueId, toAgentIds: target.agentIds, message: message.length > 0 ? message : null,
    };
    const entry = await this.entryOf(member, customer, principal);
    await this.opts.activities.endVoice(member);
    await this.opts.activities.stopShares(member.session.id, member.participant.id);
    const previousQueue = entry.queueId ? await queues.getQueue(entry.queueId) : null;
    if (previousQueue && entry.acceptedAt !== null) await queues.addHandlingTime(previousQueue.id, Math.round((now - entry.acceptedAt) / 1000));
    const requeued = await queues.requeueEntry(entry.id, target.queueId, waitScore(now, true), {
      state: 'waiting', enqueuedAt: now, transfers: [...entry.transfers, note], offer: null, triedAgents: [], targetAgents: target.agentIds,
      acceptedBy: null, acceptedByName: null, acceptedAt: null, maxWaitReachedAt: null, keepWaiting: false,
      sessionId: member.session.id, participantId: customer.id, connected: true, disconnectedAt: null,
    });
    if (!requeued) throw new AppError('ENTRY_NOT_FOUND', 'the session could not be transferred');
    await this.opts.sessions.handOff(member, target.queueId ?? target.agentIds.join(','));
    await this.opts.presence.sessionEnded(principal.accountId, previousQueue?.wrapUpSeconds ?? 0);
    this.opts.log.info({ sessionId: member.session.id, entryId: entry.id, kind: note.kind }, 'session transferred');
    await this.opts.publisher.transferred(requeued);
    await this.opts.publisher.arrival(requeued);
    this.opts.publisher.queueChanged(target.queueId);
    return { entryId: entry.id };
  }

  private async checkTarget(principal: StaffPrincipal, request: SessionTransferRequest): Promise<{ queueId: string | null; agentIds: string[] }> {
    if (request.target.kind === 'queue') {
      if (!(await this.opts.queues.getQueue(request.target.queueId))) throw new AppError('QUEUE_NOT_FOUND', 'no such queue');
      return { queueId: request.target.queueId, agentIds: [] };
    }
    const agentIds = [...new Set(request.target.agentIds)];
    if (agentIds.includes(principal.accountId)) throw new AppError('FORBIDDEN', 'transfer to other agents than yourself');
    const accounts = await Promise.all(agentIds.map((id) => this.opts.accounts.get(id)));
    if (accounts.some((a) => a.role !== 'agent')) throw new AppError('FORBIDDEN', 'a session is transferred to agents only');
    return { queueId: null, agentIds };
  }

  /** The customer being helped (or the first present one). */
  private async customerOf({ session }: Member): Promise<ParticipantRecord> {
    const participants = await this.opts.store.listParticipants(session.id);
    const present = participants.filter((p) => p.role === 'customer' && p.leftAt === null);
    const customer = present.find((p) => p.id === session.selectedCustomerId) ?? present[0];
    if (!customer) throw new AppError('PARTICIPANT_NOT_FOUND', 'there is no customer to transfer');
    return customer;
  }

  /** The session's queue entry; a session that came from no queue (outbound) gets one now. */
  private async entryOf({ session }: Member, customer: ParticipantRecord, principal: StaffPrincipal): Promise<EntryRecord> {
    const { queues, clock } = this.opts;
    const entryId = await queues.entryOfSession(session.id);
    const existing = entryId ? await queues.getEntry(entryId) : null;
    if (existing) return existing;
    const entry: EntryRecord = {
      id: randomUUID(), queueId: null, state: 'accepted', customerName: customer.displayName, email: '', problem: '', fields: {},
      referrer: '', language: 'en', firstMessage: '', requestedAt: session.createdAt, enqueuedAt: session.createdAt, connected: true,
      disconnectedAt: null, sessionId: session.id, participantId: customer.id, transfers: [], offer: null, triedAgents: [], targetAgents: [],
      maxWaitReachedAt: null, keepWaiting: false, acceptedBy: principal.accountId, acceptedByName: principal.displayName,
      acceptedAt: clock(), leftMessage: null, endedAt: null,
    };
    await queues.createEntry(entry, 0);
    return entry;
  }
}
