import type { ServerEventName, ServerEventOf } from '@rs/signaling';

/** Whom a queue event is for: the customer of one entry, one agent, or the supervisors. Implemented by the socket gateway. */
export interface QueueNotifier {
  /** The customer of this entry only: their waiting page (entry room) or, in a transferred session, their participant. */
  toEntry<N extends ServerEventName>(entry: { id: string; participantId: string | null }, event: N, payload: ServerEventOf<N>): void;
  /** Every console of one agent account. */
  toAgent<N extends ServerEventName>(accountId: string, event: N, payload: ServerEventOf<N>): void;
  /** Every connected supervisor (the queue board). */
  toSupervisors<N extends ServerEventName>(event: N, payload: ServerEventOf<N>): void;
}
