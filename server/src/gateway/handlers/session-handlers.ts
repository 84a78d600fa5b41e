import { resolveMember } from '../../domain/membership';
import { toPublic, toSummary } from '../../domain/session-service';
import type { HandlerMap } from '../define-handler';
import { joinedMember } from '../joined-member';
import type { Services } from '../services';
import { participantRoom, sessionRoom } from '../socket-types';

type SessionHandlers = Pick<HandlerMap, 'agent:sessions' | 'session:join' | 'session:leave' | 'session:end'>;

export function sessionHandlers(s: Services): SessionHandlers {
  return {
    'agent:sessions': async ({ socket }) => {
      const { principal } = socket.data;
      const sessions = principal.role === 'agent' ? await s.sessions.listOpenSessionsOf(principal.agentId) : [];
      return { sessions: sessions.map(toSummary) };
    },

    'session:join': async ({ socket }, { sessionId }) => {
      const member = await resolveMember(s.store, socket.data.principal, sessionId);
      await socket.join([sessionRoom(sessionId), participantRoom(member.participant.id)]);
      socket.data.sessions.set(sessionId, member.participant.id);
      const { session, participants } = await s.sessions.attach(member);
      const room = await s.rooms.peek(sessionId);
      const self = participants.find((p) => p.id === member.participant.id) ?? member.participant;
      return {
        session: toSummary(session),
        self: toPublic(self),
        participants: participants.map(toPublic),
        chat: await s.sessions.chatHistoryFor(member),
        consents: await s.consents.list(sessionId),
        producers: room?.listProducers() ?? [],
      };
    },

    'session:leave': async ({ socket }, { sessionId }) => {
      const member = await joinedMember(s.store, socket, sessionId);
      await s.sessions.leave(member);
      socket.data.sessions.delete(sessionId);
      await socket.leave(sessionRoom(sessionId));
      return {};
    },

    'session:end': async ({ socket }, { sessionId }) => {
      await s.sessions.end(await joinedMember(s.store, socket, sessionId));
      return {};
    },
  };
}
