import type { HandlerMap } from '../define-handler';
import { joinedMember } from '../joined-member';
import type { Services } from '../services';

type ChatConsentHandlers = Pick<HandlerMap, 'chat:send' | 'consent:ask' | 'consent:answer' | 'consent:cancel' | 'consent:revoke' | 'share:stop'>;

export function chatConsentHandlers(s: Services): ChatConsentHandlers {
  return {
    'chat:send': async ({ socket }, request) => s.chat.send(await joinedMember(s.store, socket, request.sessionId), request),
    'consent:ask': async ({ socket }, request) => s.consents.ask(await joinedMember(s.store, socket, request.sessionId), request),
    'consent:answer': async ({ socket }, request) => s.consents.answer(await joinedMember(s.store, socket, request.sessionId), request),
    'consent:cancel': async ({ socket }, request) => s.consents.cancel(await joinedMember(s.store, socket, request.sessionId), request),
    'consent:revoke': async ({ socket }, { sessionId }) => {
      await s.shares.revoke(await joinedMember(s.store, socket, sessionId));
      return {};
    },
    'share:stop': async ({ socket }, { sessionId, source }) => {
      await s.shares.stop(await joinedMember(s.store, socket, sessionId), source);
      return {};
    },
  };
}
