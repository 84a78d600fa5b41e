import type { ChatMessage, ConsentRequest, MediaSource } from '@rs/signaling';
import type { ParticipantRecord, SessionRecord } from '../store/session-store';

/**
 * Who may do what in which state. Pure functions over stored records, so the
 * rules are unit-tested without sockets, stores or media. Each returns a
 * reason when refused (the error message) or null when allowed.
 */
export type Refusal = string | null;

export function isPrimaryAgent(session: SessionRecord, participant: ParticipantRecord): boolean {
  return participant.role === 'agent' && participant.id === session.agentParticipantId;
}

export function isPresent(participant: ParticipantRecord): boolean {
  return participant.leftAt === null;
}

export function refuseIfEnded(session: SessionRecord): Refusal {
  return session.state === 'ended' ? 'the session has ended' : null;
}

/** R1.6: only the agent in control ends the session. */
export function refuseEnd(session: SessionRecord, actor: ParticipantRecord): Refusal {
  return refuseIfEnded(session) ?? (isPrimaryAgent(session, actor) ? null : 'only the agent in control can end the session');
}

/** Customers leave at any time; the primary agent ends instead of leaving. */
export function refuseLeave(session: SessionRecord, actor: ParticipantRecord): Refusal {
  if (isPrimaryAgent(session, actor)) return 'the agent in control ends the session instead of leaving it';
  return isPresent(actor) ? null : 'already left';
}

/** R2.1: the agent in control asks a present customer for consent. */
export function refuseConsentAsk(session: SessionRecord, actor: ParticipantRecord, target: ParticipantRecord): Refusal {
  if (!isPrimaryAgent(session, actor)) return 'only the agent in control can request access';
  if (target.role !== 'customer') return 'consent is asked of a customer';
  return isPresent(target) ? null : 'the customer has left';
}

/** Only the customer asked answers, and only once. */
export function refuseConsentAnswer(consent: ConsentRequest, actor: ParticipantRecord): Refusal {
  if (consent.customerId !== actor.id) return 'this request was not addressed to you';
  return consent.status === 'pending' ? null : 'this request was already answered';
}

/** Which consent a new media producer needs, by source. */
export function consentActivityFor(source: MediaSource): ConsentRequest['activity'] {
  switch (source) {
    case 'screen':
      return 'view-desktop';
  }
}

/**
 * A customer may publish a screen only under a granted, still unused consent
 * (R2.1): the grant is consumed by the producer and ends with it.
 */
export function findUsableGrant(
  actor: ParticipantRecord,
  source: MediaSource,
  consents: readonly ConsentRequest[],
  grantsInUse: ReadonlySet<string>,
): ConsentRequest | null {
  const activity = consentActivityFor(source);
  return (
    consents.find(
      (c) => c.customerId === actor.id && c.activity === activity && c.status === 'granted' && !grantsInUse.has(c.id),
    ) ?? null
  );
}

/** A private message is seen by its sender and its recipient only. */
export function canSeeChat(message: ChatMessage, viewer: ParticipantRecord): boolean {
  return message.to === null || message.from === viewer.id || message.to === viewer.id;
}

export function refuseChatTo(actor: ParticipantRecord, recipient: ParticipantRecord | null): Refusal {
  if (recipient === null) return 'no such participant';
  if (recipient.id === actor.id) return 'cannot send a private message to yourself';
  return isPresent(recipient) ? null : 'the participant has left';
}

/** The sharer stops their own share; the agent in control may stop any share (R3.2). */
export function refuseStopShare(session: SessionRecord, actor: ParticipantRecord, sharerId: string): Refusal {
  return actor.id === sharerId || isPrimaryAgent(session, actor) ? null : 'only the sharer or the agent can stop this share';
}
