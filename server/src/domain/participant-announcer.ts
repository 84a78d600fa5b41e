import type { Participant } from '@rs/signaling';
import type { ParticipantRecord } from '../store/session-store';
import type { CustomerAudience } from './customer-audience';

type ParticipantEventName = 'session:participant-joined' | 'session:participant-updated' | 'session:participant-left';

/** Tells the session about a participant; supervisors are announced to staff only unless the site shows them. */
export class ParticipantAnnouncer {
  constructor(private readonly audience: CustomerAudience) {}

  announce(event: ParticipantEventName, sessionId: string, participant: ParticipantRecord): void {
    this.audience.about(sessionId, participant, event, { sessionId, participant: toPublic(participant) });
  }
}

export function toPublic({ accountId: _accountId, customerKeyHash: _customerKeyHash, ...participant }: ParticipantRecord): Participant {
  return participant;
}
