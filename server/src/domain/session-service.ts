import { randomUUID } from 'node:crypto';
import type { SessionEndedEvent, SessionSummary } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { ParticipantRecord, SessionRecord, SessionStore } from '../store/session-store';
import type { Clock } from './clock';
import { requireLiveSession, type Member } from './membership';
import type { Notifier } from './notifier';
import type { ParticipantAnnouncer } from './participant-announcer';
import { findReturningCustomer, hashCustomerKey } from './customer-key';
import { canSeeChat, isPresent, isWaiting, refuseEnd, refuseLeave, refuseRemoveParticipant } from './session-rules';
import { generateSessionNumber } from './session-number';
import { TypedEmitter } from './typed-emitter';

const NUMBER_ATTEMPTS = 20;
/** To find a member's newest N visible messages, look at the newest N x this (others' private messages are skipped). */
const CHAT_LOOKBACK = 4;

export type SessionServiceEvents = {
  'participant-gone': [sessionId: string, participantId: string];
  /** The participant's last connection closed (they may come back: a reload, a network drop). */
  'participant-disconnected': [sessionId: string, participantId: string];
  'session-ended': [sessionId: string, endedBy: string];
};

export interface SessionServiceOptions {
  store: SessionStore;
  notifier: Notifier;
  announcer: ParticipantAnnouncer;
  log: Logger;
  clock: Clock;
  numberTtlSeconds: number;
}

/** The agent account starting a session, with its admin-set limit (R1.2). */
export interface StartingAgent {
  id: string;
  displayName: string;
  maxSessions: number;
}

/** Session lifecycle: create, join by number, attach/detach a connection, leave, end (R1.1, R1.6). */
export class SessionService extends TypedEmitter<SessionServiceEvents> {
  constructor(private readonly opts: SessionServiceOptions) {
    super(opts.log);
  }

  async create(agent: StartingAgent): Promise<{ session: SessionRecord; numberExpiresAt: number }> {
    const { store, clock, numberTtlSeconds } = this.opts;
    const running = await this.sessionsInControlOf(agent.id);
    if (running.length >= agent.maxSessions) {
      throw new AppError('SESSION_LIMIT', `you already run ${running.length} session(s), your maximum is ${agent.maxSessions}`);
    }
    const id = randomUUID();
    const number = await this.reserveFreshNumber(id);
    const now = clock();
    const controllerId = randomUUID();
    const session: SessionRecord = {
      id, number, state: 'waiting', agentName: agent.displayName, createdAt: now, endedAt: null,
      controllerId, selectedCustomerId: null, agentId: agent.id, endedBy: null,
    };
    await store.createSession(session);
    await this.addParticipant(id, { id: controllerId, role: 'agent', displayName: agent.displayName, accountId: agent.id });
    await store.appendAudit(id, { at: now, actor: controllerId, action: 'session:created', subject: id });
    this.opts.log.info({ sessionId: id }, 'session created');
    return { session, numberExpiresAt: now + numberTtlSeconds * 1000 };
  }

  /**
   * A new number for a session whose number nobody used (it expired, or the agent fears it leaked):
   * only the agent in control, only while no customer has joined (a used number stays for the
   * whole session: NUMBER_IN_USE). The old number stops joining at once.
   */
  async renewNumber(sessionId: string, accountId: string): Promise<{ session: SessionRecord; numberExpiresAt: number }> {
    const { store, clock, numberTtlSeconds } = this.opts;
    const session = await requireLiveSession(store, sessionId);
    const participants = await store.listParticipants(sessionId);
    const controller = participants.find((p) => p.id === session.controllerId);
    if (!controller || controller.accountId !== accountId || controller.leftAt !== null) throw new AppError('NOT_IN_CONTROL', 'only the agent in control gets a new number');
    if (participants.some((p) => p.role === 'customer')) throw new AppError('NUMBER_IN_USE', 'a customer has used this number; it stays for the session');
    const number = await this.reserveFreshNumber(sessionId);
    const updated = (await store.updateSession(sessionId, { number })) ?? { ...session, number };
    await store.releaseNumber(session.number, sessionId);
    await store.appendAudit(sessionId, { at: clock(), actor: controller.id, action: 'session:number-renewed', subject: sessionId });
    this.announceSession(updated);
    this.opts.log.info({ sessionId }, 'session number renewed');
    return { session: updated, numberExpiresAt: clock() + numberTtlSeconds * 1000 };
  }

