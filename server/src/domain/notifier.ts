import type { ServerEventName, ServerEventOf } from '@rs/signaling';

/** How the domain tells clients what happened; implemented by the socket gateway. */
export interface Notifier {
  /** Everyone connected to the session. */
  toSession<N extends ServerEventName>(sessionId: string, event: N, payload: ServerEventOf<N>): void;
  /** Agents, assistants and supervisors of the session only (never customers). */
  toStaff<N extends ServerEventName>(sessionId: string, event: N, payload: ServerEventOf<N>): void;
  /** The customers of the session only (never staff). */
  toCustomers<N extends ServerEventName>(sessionId: string, event: N, payload: ServerEventOf<N>): void;
  toParticipant<N extends ServerEventName>(participantId: string, event: N, payload: ServerEventOf<N>): void;
  /** Closes every connection of the participant, on every node (after what was sent to them; they do not reconnect). */
  disconnectParticipant(participantId: string): void;
}
