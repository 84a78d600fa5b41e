import { randomUUID } from 'node:crypto';
import type { ConsentAnswerRequest, ConsentAskRequest, ConsentCancelRequest, ConsentRequest, ConsentStatus } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { AuditEntry, ParticipantRecord, SessionStore } from '../store/session-store';
import type { Clock } from './clock';
import type { Member } from './membership';
import type { Notifier } from './notifier';
import type { ParticipantAnnouncer } from './participant-announcer';
import { refuseConsentAnswer, refuseConsentAsk, refuseConsentCancel } from './session-rules';
import { TypedEmitter } from './typed-emitter';

export type ConsentEvents = {
  /** A request left pending or granted (answered, revoked, ended...): what it allowed follows (remote control). */
  changed: [consent: ConsentRequest];
};

const AUDIT_ACTION: Record<Exclude<ConsentStatus, 'pending'>, AuditEntry['action']> = {
  granted: 'consent:granted',
  denied: 'consent:denied',
  ended: 'consent:ended',
  revoked: 'consent:revoked',
  unsupported: 'consent:unsupported',
  cancelled: 'consent:cancelled',
};

/**
 * The consent ledger (R2): the agent asks, the customer answers (or has
 * granted everything for this session), the server holds the answer and the
 * customer can revoke it. Every transition is in the audit trail (R2.3).
 */
export class ConsentService extends TypedEmitter<ConsentEvents> {
  constructor(
    private readonly store: SessionStore,
    private readonly notifier: Notifier,
    private readonly announcer: ParticipantAnnouncer,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    super(log);
  }

  async ask({ session, participant }: Member, request: ConsentAskRequest): Promise<ConsentRequest> {
    const target = await this.store.getParticipant(session.id, request.customerId);
    if (!target) throw new AppError('PARTICIPANT_NOT_FOUND', 'no such participant');
    const refusal = refuseConsentAsk(session, participant, target);
    if (refusal) throw new AppError(refusal.startsWith('only the agent') ? 'NOT_IN_CONTROL' : 'FORBIDDEN', refusal);
    const consent: ConsentRequest = {
      id: randomUUID(), sessionId: session.id, activity: request.activity, requestedBy: participant.id,
      customerId: target.id, status: 'pending', requestedAt: this.clock(), answeredAt: null, automatic: target.grantsAll,
      surface: request.surface ?? null,
    };
    await this.store.putConsent(consent);
    await this.audit(consent, 'consent:requested', participant.id, consent.requestedAt);
    if (target.grantsAll) return (await this.transition(consent, ['pending'], 'granted', target.id)) ?? consent;
    this.notifier.toParticipant(target.id, 'consent:prompt', consent);
    this.notifier.toStaff(session.id, 'consent:updated', consent);
    return consent;
  }

  async answer({ session, participant }: Member, request: ConsentAnswerRequest): Promise<ConsentRequest> {
    const consent = await this.store.getConsent(session.id, request.requestId);
    if (!consent) throw new AppError('CONSENT_NOT_FOUND', 'no such request');
    const refusal = refuseConsentAnswer(consent, participant);
    if (refusal) throw new AppError(consent.customerId === participant.id ? 'CONSENT_ALREADY_ANSWERED' : 'FORBIDDEN', refusal);
    if (request.unsupported && request.granted) throw new AppError('INVALID_PAYLOAD', 'an unsupported request cannot be granted');
    if (request.granted && request.grantAll) await this.setGrantsAll(session.id, participant, true);
    const status = request.unsupported ? 'unsupported' : request.granted ? 'granted' : 'denied';
    const updated = await this.transition(consent, ['pending'], status, participant.id);
    if (!updated) throw new AppError('CONSENT_ALREADY_ANSWERED', 'this request was already answered');
    return updated;
  }

  /** The agent in control withdraws a request not answered yet; the customer's prompt closes. */
  async cancel({ session, participant }: Member, request: ConsentCancelRequest): Promise<ConsentRequest> {
    const consent = await this.store.getConsent(session.id, request.requestId);
    if (!consent) throw new AppError('CONSENT_NOT_FOUND', 'no such request');
    const refusal = refuseConsentCancel(session, participant, consent);
    if (refusal) throw new AppError(refusal.startsWith('only the agent') ? 'NOT_IN_CONTROL' : 'CONSENT_ALREADY_ANSWERED', refusal);
    const updated = await this.transition(consent, ['pending'], 'cancelled', participant.id);
    if (!updated) throw new AppError('CONSENT_ALREADY_ANSWERED', 'this request was already answered');
    return updated;
  }

  /** R2.2: the customer withdraws "grant all" and every pending or granted request; returns those revoked. */
  async revokeAll({ session, participant }: Member): Promise<ConsentRequest[]> {
    await this.setGrantsAll(session.id, participant, false);
    const revoked: ConsentRequest[] = [];
    for (const consent of await this.store.listConsents(session.id)) {
      if (consent.customerId !== participant.id) continue;
      const updated = await this.transition(consent, ['pending', 'granted'], 'revoked', participant.id);
      if (updated) revoked.push(updated);
    }
    return revoked;
  }

  /** The activity a grant allowed has stopped; a new one needs a new request. */
  async end(sessionId: string, requestId: string, actorId: string): Promise<void> {
    const consent = await this.store.getConsent(sessionId, requestId);
    if (consent) await this.transition(consent, ['pending', 'granted'], 'ended', actorId);
  }

  async list(sessionId: string): Promise<ConsentRequest[]> {
    return this.store.listConsents(sessionId);
  }

  private async setGrantsAll(sessionId: string, customer: ParticipantRecord, grantsAll: boolean): Promise<void> {
    const current = await this.store.getParticipant(sessionId, customer.id);
    if (!current || current.grantsAll === grantsAll) return;
    const updated = { ...current, grantsAll };
    await this.store.putParticipant(sessionId, updated);
    if (grantsAll) await this.store.appendAudit(sessionId, { at: this.clock(), actor: customer.id, action: 'consent:grant-all', subject: customer.id });
    this.announcer.announce('session:participant-updated', sessionId, updated);
  }

  private async transition(
    consent: ConsentRequest,
    from: readonly ConsentStatus[],
    to: Exclude<ConsentStatus, 'pending'>,
    actorId: string,
  ): Promise<ConsentRequest | null> {
    const at = this.clock();
    const updated = await this.store.transitionConsent(consent.sessionId, consent.id, from, to, at);
    if (!updated) return null;
    await this.audit(updated, AUDIT_ACTION[to], actorId, at);
    this.notifier.toParticipant(updated.customerId, 'consent:updated', updated);
    this.notifier.toStaff(updated.sessionId, 'consent:updated', updated);
    this.log.info({ sessionId: consent.sessionId, requestId: consent.id, activity: consent.activity, status: to }, 'consent changed');
    this.emit('changed', updated);
    return updated;
  }

  private audit(consent: ConsentRequest, action: AuditEntry['action'], actor: string, at: number): Promise<void> {
    return this.store.appendAudit(consent.sessionId, { at, actor, action, subject: `${consent.activity}:${consent.id}` });
  }
}
