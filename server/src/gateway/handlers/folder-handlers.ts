import type { HandlerMap } from '../define-handler';
import { joinedMember } from '../joined-member';
import type { Services } from '../services';

type FolderHandlers = Pick<HandlerMap, 'files:folder-request' | 'files:folder-answer' | 'files:fs'>;

/** Folder mode (R7.2): the customer's granted folder, worked on through their own app. */
export function folderHandlers(s: Services): FolderHandlers {
  return {
    'files:folder-request': async ({ socket }, { sessionId, customerId }) => s.folders.request(await joinedMember(s.store, socket, sessionId), customerId),
    'files:folder-answer': async ({ socket }, request) => s.folders.answer(await joinedMember(s.store, socket, request.sessionId), request),
    'files:fs': async ({ socket }, { sessionId, customerId, op }) => s.folders.fs(await joinedMember(s.store, socket, sessionId), customerId, op),
  };
}
