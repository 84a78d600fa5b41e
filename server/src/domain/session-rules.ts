import type { ChatMessage, ConsentRequest } from '@rs/signaling';
import type { ParticipantRecord, SessionRecord } from '../store/session-store';

/**
 * Who may do what in which state. Pure functions over stored records, so the
 * rules are unit-tested without sockets, stores or media. Each returns a
 * reason when refused (the error message) or null when allowed.
 */
export type Refusal = string | null;

/** The agent in control (the primary agent, R1.4). */
export function isController(session: SessionRecord, participant: ParticipantRecord): boolean {
  return participant.id === session.controllerId;
}

/** In the session: not left, and not waiting to be admitted. */
export function isPresent(participant: ParticipantRecord): boolean {
  return participant.leftAt === null && participant.waiting !== true;
}

/** A customer held at the door until the agent in control admits them. */
export function isWaiting(participant: Pick<ParticipantRecord, 'waiting' | 'leftAt'>): boolean {
  return participant.waiting === true && participant.leftAt === null;
}

export function isStaff(participant: ParticipantRecord): boolean {
  return participant.role !== 'customer';
}

export function refuseIfEnded(session: SessionRecord): Refusal {
  return session.state === 'ended' ? 'the session has ended' : null;
}

function refuseUnlessController(session: SessionRecord, actor: ParticipantRecord, what: string): Refusal {
  return refuseIfEnded(session) ?? (isController(session, actor) ? null : `only the agent in control can ${what}`);
}

/** R1.6: only the agent in control ends the session. */
export function refuseEnd(session: SessionRecord, actor: ParticipantRecord): Refusal {
  return refuseUnlessController(session, actor, 'end the session');
}

/** Customers and agents not in control leave; the agent in control ends or hands control over first (R1.4). */
export function refuseLeave(session: SessionRecord, actor: ParticipantRecord): Refusal {
  if (isController(session, actor)) return 'the agent in control ends the session or transfers control before leaving';
  return actor.leftAt === null ? null : 'already left';
}

/** R1.4: control goes from the agent in control to another agent present in the session. */
export function refuseTransferControl(session: SessionRecord, actor: ParticipantRecord, target: ParticipantRecord | null): Refusal {
  const notController = refuseUnlessController(session, actor, 'transfer control');
  if (notController) return notController;
  if (!target || !isPresent(target)) return 'no such participant';
  if (target.id === actor.id) return 'you are already in control';
  return target.role === 'assistant' ? null : 'control goes to an assistant agent';
}

/** A supervisor present in the session takes over as the agent in control. */
export function refuseTakeOver(session: SessionRecord, actor: ParticipantRecord): Refusal {
  if (refuseIfEnded(session)) return refuseIfEnded(session);
  if (actor.role !== 'supervisor' || !isPresent(actor)) return 'only a supervisor watching the session can take over';
  return isController(session, actor) ? 'you are already in control' : null;
}

/** R1.2: the agent in control chooses which present customer to help. */
export function refuseSelectCustomer(session: SessionRecord, actor: ParticipantRecord, target: ParticipantRecord | null): Refusal {
  const notController = refuseUnlessController(session, actor, 'choose the customer');
  if (notController) return notController;
  if (!target || !isPresent(target) || target.role !== 'customer') return 'no such customer in the session';
  return null;
}

/** Privacy between customers: the agent in control admits or declines a customer waiting to join. */
export function refuseAdmit(session: SessionRecord, actor: ParticipantRecord, target: ParticipantRecord | null): Refusal {
  const notController = refuseUnlessController(session, actor, 'admit a customer');
  if (notController) return notController;
  return target && isWaiting(target) ? null : 'nobody with this id is waiting to join';
}

/** R1.7: staff of the session write the notes; customers never see them. */
export function refuseNotes(actor: ParticipantRecord): Refusal {
  return isStaff(actor) && isPresent(actor) ? null : 'only agents of the session write notes';
}

