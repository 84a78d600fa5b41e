import { randomUUID } from 'node:crypto';
import type { NotesUpdateRequest } from '@rs/signaling';
import type { StaffPrincipal } from '../auth/principal';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { AuditEntry, ParticipantRecord, SessionRecord, SessionStore } from '../store/session-store';
import type { Clock } from './clock';
import { findParticipant, requireLiveSession } from './membership';
import type { Member } from './membership';
import type { Notifier } from './notifier';
import type { ParticipantAnnouncer } from './participant-announcer';
import type { SessionService } from './session-service';
import { refuseAdmit, refuseNotes, refuseSelectCustomer, refuseTakeOver, refuseTransferControl } from './session-rules';
import type { StaffDirectory } from './staff-directory';
import { TypedEmitter } from './typed-emitter';

/** Notes edits by one person closer together than this are one line of the record. */
const NOTES_EDIT_RUN_MS = 60_000;

export type SessionControlEvents = {
  /** Support activities must stop (transfer of control, customer switch): R1.2, R1.4. */
  'activities-stopped': [sessionId: string, actorId: string, cause: 'control-changed' | 'customer-switched'];
  /** Someone else is in control now (the microphone floor follows). */
  'controller-changed': [sessionId: string];
  /** Another customer is being helped (the second microphone floor follows unless the mic was passed). */
  'customer-selected': [sessionId: string];
  /** A watching supervisor took over: customers may now need to learn what they already had (call, microphone). */
  'taken-over': [sessionId: string, participantId: string];
};

export interface SessionControlOptions {
  store: SessionStore;
  sessions: SessionService;
  notifier: Notifier;
  announcer: ParticipantAnnouncer;
  directory: StaffDirectory;
  clock: Clock;
  log: Logger;
}

/** Who is in the session and who controls it: assistants, supervisors, transfers, customer choice, notes. */
export class SessionControlService extends TypedEmitter<SessionControlEvents> {
  constructor(private readonly opts: SessionControlOptions) {
    super(opts.log);
  }

  /** R1.3: an agent joins a running session by its number, as assistant (no control). */
  async assist(agent: StaffPrincipal, number: string): Promise<Member> {
    const session = await this.opts.sessions.findLiveByNumber(number);
    const existing = await findParticipant(this.opts.store, agent, session.id);
    if (existing) return { session, participant: existing };
    const participant = await this.opts.sessions.addParticipant(session.id, {
      id: randomUUID(), role: 'assistant', displayName: agent.displayName, accountId: agent.accountId,
    });
    this.opts.log.info({ sessionId: session.id, participantId: participant.id }, 'assistant joined');
    return { session, participant };
  }

  /** A supervisor joins a live session of one of their agents as a silent watcher. */
  async watch(supervisor: StaffPrincipal, sessionId: string): Promise<Member> {
    const session = await requireLiveSession(this.opts.store, sessionId);
    const agents = await this.opts.directory.agentsOf(supervisor.accountId);
    if (!agents.includes(session.agentId)) throw new AppError('FORBIDDEN', 'this session is not one of your agents');
    const existing = await findParticipant(this.opts.store, supervisor, session.id);
    if (existing) return { session, participant: existing };
    const participant = await this.opts.sessions.addParticipant(session.id, {
      id: randomUUID(), role: 'supervisor', displayName: supervisor.displayName, accountId: supervisor.accountId,
    });
    this.opts.log.info({ sessionId: session.id, participantId: participant.id }, 'supervisor watching');
    return { session, participant };
  }

  /** R1.4: the agent in control hands control to an assistant and stays as an assistant. */
  async transferControl({ session, participant }: Member, toParticipantId: string): Promise<void> {
    const target = await this.opts.store.getParticipant(session.id, toParticipantId);
    const refusal = refuseTransferControl(session, participant, target);
    if (refusal || !target) throw new AppError(refusal?.startsWith('only the agent') ? 'NOT_IN_CONTROL' : 'FORBIDDEN', refusal ?? 'no such participant');
    await this.changeController(session, participant, target, 'control:transferred');
  }

  /** A watching supervisor becomes the agent in control; the former controller stays as an assistant. */
  async takeOver({ session, participant }: Member): Promise<void> {
    const refusal = refuseTakeOver(session, participant);
    if (refusal) throw new AppError('FORBIDDEN', refusal);
    const former = await this.opts.store.getParticipant(session.id, session.controllerId);
    if (!former) throw new AppError('INTERNAL', 'session has no controller');
    await this.changeController(session, former, participant, 'control:taken-over');
    this.emit('taken-over', session.id, participant.id);
  }

