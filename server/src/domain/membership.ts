import { AppError } from '../errors/app-error';
import type { Principal } from '../auth/token-service';
import type { ParticipantRecord, SessionRecord, SessionStore } from '../store/session-store';

export interface Member {
  session: SessionRecord;
  participant: ParticipantRecord;
}

/** Resolves who a principal is in a session, or refuses. Every session request goes through it. */
export async function resolveMember(store: SessionStore, principal: Principal, sessionId: string): Promise<Member> {
  const session = await store.getSession(sessionId);
  if (!session) throw new AppError('SESSION_NOT_FOUND', 'no such session');
  if (session.state === 'ended') throw new AppError('SESSION_ENDED', 'the session has ended');
  const participantId = participantIdOf(session, principal);
  const participant = participantId ? await store.getParticipant(sessionId, participantId) : null;
  if (!participant || participant.leftAt !== null) throw new AppError('NOT_IN_SESSION', 'you are not in this session');
  return { session, participant };
}

function participantIdOf(session: SessionRecord, principal: Principal): string | null {
  if (principal.role === 'customer') return principal.sessionId === session.id ? principal.participantId : null;
  return principal.agentId === session.agentId ? session.agentParticipantId : null;
}
