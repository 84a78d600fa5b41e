import { randomUUID } from 'node:crypto';
import type { ConsentAnswerRequest, ConsentAskRequest, ConsentRequest, ConsentStatus } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { AuditEntry, SessionStore } from '../store/session-store';
import type { Clock } from './clock';
import type { Member } from './membership';
import type { Notifier } from './notifier';
import { refuseConsentAnswer, refuseConsentAsk } from './session-rules';

const AUDIT_ACTION: Record<Exclude<ConsentStatus, 'pending'>, AuditEntry['action']> = {
  granted: 'consent:granted',
  denied: 'consent:denied',
  ended: 'consent:ended',
};

/**
 * The consent ledger (R2): the agent asks, the customer answers, the server
 * holds the answer. Every transition is in the session's audit trail (R2.3).
 */
export class ConsentService {
  constructor(
    private readonly store: SessionStore,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async ask({ session, participant }: Member, request: ConsentAskRequest): Promise<ConsentRequest> {
    const target = await this.store.getParticipant(session.id, request.customerId);
    if (!target) throw new AppError('PARTICIPANT_NOT_FOUND', 'no such participant');
    const refusal = refuseConsentAsk(session, participant, target);
    if (refusal) throw new AppError('FORBIDDEN', refusal);
    const consent: ConsentRequest = {
      id: randomUUID(), sessionId: session.id, activity: request.activity, requestedBy: participant.id,
      customerId: target.id, status: 'pending', requestedAt: this.clock(), answeredAt: null,
    };
    await this.store.putConsent(consent);
    await this.audit(consent, 'consent:requested', participant.id, consent.requestedAt);
    this.notifier.toParticipant(target.id, 'consent:prompt', consent);
    this.notifier.toSession(session.id, 'consent:updated', consent);
    return consent;
  }

  async answer({ session, participant }: Member, request: ConsentAnswerRequest): Promise<ConsentRequest> {
    const consent = await this.store.getConsent(session.id, request.requestId);
    if (!consent) throw new AppError('CONSENT_NOT_FOUND', 'no such request');
    const refusal = refuseConsentAnswer(consent, participant);
    if (refusal) throw new AppError(consent.customerId === participant.id ? 'CONSENT_ALREADY_ANSWERED' : 'FORBIDDEN', refusal);
    const updated = await this.transition(consent, ['pending'], request.granted ? 'granted' : 'denied', participant.id);
    if (!updated) throw new AppError('CONSENT_ALREADY_ANSWERED', 'this request was already answered');
    return updated;
  }

  /** The activity a grant allowed has stopped; a new one needs a new request. */
  async end(sessionId: string, requestId: string, actorId: string): Promise<void> {
    const consent = await this.store.getConsent(sessionId, requestId);
    if (consent) await this.transition(consent, ['pending', 'granted'], 'ended', actorId);
  }

  async list(sessionId: string): Promise<ConsentRequest[]> {
    return this.store.listConsents(sessionId);
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
    this.notifier.toSession(consent.sessionId, 'consent:updated', updated);
    this.log.info({ sessionId: consent.sessionId, requestId: consent.id, activity: consent.activity, status: to }, 'consent changed');
    return updated;
  }

  private audit(consent: ConsentRequest, action: AuditEntry['action'], actor: string, at: number): Promise<void> {
    return this.store.appendAudit(consent.sessionId, { at, actor, action, subject: consent.id });
  }
}