  /**
   * A customer joins by number; the same generic error for unknown, expired and
   * ended numbers. With the key their browser keeps, a customer who joined
   * before (another tab, closed or not) gets their entry back instead of a second one.
   * Once a session has had a customer, anyone else with the number waits until the
   * agent in control admits them (the number stays valid, so it must not be an open door).
   */
  async joinByNumber(number: string, displayName: string, customerKey?: string): Promise<{ sessionId: string; participantId: string }> {
    const session = await this.findLiveByNumber(number);
    await this.opts.store.keepNumber(number);
    const keyHash = customerKey === undefined ? undefined : hashCustomerKey(customerKey);
    const participants = await this.opts.store.listParticipants(session.id);
    const returning = keyHash ? findReturningCustomer(participants, keyHash) : null;
    if (returning) return this.rejoin(session, returning, displayName);
    const held = participants.some((p) => p.role === 'customer');
    const participant = await this.addParticipant(session.id, {
      id: randomUUID(), role: 'customer', displayName, accountId: null, ...(keyHash ? { customerKeyHash: keyHash } : {}), ...(held ? { waiting: true } : {}),
    });
    if (!held && session.selectedCustomerId === null) await this.selectFirstCustomer(session, participant);
    this.opts.log.info({ sessionId: session.id, participantId: participant.id }, 'customer joined');
    return { sessionId: session.id, participantId: participant.id };
  }

  /** The live session a number points at, or the generic SESSION_NOT_FOUND. */
  async findLiveByNumber(number: string): Promise<SessionRecord> {
    const sessionId = await this.opts.store.findSessionIdByNumber(number);
    const session = sessionId ? await this.opts.store.getSession(sessionId) : null;
    if (!session || session.state === 'ended') throw new AppError('SESSION_NOT_FOUND', 'this session number is not valid or has expired');
    return session;
  }

  /** Adds a participant, records it and announces it. */
  async addParticipant(
    sessionId: string,
    who: Pick<ParticipantRecord, 'id' | 'role' | 'displayName' | 'accountId' | 'customerKeyHash' | 'waiting'>,
  ): Promise<ParticipantRecord> {
    const participant: ParticipantRecord = { ...who, connected: false, joinedAt: this.opts.clock(), leftAt: null, grantsAll: false };
    await this.opts.store.putParticipant(sessionId, participant);
    if (who.accountId) await this.opts.store.linkAgentSession(who.accountId, sessionId);
    const action = participant.waiting ? 'participant:waiting' : 'participant:joined';
    await this.opts.store.appendAudit(sessionId, { at: participant.joinedAt, actor: participant.id, action, subject: participant.role });
    this.opts.announcer.announce('session:participant-joined', sessionId, participant);
    return participant;
  }

  /** A connection of this member is now attached; returns what the snapshot needs. */
  async attach(member: Member): Promise<{ session: SessionRecord; participants: ParticipantRecord[] }> {
    await this.setConnected(member, true);
    let session = member.session;
    if (member.participant.role === 'customer' && session.state === 'waiting') {
      session = (await this.opts.store.updateSession(session.id, { state: 'active' })) ?? session;
      this.opts.log.info({ sessionId: session.id }, 'session active');
    }
    return { session, participants: await this.opts.store.listParticipants(session.id) };
  }

  async detach(member: Member): Promise<void> {
    await this.setConnected(member, false);
    this.emit('participant-disconnected', member.session.id, member.participant.id);
  }

  async leave({ session, participant }: Member): Promise<void> {
    const refusal = refuseLeave(session, participant);
    if (refusal) throw new AppError('FORBIDDEN', refusal);
    const left: ParticipantRecord = { ...participant, connected: false, leftAt: this.opts.clock() };
    await this.opts.store.putParticipant(session.id, left);
    await this.opts.store.appendAudit(session.id, { at: left.leftAt ?? 0, actor: left.id, action: 'participant:left', subject: left.role });
    this.opts.announcer.announce('session:participant-left', session.id, left);
    if (session.selectedCustomerId === participant.id) await this.selectNextCustomer(session);
    this.emit('participant-gone', session.id, participant.id);
    this.opts.log.info({ sessionId: session.id, participantId: participant.id }, 'participant left');
  }

