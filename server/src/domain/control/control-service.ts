import { randomBytes, randomUUID } from 'node:crypto';
import type { CapturedSurface, ConsentRequest, ControlEndReason, ControlPauseReason, ControlStateEvent, RemoteInput } from '@rs/signaling';
import { AppError } from '../../errors/app-error';
import type { Logger } from '../../logging/logger';
import type { AuditEntry, ParticipantRecord, SessionStore } from '../../store/session-store';
import type { Clock } from '../clock';
import type { ConsentService } from '../consent-service';
import type { Member } from '../membership';
import type { Notifier } from '../notifier';
import type { RateBuckets } from '../rate-bucket';
import { isController } from '../session-rules';
import { ControlGrant } from './control-grant';
import type { GrantParties } from './control-grant';
import type { HelperLink } from './helper-link';
import { clearTimers, helperEndReason, helperState, stateEvent } from './live-grant';
import type { LiveGrant, SessionControl } from './live-grant';
import { issuePairingCode } from './pairing-codes';

export interface ControlServiceOptions {
  store: SessionStore;
  consents: ConsentService;
  notifier: Notifier;
  clock: Clock;
  log: Logger;
  /** R3.7: how long the person's own input pauses remote input. */
  localInputPauseMs: number;
  pairingCodeTtlMs: number;
  /** A helper gone without resuming within this time ends control. */
  helperResumeMs: number;
  /** Input events per controller (a person's pace with room to spare; the helper enforces finer limits). */
  inputRate: RateBuckets;
}

/**
 * Remote control (R3.1, R3.6, R3.7, R9): one grant per session at most, asked
 * through the consent ledger ('control-desktop'; "grant all" skips the prompt)
 * or given by the agent for their own screen. Input is relayed to the paired
 * helper only while the grant is live and unpaused, and only from the
 * controller; every end (stop, revoke, transfer, end of session) closes the
 * helper's connection. The session record gets each transition, never input.
 */
export class ControlService {
  readonly #sessions = new Map<string, SessionControl>();
  readonly #grants = new Map<string, LiveGrant>();
  readonly #resumeTokens = new Map<string, string>();
  #closed = false;

  constructor(private readonly opts: ControlServiceOptions) {
    opts.consents.on('changed', (consent) => this.onConsent(consent));
  }

  /** The agent in control asks to drive a customer's desktop. */
  async request(member: Member, customerId: string): Promise<ControlStateEvent> {
    const target = await this.requireCustomer(member, customerId);
    const grant = this.open(member.session.id, { direction: 'customer-desktop', controllerId: member.participant.id, targetId: target.id }, member.participant.displayName, false);
    try {
      const consent = await this.opts.consents.ask(member, { sessionId: member.session.id, activity: 'control-desktop', customerId: target.id });
      grant.consentId = consent.id;
      await this.audit(grant, member.participant.id, 'control:requested', `customer-desktop:${target.id}`);
      if (consent.status === 'granted') await this.granted(grant, target.id);
      else await this.notify(grant.sessionId);
    } catch (err) {
      this.forget(grant);
      throw err;
    }
    return stateEvent(member.session.id, grant, this.opts.clock());
  }

  /** R3.1 "give control of my screen": the agent in control lets this customer drive the agent's desktop. */
  async give(member: Member, customerId: string): Promise<ControlStateEvent> {
    const customer = await this.requireCustomer(member, customerId);
    const grant = this.open(member.session.id, { direction: 'agent-desktop', controllerId: customer.id, targetId: member.participant.id }, customer.displayName, true);
    try {
      await this.audit(grant, member.participant.id, 'control:granted', `agent-desktop:${customer.id}`);
      await this.issueCode(grant);
      await this.notify(grant.sessionId);
    } catch (err) {
      this.forget(grant);
      throw err;
    }
    return stateEvent(member.session.id, grant, this.opts.clock());
  }

