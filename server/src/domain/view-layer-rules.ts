import type { ParticipantRecord, SessionRecord } from '../store/session-store';
import { isController } from './session-rules';

/**
 * Supervisors watching a session see shared screens on a lower simulcast
 * layer by default (no cost to the agent's view); they may ask for the full
 * one. The agent in control, assistants and customers get the top layer.
 */
export function watchesLowLayer(session: SessionRecord, participant: ParticipantRecord): boolean {
  return participant.role === 'supervisor' && !isController(session, participant);
}
