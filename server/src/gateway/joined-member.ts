import { AppError } from '../errors/app-error';
import { resolveMember } from '../domain/membership';
import type { Member } from '../domain/membership';
import type { SessionStore } from '../store/session-store';
import type { SignalingSocket } from './socket-types';

/** The member behind this connection in a session it has joined (re-read from the store). */
export async function joinedMember(store: SessionStore, socket: SignalingSocket, sessionId: string, waitingToo = false): Promise<Member> {
  if (!socket.data.sessions.has(sessionId)) throw new AppError('NOT_IN_SESSION', 'join the session first');
  return resolveMember(store, socket.data.principal, sessionId, waitingToo);
}