  /** The controlled person, the controller or the agent in control ends control at once. */
  async stop({ session, participant }: Member): Promise<void> {
    const grant = this.#sessions.get(session.id)?.grant;
    if (!grant) throw new AppError('CONTROL_NOT_GRANTED', 'no remote control in this session');
    const { controllerId, targetId } = grant.machine.parties;
    if (participant.id !== controllerId && participant.id !== targetId && !isController(session, participant)) {
      throw new AppError('FORBIDDEN', 'only the controlled person, the controller or the agent in control stop control');
    }
    await this.end(grant, 'stopped', participant.id);
  }

  /** The hot path (up to ~100 events/s): memory checks only, then one emit to the helper. */
  input(sessionId: string, senderId: string, input: RemoteInput): void {
    const grant = this.usableGrant(sessionId, senderId);
    if (!this.opts.inputRate.take(grant.machine.id).allowed) throw new AppError('RATE_LIMITED', 'more input than a person sends');
    grant.link?.input(input);
  }

  async clipboardWrite(sessionId: string, senderId: string, text: string): Promise<void> {
    const grant = this.usableGrant(sessionId, senderId);
    await grant.link?.clipboardWrite(text);
  }

  async clipboardRead(sessionId: string, senderId: string): Promise<string> {
    const grant = this.usableGrant(sessionId, senderId);
    return (await grant.link?.clipboardRead()) ?? '';
  }

  /** A sharer says what it captures; the helper of their desktop gets it (now or when it connects). */
  surface(sessionId: string, participantId: string, surface: CapturedSurface): void {
    const control = this.sessionOf(sessionId);
    if (surface) control.surfaces.set(participantId, surface);
    else control.surfaces.delete(participantId);
    const grant = control.grant;
    if (grant?.link && grant.machine.parties.targetId === participantId) grant.link.surface(surface);
  }

  /** R3.6: annotating pauses control until nobody annotates. */
  async annotationMode(sessionId: string, participantId: string, active: boolean): Promise<void> {
    const control = this.sessionOf(sessionId);
    if (active) control.annotators.add(participantId);
    else control.annotators.delete(participantId);
    if (control.grant) await this.changed(control.grant, participantId, 'annotation');
  }

  /** The current state, to a participant who (re)joined. */
  async tell(sessionId: string, participantId: string): Promise<void> {
    const grant = this.#sessions.get(sessionId)?.grant ?? null;
    if (grant) await this.notify(sessionId, participantId);
  }

