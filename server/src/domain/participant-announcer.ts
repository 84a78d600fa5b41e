import type { Participant } from '@rs/signaling';
import type { ParticipantRecord } from '../store/session-store';
import type { Notifier } from './notifier';

type ParticipantEventName = 'session:participant-joined' | 'session:participant-updated' | 'session:participant-left';

/** Tells the session about a participant; supervisors are announced to staff only unless the site shows them. */
export class ParticipantAnnouncer {
  constructor(
    private readonly notifier: Notifier,
    private readonly showSupervisorsToCustomers: boolean,
  ) {}

  announce(event: ParticipantEventName, sessionId: string, participant: ParticipantRecord): void {
    const payload = { sessionId, participant: toPublic(participant) };
    if (participant.role === 'supervisor' && !this.showSupervisorsToCustomers) this.notifier.toStaff(sessionId, event, payload);
    else this.notifier.toSession(sessionId, event, payload);
  }
}

export function toPublic({ accountId: _accountId, customerKeyHash: _customerKeyHash, ...participant }: ParticipantRecord): Participant {
  return participant;
}
