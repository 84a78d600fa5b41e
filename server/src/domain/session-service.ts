import { randomUUID } from 'node:crypto';
import type { AgentProfile, Participant, SessionSummary } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { ParticipantRecord, SessionRecord, SessionStore } from '../store/session-store';
import type { Clock } from './clock';
import type { Member } from './membership';
import type { Notifier } from './notifier';
import { canSeeChat, refuseEnd, refuseLeave } from './session-rules';
import { generateSessionNumber } from './session-number';
import { TypedEmitter } from './typed-emitter';

const NUMBER_ATTEMPTS = 20;

export type SessionServiceEvents = {
  'participant-gone': [sessionId: string, participantId: string];
  'session-ended': [sessionId: string];
};

export interface SessionServiceOptions {
  store: SessionStore;
  notifier: Notifier;
  log: Logger;
  clock: Clock;
  numberTtlSeconds: number;
}

/** Session lifecycle: create, join by number, attach/detach a connection, leave, end (R1.1, R1.6). */
export class SessionService extends TypedEmitter<SessionServiceEvents> {
  constructor(private readonly opts: SessionServiceOptions) {
    super(opts.log);
  }

  async create(agent: AgentProfile): Promise<{ session: SessionRecord; numberExpiresAt: number }> {
    const { store, clock, numberTtlSeconds } = this.opts;
    const id = randomUUID();
    const number = await this.reserveFreshNumber(id);
    const now = clock();
    const agentParticipantId = randomUUID();
    const session: SessionRecord = {
      id, number, state: 'waiting', agentName: agent.displayName, createdAt: now, endedAt: null,
      agentId: agent.id, agentParticipantId, endedBy: null,
    };
    await store.createSession(session);
    await store.putParticipant(id, {
      id: agentParticipantId, role: 'agent', displayName: agent.displayName, agentId: agent.id,
      connected: false, joinedAt: now, leftAt: null,
    });
    await store.appendAudit(id, { at: now, actor: agentParticipantId, action: 'session:created', subject: id });
    this.opts.log.info({ sessionId: id }, 'session created');
    return { session, numberExpiresAt: now + numberTtlSeconds * 1000 };
  }

  /** A customer joins by number; the same generic error for unknown, expired and ended numbers. */
  async joinByNumber(number: string, displayName: string): Promise<{ sessionId: string; participantId: string }> {
    const { store, clock } = this.opts;
    const sessionId = await store.findSessionIdByNumber(number);
    const session = sessionId ? await store.getSession(sessionId) : null;
    if (!session || session.state === 'ended') throw new AppError('SESSION_NOT_FOUND', 'this session number is not valid or has expired');
    await store.keepNumber(number);
    const participant: ParticipantRecord = {
      id: randomUUID(), role: 'customer', displayName, agentId: null, connected: false, joinedAt: clock(), leftAt: null,
    };
    await store.putParticipant(session.id, participant);
    await store.appendAudit(session.id, { at: participant.joinedAt, actor: participant.id, action: 'participant:joined', subject: participant.id });
    this.opts.notifier.toSession(session.id, 'session:participant-joined', { sessionId: session.id, participant: toPublic(participant) });
    this.opts.log.info({ sessionId: session.id, participantId: participant.id }, 'customer joined');
    return { sessionId: session.id, participantId: participant.id };
  }

  /** A connection of this member is now attached; returns what the snapshot needs. */
  async attach(member: Member): Promise<{ session: SessionRecord; participants: ParticipantRecord[] }> {
    const { store } = this.opts;
    await this.setConnected(member, true);
    let session = member.session;
    if (member.participant.role === 'customer' && session.state === 'waiting') {
      session = (await store.setSessionState(session.id, 'active')) ?? session;
      this.opts.log.info({ sessionId: session.id }, 'session active');
    }
    return { session, participants: await store.listParticipants(session.id) };
  }

  async detach(member: Member): Promise<void> {
    await this.setConnected(member, false);
  }

  async leave({ session, participant }: Member): Promise<void> {
    const refusal = refuseLeave(session, participant);
    if (refusal) throw new AppError('FORBIDDEN', refusal);
    const left: ParticipantRecord = { ...participant, connected: false, leftAt: this.opts.clock() };
    await this.opts.store.putParticipant(session.id, left);
    await this.opts.store.appendAudit(session.id, { at: left.leftAt ?? 0, actor: left.id, action: 'participant:left', subject: left.id });
    this.opts.notifier.toSession(session.id, 'session:participant-left', { sessionId: session.id, participant: toPublic(left) });
    this.emit('participant-gone', session.id, participant.id);
    this.opts.log.info({ sessionId: session.id, participantId: participant.id }, 'participant left');
  }

  async end({ session, participant }: Member): Promise<void> {
    const refusal = refuseEnd(session, participant);
    if (refusal) throw new AppError('FORBIDDEN', refusal);
    const { store, clock } = this.opts;
    const endedAt = clock();
    await store.setSessionState(session.id, 'ended', { endedAt, endedBy: participant.id });
    await store.releaseNumber(session.number);
    await store.appendAudit(session.id, { at: endedAt, actor: participant.id, action: 'session:ended', subject: session.id });
    this.opts.notifier.toSession(session.id, 'session:ended', { sessionId: session.id, endedBy: participant.id, endedAt });
    this.emit('session-ended', session.id);
    this.opts.log.info({ sessionId: session.id }, 'session ended');
  }

  async listOpenSessionsOf(agentId: string): Promise<SessionRecord[]> {
    const sessions = await this.opts.store.listSessionsOfAgent(agentId);
    return sessions.filter((s) => s.state !== 'ended').sort((a, b) => a.createdAt - b.createdAt);
  }

  async chatHistoryFor({ session, participant }: Member) {
    const messages = await this.opts.store.listChat(session.id);
    return messages.filter((m) => canSeeChat(m, participant));
  }

  private async setConnected({ session, participant }: Member, connected: boolean): Promise<void> {
    const current = await this.opts.store.getParticipant(session.id, participant.id);
    if (!current || current.leftAt !== null || current.connected === connected) return;
    const updated = { ...current, connected };
    await this.opts.store.putParticipant(session.id, updated);
    this.opts.notifier.toSession(session.id, 'session:participant-updated', { sessionId: session.id, participant: toPublic(updated) });
  }

  private async reserveFreshNumber(sessionId: string): Promise<string> {
    for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
      const number = generateSessionNumber();
      if (await this.opts.store.reserveNumber(number, sessionId, this.opts.numberTtlSeconds)) return number;
    }
    throw new AppError('INTERNAL', 'could not allocate a session number');
  }
}

export function toPublic({ agentId: _agentId, ...participant }: ParticipantRecord): Participant {
  return participant;
}

export function toSummary(s: SessionRecord): SessionSummary {
  return { id: s.id, number: s.number, state: s.state, agentName: s.agentName, createdAt: s.createdAt, endedAt: s.endedAt };
}