  /** The agent in control removes a participant who is no longer connected (a ghost entry); they are shown as left. */
  async remove({ session, participant }: Member, participantId: string): Promise<void> {
    const target = await this.opts.store.getParticipant(session.id, participantId);
    const refusal = refuseRemoveParticipant(session, participant, target);
    if (refusal) throw new AppError(refusal.startsWith('only the agent') ? 'NOT_IN_CONTROL' : target ? 'FORBIDDEN' : 'PARTICIPANT_NOT_FOUND', refusal);
    if (!target || target.leftAt !== null) return;
    const removed: ParticipantRecord = { ...target, connected: false, leftAt: this.opts.clock() };
    await this.opts.store.putParticipant(session.id, removed);
    await this.opts.store.appendAudit(session.id, { at: removed.leftAt ?? 0, actor: participant.id, action: 'participant:removed', subject: removed.id });
    this.opts.announcer.announce('session:participant-left', session.id, removed);
    if (session.selectedCustomerId === removed.id) await this.selectNextCustomer(session);
    this.emit('participant-gone', session.id, removed.id);
    this.opts.log.info({ sessionId: session.id, participantId: removed.id }, 'participant removed');
  }

  async end({ session, participant }: Member): Promise<void> {
    const refusal = refuseEnd(session, participant);
    if (refusal) throw new AppError('NOT_IN_CONTROL', refusal);
    const { store, clock } = this.opts;
    const endedAt = clock();
    await store.updateSession(session.id, { state: 'ended', endedAt, endedBy: participant.id });
    await store.releaseNumber(session.number, session.id);
    await store.appendAudit(session.id, { at: endedAt, actor: participant.id, action: 'session:ended', subject: session.id });
    await this.tellEnded(session.id, { sessionId: session.id, endedBy: participant.id, endedAt });
    this.emit('session-ended', session.id, participant.id);
    this.opts.log.info({ sessionId: session.id }, 'session ended');
  }

  /**
   * An account was disabled or deleted: the sessions it is in control of end (the
   * customers are told), and it leaves those it assists or watches. Ending, not
   * handing over, is the documented choice: nobody else was asked to take them.
   */
  async closeSessionsOf(accountId: string): Promise<void> {
    for (const session of await this.listOpenSessionsOf(accountId)) {
      const participants = await this.opts.store.listParticipants(session.id);
      const own = participants.find((p) => p.accountId === accountId && p.leftAt === null);
      if (!own) continue;
      const member = { session, participant: own };
      await (session.controllerId === own.id ? this.end(member) : this.leave(member)).catch((err: unknown) => {
        this.opts.log.warn({ err, sessionId: session.id }, 'could not close a session of a locked-out account');
      });
    }
  }

  /**
   * R1.5: the agent in control leaves on a session transfer; nobody is in
   * control until the next agent accepts (admitController).
   */
  async handOff({ session, participant }: Member, subject: string): Promise<void> {
    const left: ParticipantRecord = { ...participant, connected: false, leftAt: this.opts.clock() };
    await this.opts.store.putParticipant(session.id, left);
    await this.opts.store.appendAudit(session.id, { at: left.leftAt ?? 0, actor: left.id, action: 'session:transferred', subject });
    this.opts.announcer.announce('session:participant-left', session.id, left);
    this.emit('participant-gone', session.id, participant.id);
    this.opts.log.info({ sessionId: session.id, participantId: participant.id }, 'session transferred');
  }

  /** The agent who accepted a transferred session joins it in control (SESSION_LIMIT at their maximum). */
  async admitController(session: SessionRecord, agent: StartingAgent): Promise<SessionRecord> {
    const running = await this.sessionsInControlOf(agent.id);
    if (running.length >= agent.maxSessions) {
      throw new AppError('SESSION_LIMIT', `you already run ${running.length} session(s), your maximum is ${agent.maxSessions}`);
    }
    const participant = await this.addParticipant(session.id, { id: randomUUID(), role: 'agent', displayName: agent.displayName, accountId: agent.id });
    const updated = (await this.opts.store.updateSession(session.id, { controllerId: participant.id, agentName: agent.displayName })) ?? session;
    await this.opts.store.appendAudit(session.id, { at: this.opts.clock(), actor: participant.id, action: 'queue:accepted', subject: session.id });
    this.announceSession(updated);
    return updated;
  }

  /** Ends a session nobody is in control of (a transferred session whose customer left while waiting). */
  async endUnattended(sessionId: string, by: string): Promise<void> {
    const session = await this.opts.store.getSession(sessionId);
    if (!session || session.state === 'ended') return;
    const endedAt = this.opts.clock();
    await this.opts.store.updateSession(sessionId, { state: 'ended', endedAt, endedBy: by });
    await this.opts.store.releaseNumber(session.number, sessionId);
    await this.opts.store.appendAudit(sessionId, { at: endedAt, actor: by, action: 'session:ended', subject: sessionId });
    await this.tellEnded(sessionId, { sessionId, endedBy: by, endedAt });
    this.emit('session-ended', sessionId, by);
    this.opts.log.info({ sessionId }, 'unattended session ended');
  }

