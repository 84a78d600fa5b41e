import { AppError } from '../../errors/app-error';
import { findParticipant, resolveMember } from '../../domain/membership';
import { toSummary } from '../../domain/session-service';
import { isStaff } from '../../auth/principal';
import type { StaffPrincipal } from '../../auth/principal';
import type { HandlerMap } from '../define-handler';
import { joinedMember } from '../joined-member';
import { attachAndSnapshot } from '../session-snapshot';
import type { Services } from '../services';
import { sessionRoom, staffRoom } from '../socket-types';
import type { SignalingSocket } from '../socket-types';

type SessionHandlers = Pick<
  HandlerMap,
  'agent:sessions' | 'session:join' | 'session:admit' | 'session:assist' | 'session:watch' | 'session:leave' | 'session:end' | 'session:remove-participant'
>;

/** The staff principal of a socket (the role check before the handler guarantees it). */
export function staffOf(socket: SignalingSocket): StaffPrincipal {
  const { principal } = socket.data;
  if (!isStaff(principal)) throw new AppError('FORBIDDEN', 'staff only');
  return principal;
}

/** Joining, leaving and ending sessions. */
export function sessionHandlers(s: Services): SessionHandlers {
  return {
    'agent:sessions': async ({ socket }) => {
      const agent = staffOf(socket);
      const open = await s.sessions.listOpenSessionsOf(agent.accountId);
      const present = await Promise.all(open.map(async (session) => (await findParticipant(s.store, agent, session.id)) !== null));
      return { sessions: open.filter((_session, i) => present[i]).map(toSummary) };
    },

    'session:join': async ({ socket }, { sessionId }) =>
      attachAndSnapshot(s, socket, await resolveMember(s.store, socket.data.principal, sessionId, true)),

    'session:admit': async ({ socket }, { sessionId, participantId, admit }) => {
      await s.control.admit(await joinedMember(s.store, socket, sessionId), participantId, admit);
      return {};
    },

    'session:assist': async ({ socket }, { sessionNumber }) =>
      attachAndSnapshot(s, socket, await s.control.assist(staffOf(socket), sessionNumber)),

    'session:watch': async ({ socket }, { sessionId }) =>
      attachAndSnapshot(s, socket, await s.control.watch(staffOf(socket), sessionId)),

    'session:leave': async ({ socket }, { sessionId }) => {
      await s.sessions.leave(await joinedMember(s.store, socket, sessionId, true));
      socket.data.sessions.delete(sessionId);
      await socket.leave(sessionRoom(sessionId));
      await socket.leave(staffRoom(sessionId));
      return {};
    },

    'session:remove-participant': async ({ socket }, { sessionId, participantId }) => {
      await s.sessions.remove(await joinedMember(s.store, socket, sessionId), participantId);
      return {};
    },

    'session:end': async ({ socket }, { sessionId }) => {
      await s.sessions.end(await joinedMember(s.store, socket, sessionId));
      return {};
    },
  };
}
