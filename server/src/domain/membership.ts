import { AppError } from '../errors/app-error';
import type { Principal } from '../auth/principal';
import type { ParticipantRecord, SessionRecord, SessionStore } from '../store/session-store';

export interface Member {
  session: SessionRecord;
  participant: ParticipantRecord;
}

/** The live session, or SESSION_NOT_FOUND / SESSION_ENDED. */
export async function requireLiveSession(store: SessionStore, sessionId: string): Promise<SessionRecord> {
  const session = await store.getSession(sessionId);
  if (!session) throw new AppError('SESSION_NOT_FOUND', 'no such session');
  if (session.state === 'ended') throw new AppError('SESSION_ENDED', 'the session has ended');
  return session;
}

/** The present participant of this principal in a session, if any. */
export async function findParticipant(store: SessionStore, principal: Principal, sessionId: string): Promise<ParticipantRecord | null> {
  if (principal.role === 'customer') {
    if (principal.sessionId !== sessionId) return null;
    const participant = await store.getParticipant(sessionId, principal.participantId);
    return participant && participant.leftAt === null ? participant : null;
  }
  if (principal.role === 'visitor') return null;
  const participants = await store.listParticipants(sessionId);
  return participants.find((p) => p.accountId === principal.accountId && p.leftAt === null) ?? null;
}

/**
 * Resolves who a principal is in a session, or refuses. Every session request goes through it:
 * a customer still waiting to be admitted gets NOT_ADMITTED for everything but joining
 * (the waiting screen) and leaving, which pass `waitingToo`.
 */
export async function resolveMember(store: SessionStore, principal: Principal, sessionId: string, waitingToo = false): Promise<Member> {
  const session = await requireLiveSession(store, sessionId);
  const participant = await findParticipant(store, principal, sessionId);
  if (!participant) throw new AppError('NOT_IN_SESSION', 'you are not in this session');
  if (participant.waiting === true && !waitingToo) throw new AppError('NOT_ADMITTED', 'the agent has not admitted you yet');
  return { session, participant };
}