/** R2.1: the agent in control asks a present customer for consent. */
export function refuseConsentAsk(session: SessionRecord, actor: ParticipantRecord, target: ParticipantRecord): Refusal {
  const notController = refuseUnlessController(session, actor, 'request access');
  if (notController) return notController;
  if (target.role !== 'customer') return 'consent is asked of a customer';
  return isPresent(target) ? null : 'the customer has left';
}

/** Only the customer asked answers, and only once. */
export function refuseConsentAnswer(consent: ConsentRequest, actor: ParticipantRecord): Refusal {
  if (consent.customerId !== actor.id) return 'this request was not addressed to you';
  return consent.status === 'pending' ? null : 'this request was already answered';
}

/** Screens one grant may publish: the first application and one more (R3.1). */
export const SCREENS_PER_GRANT = 2;

/**
 * A customer may publish a screen only under a granted consent to view
 * (R2.1) that is not yet used up; the grant ends with its producers.
 * `screensPerGrant` counts the producers already using each grant.
 */
export function findUsableGrant(
  actor: ParticipantRecord,
  consents: readonly ConsentRequest[],
  screensPerGrant: ReadonlyMap<string, number>,
): ConsentRequest | null {
  return (
    consents.find(
      (c) =>
        c.customerId === actor.id &&
        c.activity === 'view-desktop' &&
        c.status === 'granted' &&
        (screensPerGrant.get(c.id) ?? 0) < SCREENS_PER_GRANT,
    ) ?? null
  );
}

/**
 * A private message (whispers included) is seen by its sender and its recipient only; a
 * customer sees only what was said since they first joined (not an earlier customer's
 * conversation with the agent); staff see everything they may.
 */
export function canSeeChat(message: ChatMessage, viewer: ParticipantRecord): boolean {
  if (message.from === viewer.id) return true;
  if (viewer.role === 'customer' && message.sentAt < viewer.joinedAt) return false;
  return message.to === null || message.to === viewer.id;
}

/**
 * Chat to everyone, or privately to one present participant (R6.1). A
 * supervisor only whispers to agents; customers cannot address a supervisor.
 */
export function refuseChat(actor: ParticipantRecord, recipient: ParticipantRecord | null, addressed: boolean): Refusal {
  if (actor.role === 'supervisor' && (!recipient || !isStaff(recipient))) return 'a supervisor whispers to agents only';
  if (!addressed) return null;
  if (!recipient || !isPresent(recipient)) return 'no such participant';
  if (actor.role === 'customer' && recipient.role === 'supervisor') return 'no such participant';
  return recipient.id === actor.id ? 'cannot send a private message to yourself' : null;
}

/** Customers see supervisors only when the site says so. */
export function canSeeParticipant(viewer: ParticipantRecord, participant: ParticipantRecord, showSupervisorsToCustomers: boolean): boolean {
  return viewer.role !== 'customer' || participant.role !== 'supervisor' || showSupervisorsToCustomers;
}

/** The sharer stops their own share; the agent in control may stop any share (R3.2). */
export function refuseStopShare(session: SessionRecord, actor: ParticipantRecord, sharerId: string): Refusal {
  return actor.id === sharerId || isController(session, actor) ? null : 'only the sharer or the agent can stop this share';
}

/** The agent in control withdraws a request, only while the customer has not answered it. */
export function refuseConsentCancel(session: SessionRecord, actor: ParticipantRecord, consent: ConsentRequest): Refusal {
  const notController = refuseUnlessController(session, actor, 'cancel a request');
  if (notController) return notController;
  return consent.status === 'pending' ? null : 'this request was already answered';
}

/**
 * The agent in control removes a participant who is no longer connected (a
 * ghost left by a closed tab); a connected participant leaves by themselves.
 */
export function refuseRemoveParticipant(session: SessionRecord, actor: ParticipantRecord, target: ParticipantRecord | null): Refusal {
  const notController = refuseUnlessController(session, actor, 'remove a participant');
  if (notController) return notController;
  if (!target) return 'no such participant';
  if (target.id === actor.id) return 'you cannot remove yourself';
  return target.connected ? 'this participant is still connected' : null;
}
