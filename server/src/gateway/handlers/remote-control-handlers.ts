import { refuseAnnotate } from '../../domain/media-rules';
import { AppError } from '../../errors/app-error';
import type { HandlerMap } from '../define-handler';
import { joinedMember } from '../joined-member';
import type { Services } from '../services';
import type { SignalingSocket } from '../socket-types';

type RemoteControlHandlers = Pick<
  HandlerMap,
  | 'control:request'
  | 'control:give'
  | 'control:stop'
  | 'control:input'
  | 'control:clipboard-write'
  | 'control:clipboard-read'
  | 'control:surface'
  | 'annotation:mode'
>;

/**
 * This connection's participant in a session it joined, from memory: the input
 * path runs ~100 times a second and must not read the store. The grant check
 * (controller, active, helper connected) is the ControlService's, also in memory.
 */
function joinedParticipant(socket: SignalingSocket, sessionId: string): string {
  const participantId = socket.data.sessions.get(sessionId);
  if (!participantId) throw new AppError('NOT_IN_SESSION', 'join the session first');
  return participantId;
}

/** Remote control: ask, give, stop, and the controller's input and clipboard relayed to the helper. */
export function remoteControlHandlers(s: Services): RemoteControlHandlers {
  return {
    'control:request': async ({ socket }, { sessionId, customerId }) => s.remote.request(await joinedMember(s.store, socket, sessionId), customerId),
    'control:give': async ({ socket }, { sessionId, customerId }) => s.remote.give(await joinedMember(s.store, socket, sessionId), customerId),
    'control:stop': async ({ socket }, { sessionId }) => {
      await s.remote.stop(await joinedMember(s.store, socket, sessionId));
      return {};
    },
    'control:input': async ({ socket }, { sessionId, input }) => {
      s.remote.input(sessionId, joinedParticipant(socket, sessionId), input);
      return {};
    },
    'control:clipboard-write': async ({ socket }, { sessionId, text }) => {
      await s.remote.clipboardWrite(sessionId, joinedParticipant(socket, sessionId), text);
      return {};
    },
    'control:clipboard-read': async ({ socket }, { sessionId }) => ({ text: await s.remote.clipboardRead(sessionId, joinedParticipant(socket, sessionId)) }),
    'control:surface': async ({ socket }, { sessionId, surface }) => {
      s.remote.surface(sessionId, joinedParticipant(socket, sessionId), surface);
      return {};
    },
    'annotation:mode': async ({ socket }, { sessionId, active }) => {
      if (active) {
        // Only those who may draw can pause control by annotating (R3.6).
        const member = await joinedMember(s.store, socket, sessionId);
        const refusal = refuseAnnotate(member.session, member.participant);
        if (refusal) throw new AppError(refusal.code, refusal.reason);
      }
      await s.remote.annotationMode(sessionId, joinedParticipant(socket, sessionId), active);
      return {};
    },
  };
}