  /** A helper presents a pairing code: used up here (single use); the grant it pairs, or PAIRING_INVALID. */
  async pairHelper(code: string): Promise<string> {
    // A code whose grant lives on another node is left for that node, not used up here.
    const seen = await this.opts.store.peekPairing(code);
    if (!seen || !this.#grants.has(seen.grantId)) throw new AppError('PAIRING_INVALID', 'this pairing code is unknown, used or expired');
    const pairing = await this.opts.store.takePairing(code);
    const grant = pairing ? this.#grants.get(pairing.grantId) : undefined;
    if (!pairing || !grant || grant.pairing?.code !== code || grant.machine.phase !== 'pairing') {
      throw new AppError('PAIRING_INVALID', 'this pairing code is unknown, used or expired');
    }
    grant.pairing = null;
    return grant.machine.id;
  }

  /** The helper said it is ready: it gets where control stands and what is shared (again, if it heard it on connecting). */
  helperReady(grantId: string, link: HelperLink): void {
    const grant = this.#grants.get(grantId);
    if (!grant || grant.link !== link) return;
    link.state(helperState(grant, this.opts.clock()));
    const surface = this.#sessions.get(grant.sessionId)?.surfaces.get(grant.machine.parties.targetId);
    if (surface) link.surface(surface);
  }

  /** A helper reconnects with the token it got when it first paired (valid while the grant lives). */
  resumeHelper(token: string): string {
    const grantId = this.#resumeTokens.get(token);
    if (!grantId || !this.#grants.has(grantId)) throw new AppError('PAIRING_INVALID', 'this resume token is unknown or control has ended');
    return grantId;
  }

  /** The paired helper's connection is up: input may flow. Returns its resume token. */
  async attachHelper(grantId: string, link: HelperLink): Promise<string> {
    const grant = this.#grants.get(grantId);
    if (!grant || !grant.machine.helperUp()) {
      link.end('stopped');
      throw new AppError('PAIRING_INVALID', 'control has ended');
    }
    if (grant.link && grant.link !== link) grant.link.end('replaced');
    grant.link = link;
    clearTimeout(grant.timers.helperGone);
    clearTimeout(grant.timers.code);
    if (!grant.resumeToken) {
      grant.resumeToken = randomBytes(24).toString('base64url');
      this.#resumeTokens.set(grant.resumeToken, grant.machine.id);
    }
    const surface = this.#sessions.get(grant.sessionId)?.surfaces.get(grant.machine.parties.targetId);
    link.state(helperState(grant, this.opts.clock()));
    if (surface) link.surface(surface);
    if (!grant.started) {
      grant.started = true;
      await this.audit(grant, grant.machine.parties.targetId, 'control:started', `${grant.machine.parties.direction}:${grant.machine.parties.targetId}`);
      this.opts.log.info({ sessionId: grant.sessionId, grantId }, 'control started');
    }
    await this.notify(grant.sessionId);
    return grant.resumeToken;
  }

  /** The helper's connection dropped: input is refused until it resumes, and control ends if it does not. */
  async detachHelper(grantId: string, link: HelperLink): Promise<void> {
    const grant = this.#grants.get(grantId);
    if (!grant || grant.link !== link) return;
    grant.link = null;
    grant.machine.helperDown();
    if (!this.#closed) grant.timers.helperGone = setTimeout(() => this.later(this.end(grant, 'helper-left', grant.machine.parties.targetId)), this.opts.helperResumeMs);
    await this.notify(grant.sessionId);
  }

  /** R3.7: the person at the controlled machine used it. */
  async helperLocalInput(grantId: string): Promise<void> {
    const grant = this.#grants.get(grantId);
    if (!grant) return;
    grant.machine.localInput(this.opts.clock(), this.opts.localInputPauseMs);
    await this.changed(grant, grant.machine.parties.targetId, 'local-input');
  }

  /** The person stopped control from the helper itself. */
  async helperStop(grantId: string): Promise<void> {
    const grant = this.#grants.get(grantId);
    if (grant) await this.end(grant, 'stopped', grant.machine.parties.targetId);
  }

  /** Ends a session's control (transfer, take-over, customer switch, session end, someone left). */
  async endIn(sessionId: string, reason: ControlEndReason, actorId: string, onlyIf?: (grant: LiveGrant) => boolean): Promise<void> {
    const grant = this.#sessions.get(sessionId)?.grant;
    if (grant && (!onlyIf || onlyIf(grant))) await this.end(grant, reason, actorId);
  }

  /** Someone left: their annotation and surface go, and control they take part in ends. */
  async participantGone(sessionId: string, participantId: string): Promise<void> {
    const control = this.#sessions.get(sessionId);
    if (!control) return;
    control.surfaces.delete(participantId);
    if (control.annotators.delete(participantId) && control.grant) await this.changed(control.grant, participantId, 'annotation');
    await this.endIn(sessionId, 'stopped', participantId, (g) => g.machine.parties.controllerId === participantId || g.machine.parties.targetId === participantId);
  }

  async sessionEnded(sessionId: string, actorId: string): Promise<void> {
    await this.endIn(sessionId, 'session-ended', actorId);
    this.#sessions.delete(sessionId);
  }

  /** The server is closing: no timer of ours keeps the process alive. */
  close(): void {
    this.#closed = true;
    for (const grant of this.#grants.values()) clearTimers(grant);
  }

  /** What a timer started: its failure is logged, never left unhandled. */
  private later(work: Promise<unknown>): void {
    work.catch((err: unknown) => this.opts.log.error({ err }, 'control timer failed'));
  }

  private usableGrant(sessionId: string, senderId: string): LiveGrant {
    const grant = this.#sessions.get(sessionId)?.grant;
    const refusal = grant ? grant.machine.refuseInput(senderId, this.opts.clock()) : 'CONTROL_NOT_GRANTED';
    if (refusal || !grant) throw new AppError(refusal ?? 'CONTROL_NOT_GRANTED', REFUSALS[refusal ?? 'CONTROL_NOT_GRANTED']);
    return grant;
  }

  private async requireCustomer({ session, participant }: Member, customerId: string): Promise<ParticipantRecord> {
    if (!isController(session, participant)) throw new AppError('NOT_IN_CONTROL', 'only the agent in control starts remote control');
    const target = await this.opts.store.getParticipant(session.id, customerId);
    if (!target || target.role !== 'customer' || target.leftAt !== null) throw new AppError('PARTICIPANT_NOT_FOUND', 'no such customer here');
    if (this.#sessions.get(session.id)?.grant) throw new AppError('CONTROL_BUSY', 'remote control is already asked for or running');
    return target;
  }

  private open(sessionId: string, parties: GrantParties, controllerName: string, given: boolean): LiveGrant {
    const control = this.sessionOf(sessionId);
    if (control.grant) throw new AppError('CONTROL_BUSY', 'remote control is already asked for or running');
    const grant: LiveGrant = {
      machine: new ControlGrant(randomUUID(), parties, control.annotators, given), sessionId, consentId: null, controllerName,
      pairing: null, resumeToken: null, link: null, started: false, lastState: '', timers: {},
    };
    control.grant = grant;
    this.#grants.set(grant.machine.id, grant);
    return grant;
  }

  private forget(grant: LiveGrant): void {
    clearTimers(grant);
    this.#grants.delete(grant.machine.id);
    if (grant.resumeToken) this.#resumeTokens.delete(grant.resumeToken);
    const control = this.#sessions.get(grant.sessionId);
    if (control?.grant === grant) control.grant = null;
  }

  private sessionOf(sessionId: string): SessionControl {
    let control = this.#sessions.get(sessionId);
    if (!control) {
      control = { sessionId, grant: null, annotators: new Set(), surfaces: new Map() };
      this.#sessions.set(sessionId, control);
    }
    return control;
  }

  private async onConsent(consent: ConsentRequest): Promise<void> {
    if (consent.activity !== 'control-desktop') return;
    const grant = this.#sessions.get(consent.sessionId)?.grant;
    if (!grant || grant.consentId !== consent.id) return;
    if (consent.status === 'granted') await this.granted(grant, consent.customerId);
    else if (consent.status === 'revoked') await this.end(grant, 'revoked', consent.customerId);
    else if (consent.status !== 'pending') await this.end(grant, consent.status === 'ended' ? 'stopped' : 'denied', consent.customerId);
  }

  private async granted(grant: LiveGrant, actorId: string): Promise<void> {
    if (!grant.machine.grant()) return;
    await this.audit(grant, actorId, 'control:granted', `customer-desktop:${grant.machine.parties.targetId}`);
    await this.issueCode(grant);
    await this.notify(grant.sessionId);
  }

  /** A fresh code for the target; renewed when it expires unused, while the grant waits for its helper. */
  private async issueCode(grant: LiveGrant): Promise<void> {
    const { store, clock, pairingCodeTtlMs } = this.opts;
    const old = grant.pairing?.code;
    const pairing = await issuePairingCode(store, { sessionId: grant.sessionId, participantId: grant.machine.parties.targetId, grantId: grant.machine.id }, clock(), pairingCodeTtlMs);
    if (old) await store.dropPairing(old);
    if (grant.machine.phase !== 'pairing') return void (await store.dropPairing(pairing.code));
    grant.pairing = { code: pairing.code, expiresAt: pairing.expiresAt };
    clearTimeout(grant.timers.code);
    if (this.#closed) return;
    grant.timers.code = setTimeout(() => {
      if (grant.machine.phase !== 'pairing' || !grant.pairing) return;
      this.later(this.issueCode(grant).then(() => this.notify(grant.sessionId)));
    }, pairingCodeTtlMs);
  }

  private async end(grant: LiveGrant, reason: ControlEndReason, actorId: string): Promise<void> {
    if (!grant.machine.end(reason)) return;
    grant.link?.end(helperEndReason(reason));
    grant.link = null;
    const code = grant.pairing?.code;
    grant.pairing = null;
    this.forget(grant);
    this.opts.log.info({ sessionId: grant.sessionId, grantId: grant.machine.id, reason }, 'control ended');
    if (code) await this.opts.store.dropPairing(code);
    if (grant.consentId) await this.opts.consents.end(grant.sessionId, grant.consentId, actorId);
    await this.audit(grant, actorId, reason === 'revoked' ? 'control:revoked' : 'control:stopped', reason);
    await this.notifyEnded(grant);
  }

  /** After a local-input or annotation change: tell the helper and the session when the state flipped. */
  private async changed(grant: LiveGrant, actorId: string, cause: ControlPauseReason): Promise<void> {
    const now = this.opts.clock();
    const view = grant.machine.view(now);
    if (view.state === 'paused' && view.pausedReason === 'local-input') this.scheduleResume(grant, view.resumesAt ?? now);
    const key = `${view.state}:${view.pausedReason ?? ''}`;
    if (key === grant.lastState) return;
    const wasPaused = grant.lastState.startsWith('paused');
    grant.lastState = key;
    grant.link?.state(helperState(grant, now));
    if (view.state === 'paused') await this.audit(grant, actorId, 'control:paused', view.pausedReason ?? cause);
    else if (wasPaused && view.state === 'active') await this.audit(grant, actorId, 'control:resumed', cause);
    await this.notify(grant.sessionId);
  }

  private scheduleResume(grant: LiveGrant, at: number): void {
    clearTimeout(grant.timers.resume);
    if (this.#closed) return;
    grant.timers.resume = setTimeout(() => {
      if (this.#grants.get(grant.machine.id) !== grant) return;
      const view = grant.machine.view(this.opts.clock());
      if (view.pausedReason === 'local-input') return this.scheduleResume(grant, view.resumesAt ?? this.opts.clock());
      this.later(this.changed(grant, grant.machine.parties.targetId, 'local-input'));
    }, Math.max(0, at - this.opts.clock()) + 5);
  }

  /** control:state to the staff and the customers involved; the target's copy carries the pairing code. */
  private async notify(sessionId: string, only?: string): Promise<void> {
    const grant = this.#sessions.get(sessionId)?.grant ?? null;
    const event = stateEvent(sessionId, grant, this.opts.clock());
    if (grant) grant.lastState = `${event.state}:${event.pausedReason ?? ''}`;
    const pairing = grant?.pairing ? { ...grant.pairing, downloadPath: `/helper/download/${grant.pairing.code}` } : undefined;
    await this.send(sessionId, event, pairing, only);
  }

  private async notifyEnded(grant: LiveGrant): Promise<void> {
    await this.send(grant.sessionId, stateEvent(grant.sessionId, grant, this.opts.clock()), undefined);
  }

  private async send(sessionId: string, event: ControlStateEvent, pairing: ControlStateEvent['pairing'], only?: string): Promise<void> {
    for (const p of await this.opts.store.listParticipants(sessionId)) {
      if (p.leftAt !== null || (only && p.id !== only)) continue;
      if (p.role === 'customer' && p.id !== event.controllerId && p.id !== event.targetId) continue;
      this.opts.notifier.toParticipant(p.id, 'control:state', p.id === event.targetId && pairing ? { ...event, pairing } : event);
    }
  }

  private audit(grant: LiveGrant, actor: string, action: AuditEntry['action'], subject: string): Promise<void> {
    return this.opts.store.appendAudit(grant.sessionId, { at: this.opts.clock(), actor, action, subject });
  }
}

const REFUSALS = {
  CONTROL_NOT_GRANTED: 'remote control is not granted to you',
  CONTROL_PAUSED: 'remote control is paused',
  HELPER_UNAVAILABLE: 'the helper program is not connected',
} as const;