  /** R1.2: switching customer stops any sharing in progress. */
  async selectCustomer({ session, participant }: Member, customerId: string): Promise<void> {
    const target = await this.opts.store.getParticipant(session.id, customerId);
    const refusal = refuseSelectCustomer(session, participant, target);
    if (refusal) throw new AppError(refusal.startsWith('only the agent') ? 'NOT_IN_CONTROL' : 'PARTICIPANT_NOT_FOUND', refusal);
    if (session.selectedCustomerId === customerId) return;
    this.emit('activities-stopped', session.id, participant.id, 'customer-switched');
    const updated = await this.opts.store.updateSession(session.id, { selectedCustomerId: customerId });
    await this.audit(session.id, participant.id, 'customer:selected', customerId);
    if (updated) this.opts.sessions.announceSession(updated);
    this.emit('customer-selected', session.id);
  }

  /**
   * Privacy between customers: the agent in control admits a customer waiting at the door
   * (they join again for the whole session) or declines them (they are out, and told).
   */
  async admit({ session, participant }: Member, participantId: string, admit: boolean): Promise<void> {
    const target = await this.opts.store.getParticipant(session.id, participantId);
    const refusal = refuseAdmit(session, participant, target);
    if (refusal || !target) throw new AppError(refusal?.startsWith('only the agent') ? 'NOT_IN_CONTROL' : 'PARTICIPANT_NOT_FOUND', refusal ?? 'nobody waiting');
    const now = this.opts.clock();
    if (admit) {
      // Admitted is when they join: what was said while they waited stays private too.
      const { waiting: _waiting, ...rest } = target;
      const admitted: ParticipantRecord = { ...rest, joinedAt: now };
      await this.opts.store.putParticipant(session.id, admitted);
      await this.audit(session.id, participant.id, 'participant:admitted', target.id);
      this.opts.announcer.announce('session:participant-joined', session.id, admitted);
      await this.opts.sessions.selectIfNone(session, admitted);
    } else {
      await this.opts.store.putParticipant(session.id, { ...target, connected: false, leftAt: now });
      await this.audit(session.id, participant.id, 'participant:declined', target.id);
      this.opts.announcer.announce('session:participant-left', session.id, { ...target, connected: false, leftAt: now });
    }
    this.opts.notifier.toParticipant(target.id, 'session:admission', { sessionId: session.id, admitted: admit });
    // Declined is out: the server closes their connection (anything they try again is refused: they have left).
    if (!admit) this.opts.notifier.disconnectParticipant(target.id);
    this.opts.log.info({ sessionId: session.id, participantId: target.id, admit }, 'waiting customer answered');
  }

  /** R1.7: notes typed during the session, saved with it, staff only. */
  async updateNotes({ session, participant }: Member, request: NotesUpdateRequest): Promise<void> {
    const refusal = refuseNotes(participant);
    if (refusal) throw new AppError('FORBIDDEN', refusal);
    await this.opts.store.setNotes(session.id, request.text);
    await this.auditNotesEdit(session.id, participant.id);
    this.opts.notifier.toStaff(session.id, 'notes:updated', { sessionId: session.id, text: request.text });
  }

  private async changeController(
    session: SessionRecord,
    from: ParticipantRecord,
    to: ParticipantRecord,
    action: AuditEntry['action'],
  ): Promise<void> {
    const { store, announcer } = this.opts;
    this.emit('activities-stopped', session.id, from.id, 'control-changed');
    const demoted: ParticipantRecord = { ...from, role: 'assistant' };
    const promoted: ParticipantRecord = { ...to, role: 'agent' };
    await store.putParticipant(session.id, demoted);
    await store.putParticipant(session.id, promoted);
    const updated = await store.updateSession(session.id, { controllerId: promoted.id });
    await this.audit(session.id, action === 'control:taken-over' ? to.id : from.id, action, to.id);
    announcer.announce('session:participant-updated', session.id, demoted);
    announcer.announce('session:participant-updated', session.id, promoted);
    if (updated) this.opts.sessions.announceSession(updated);
    this.emit('controller-changed', session.id);
    this.opts.log.info({ sessionId: session.id, from: from.id, to: to.id, action }, 'control changed');
  }

  /**
   * Who edited the notes, and when (R1.7): the console saves as people type, so a run of edits by one
   * person within NOTES_EDIT_RUN_MS with nothing else in between is one line (its first edit).
   */
  private async auditNotesEdit(sessionId: string, actor: string): Promise<void> {
    const last = (await this.opts.store.listAudit(sessionId)).at(-1);
    const sameRun = last?.action === 'notes:edited' && last.actor === actor && this.opts.clock() - last.at < NOTES_EDIT_RUN_MS;
    if (!sameRun) await this.audit(sessionId, actor, 'notes:edited', sessionId);
  }

  private audit(sessionId: string, actor: string, action: AuditEntry['action'], subject: string): Promise<void> {
    return this.opts.store.appendAudit(sessionId, { at: this.opts.clock(), actor, action, subject });
  }
}
