import type { AgentPresence } from '@rs/signaling';
import { isStaff } from '../../auth/principal';
import type { VisitorPrincipal } from '../../auth/principal';
import { AppError } from '../../errors/app-error';
import type { HandlerMap } from '../define-handler';
import type { QueueServices } from '../queue-services';
import { sessionRoom, staffRoom } from '../socket-types';
import type { SignalingSocket } from '../socket-types';
import { staffOf } from './session-handlers';

type QueueHandlers = Pick<
  HandlerMap,
  | 'queue:status' | 'queue:first-message' | 'queue:keep-waiting' | 'queue:leave-message' | 'queue:leave' | 'queue:admission'
  | 'queue:list' | 'presence:set' | 'queue:accept-next' | 'queue:accept' | 'offer:accept' | 'offer:decline'
  | 'session:transfer' | 'queue:agents' | 'quick-phrases:list' | 'queue:board'
>;

/** The waiting customer behind a socket (the role check before the handler guarantees it). */
function visitorOf(socket: SignalingSocket): VisitorPrincipal {
  const { principal } = socket.data;
  if (principal.role !== 'visitor') throw new AppError('FORBIDDEN', 'for waiting customers only');
  return principal;
}

/** Inbound support: the waiting customer's own entry, agents' presence, queues, accepts, offers and transfers. */
export function queueHandlers(q: QueueServices): QueueHandlers {
  return {
    'queue:status': async ({ socket }) => {
      const { principal } = socket.data;
      if (principal.role === 'customer') return q.help.statusOfSession(principal.sessionId, principal.participantId);
      return q.help.status(visitorOf(socket).entryId);
    },
    'queue:first-message': async ({ socket }, { text }) => q.help.firstMessage(visitorOf(socket).entryId, text),
    'queue:keep-waiting': async ({ socket }) => q.help.keepWaiting(visitorOf(socket).entryId),
    'queue:leave-message': async ({ socket }, { text }) => q.help.leaveMessage(visitorOf(socket).entryId, text),
    'queue:leave': async ({ socket }) => q.help.leave(visitorOf(socket).entryId),
    'queue:admission': async ({ socket }) => q.help.admission(visitorOf(socket).entryId),

    'queue:list': async ({ socket }) => q.views.snapshot(staffOf(socket).accountId),
    'presence:set': async ({ socket }, { state }) => q.presence.choose(staffOf(socket).accountId, state),
    'queue:accept-next': async ({ socket }, { queueId }) => q.accept.acceptNext(staffOf(socket), queueId),
    'queue:accept': async ({ socket }, { entryId }) => q.accept.accept(staffOf(socket), entryId),
    'offer:accept': async ({ socket }, { offerId }) => q.accept.acceptOffer(staffOf(socket), offerId),
    'offer:decline': async ({ socket }, { offerId }) => {
      await q.accept.decline(staffOf(socket), offerId);
      return {};
    },

    'session:transfer': async ({ socket }, request) => {
      const answer = await q.transfer.transfer(staffOf(socket), request);
      // The transferring agent has left the session (R1.5).
      socket.data.sessions.delete(request.sessionId);
      await socket.leave(sessionRoom(request.sessionId));
      await socket.leave(staffRoom(request.sessionId));
      return answer;
    },
    'queue:agents': async ({ socket }) => {
      const self = staffOf(socket).accountId;
      const members = new Set((await q.admin.list()).flatMap((queue) => queue.members));
      members.delete(self);
      const agents: AgentPresence[] = await q.presence.views([...members]);
      return { agents: agents.sort((a, b) => a.displayName.localeCompare(b.displayName)) };
    },
    'quick-phrases:list': async ({ socket }, { language, queueId }) => {
      if (!isStaff(socket.data.principal)) throw new AppError('FORBIDDEN', 'staff only');
      return { phrases: await q.admin.phrasesFor(language, queueId) };
    },
    'queue:board': async () => q.views.board(),
  };
}