  /** Open sessions an agent account takes part in (started or assists), oldest first. */
  async listOpenSessionsOf(agentId: string): Promise<SessionRecord[]> {
    const sessions = await this.opts.store.listSessionsOfAgent(agentId);
    return sessions.filter((s) => s.state !== 'ended');
  }

  /** The chat a member may see; with `last`, at most the newest `last` of them (looked for among the newest messages). */
  async chatHistoryFor({ session, participant }: Member, last?: number) {
    const messages = await this.opts.store.listChat(session.id, last === undefined ? undefined : last * CHAT_LOOKBACK);
    const visible = messages.filter((m) => canSeeChat(m, participant));
    return last === undefined ? visible : visible.slice(Math.max(0, visible.length - last));
  }

  /** Publishes a changed session summary to everyone in it. */
  announceSession(session: SessionRecord): void {
    this.opts.notifier.toSession(session.id, 'session:updated', { session: toSummary(session) });
  }

  private async sessionsInControlOf(agentId: string): Promise<SessionRecord[]> {
    const open = await this.listOpenSessionsOf(agentId);
    // A controller who handed the session off (a transfer) has left it: no longer theirs.
    const inControl = await Promise.all(
      open.map(async (s) => {
        const controller = await this.opts.store.getParticipant(s.id, s.controllerId);
        return controller?.accountId === agentId && controller.leftAt === null;
      }),
    );
    return open.filter((_s, i) => inControl[i]);
  }

  /** A returning customer takes back their entry (name refreshed); no second entry appears. */
  private async rejoin(session: SessionRecord, returning: ParticipantRecord, displayName: string): Promise<{ sessionId: string; participantId: string }> {
    const updated: ParticipantRecord = { ...returning, displayName };
    if (returning.displayName !== displayName) {
      await this.opts.store.putParticipant(session.id, updated);
      this.opts.announcer.announce('session:participant-updated', session.id, updated);
    }
    await this.opts.store.appendAudit(session.id, { at: this.opts.clock(), actor: returning.id, action: 'participant:rejoined', subject: returning.role });
    this.opts.log.info({ sessionId: session.id, participantId: returning.id }, 'customer rejoined');
    return { sessionId: session.id, participantId: returning.id };
  }

  /** The session's end, to everyone in it and to each customer still waiting at the door (they are in no session room). */
  private async tellEnded(sessionId: string, payload: SessionEndedEvent): Promise<void> {
    this.opts.notifier.toSession(sessionId, 'session:ended', payload);
    for (const p of await this.opts.store.listParticipants(sessionId)) {
      if (isWaiting(p)) this.opts.notifier.toParticipant(p.id, 'session:ended', payload);
    }
  }

  private async selectFirstCustomer(session: SessionRecord, customer: ParticipantRecord): Promise<void> {
    const updated = await this.opts.store.updateSession(session.id, { selectedCustomerId: customer.id });
    if (updated) this.announceSession(updated);
  }

  /** Selects this customer when nobody is selected (a customer admitted after the first one left). */
  async selectIfNone(session: SessionRecord, customer: ParticipantRecord): Promise<void> {
    if (session.selectedCustomerId === null) await this.selectFirstCustomer(session, customer);
  }

  private async selectNextCustomer(session: SessionRecord): Promise<void> {
    const participants = await this.opts.store.listParticipants(session.id);
    const next = participants.find((p) => p.role === 'customer' && isPresent(p));
    const updated = await this.opts.store.updateSession(session.id, { selectedCustomerId: next?.id ?? null });
    if (updated) this.announceSession(updated);
  }

  private async setConnected({ session, participant }: Member, connected: boolean): Promise<void> {
    const current = await this.opts.store.getParticipant(session.id, participant.id);
    if (!current || current.leftAt !== null || current.connected === connected) return;
    const updated = { ...current, connected };
    await this.opts.store.putParticipant(session.id, updated);
    this.opts.announcer.announce('session:participant-updated', session.id, updated);
  }

  private async reserveFreshNumber(sessionId: string): Promise<string> {
    for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
      const number = generateSessionNumber();
      if (await this.opts.store.reserveNumber(number, sessionId, this.opts.numberTtlSeconds)) return number;
    }
    throw new AppError('INTERNAL', 'could not allocate a session number');
  }
}

export function toSummary(s: SessionRecord): SessionSummary {
  return {
    id: s.id, number: s.number, state: s.state, agentName: s.agentName, createdAt: s.createdAt, endedAt: s.endedAt,
    controllerId: s.controllerId, selectedCustomerId: s.selectedCustomerId,
  };
}
