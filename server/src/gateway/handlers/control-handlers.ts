import type { LiveSession } from '@rs/signaling';
import { toSummary } from '../../domain/session-service';
import type { HandlerMap } from '../define-handler';
import { joinedMember } from '../joined-member';
import type { Services } from '../services';
import { staffOf } from './session-handlers';

type ControlHandlers = Pick<
  HandlerMap,
  'supervisor:sessions' | 'session:take-over' | 'session:transfer-control' | 'session:select-customer' | 'notes:update'
>;

/** Who controls a session, which customer is helped, the notes, and the supervisor's overview. */
export function controlHandlers(s: Services): ControlHandlers {
  return {
    'supervisor:sessions': async ({ socket }) => {
      const agents = await s.directory.agentsOf(staffOf(socket).accountId);
      const seen = new Set<string>();
      const sessions: LiveSession[] = [];
      for (const agentId of agents) {
        for (const session of await s.sessions.listOpenSessionsOf(agentId)) {
          if (seen.has(session.id) || session.agentId !== agentId) continue;
          seen.add(session.id);
          const present = (await s.store.listParticipants(session.id)).filter((p) => p.leftAt === null);
          const producers = (await s.rooms.peek(session.id))?.listProducers() ?? [];
          sessions.push({
            session: toSummary(session),
            agentName: present.find((p) => p.id === session.controllerId)?.displayName ?? session.agentName,
            customers: present.filter((p) => p.role === 'customer').map((p) => p.displayName),
            participants: present.length,
            active: [...new Set(producers.map((p) => p.source))],
          });
        }
      }
      return { sessions: sessions.sort((a, b) => a.session.createdAt - b.session.createdAt) };
    },
    'session:take-over': async ({ socket }, { sessionId }) => {
      await s.control.takeOver(await joinedMember(s.store, socket, sessionId));
      return {};
    },
    'session:transfer-control': async ({ socket }, { sessionId, toParticipantId }) => {
      await s.control.transferControl(await joinedMember(s.store, socket, sessionId), toParticipantId);
      return {};
    },
    'session:select-customer': async ({ socket }, { sessionId, customerId }) => {
      await s.control.selectCustomer(await joinedMember(s.store, socket, sessionId), customerId);
      return {};
    },
    'notes:update': async ({ socket }, request) => {
      await s.control.updateNotes(await joinedMember(s.store, socket, request.sessionId), request);
      return {};
    },
  };
}
