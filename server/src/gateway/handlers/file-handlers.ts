import { AppError } from '../../errors/app-error';
import { withMediaErrors } from '../../media/share-service';
import type { HandlerMap } from '../define-handler';
import { joinedMember } from '../joined-member';
import type { Services } from '../services';

type FileHandlers = Pick<
  HandlerMap,
  | 'file:offer'
  | 'file:accept'
  | 'file:decline'
  | 'file:cancel'
  | 'file:progress'
  | 'file:resend'
  | 'file:complete'
  | 'file:fail'
  | 'file:path'
  | 'file:list'
  | 'file:signal'
  | 'file:relay-transport'
  | 'file:relay-connect'
  | 'file:relay-produce'
  | 'file:relay-consume'
>;

/** File transfer (R7). The relay's mediasoup objects exist only for the parties of a live transfer. */
export function fileHandlers(s: Services): FileHandlers {
  const member = (socket: Parameters<typeof joinedMember>[1], sessionId: string) => joinedMember(s.store, socket, sessionId);
  return {
    'file:offer': async ({ socket }, request) => ({ transfers: await s.files.offer(await member(socket, request.sessionId), request) }),
    'file:accept': async ({ socket }, { sessionId, transferId }) => s.files.accept(await member(socket, sessionId), transferId),
    'file:decline': async ({ socket }, { sessionId, transferId }) => s.files.decline(await member(socket, sessionId), transferId),
    'file:cancel': async ({ socket }, { sessionId, transferId }) => s.files.cancel(await member(socket, sessionId), transferId),
    'file:progress': async ({ socket }, { sessionId, transferId, verifiedChunks, reset }) =>
      s.files.progress(await member(socket, sessionId), transferId, verifiedChunks, reset ?? false),
    'file:resend': async ({ socket }, { sessionId, transferId, fromChunk }) => {
      await s.files.resend(await member(socket, sessionId), transferId, fromChunk);
      return {};
    },
    'file:complete': async ({ socket }, { sessionId, transferId, sha256 }) => s.files.complete(await member(socket, sessionId), transferId, sha256),
    'file:fail': async ({ socket }, { sessionId, transferId, reason }) => s.files.fail(await member(socket, sessionId), transferId, reason),
    'file:path': async ({ socket }, { sessionId, transferId, path }) => s.files.setPath(await member(socket, sessionId), transferId, path),
    'file:list': async ({ socket }, { sessionId }) => s.files.list(await member(socket, sessionId)),
    'file:signal': async ({ socket }, { sessionId, peerId, data }) => {
      await s.files.signal(await member(socket, sessionId), peerId, data);
      return {};
    },
    'file:relay-transport': async ({ socket }, { sessionId, direction }) => {
      const { participant } = await member(socket, sessionId);
      // A send transport for a sender of a live transfer, a recv transport for a receiver of one.
      if (!(await s.files.hasAnyLiveTransfer(sessionId, participant.id, direction === 'send' ? 'sender' : 'receiver'))) {
        throw new AppError('NO_TRANSFER', `no transfer in progress that you ${direction === 'send' ? 'send' : 'receive'}`);
      }
      return (await s.rooms.get(sessionId)).files.createTransport(participant.id, direction);
    },
    'file:relay-connect': async ({ socket }, { sessionId, direction, dtlsParameters }) => {
      const { participant } = await member(socket, sessionId);
      const relay = (await s.rooms.get(sessionId)).files;
      await withMediaErrors(() => relay.connect(participant.id, direction, dtlsParameters));
      return {};
    },
    'file:relay-produce': async ({ socket }, { sessionId, peerId, sctpStreamParameters, label, protocol }) => {
      const { participant } = await member(socket, sessionId);
      await s.files.requireLiveTransfer(sessionId, participant.id, peerId);
      const relay = (await s.rooms.get(sessionId)).files;
      const dataProducerId = await withMediaErrors(() => relay.produce(participant.id, peerId, sctpStreamParameters, label, protocol));
      s.files.relayReady(sessionId, participant.id, peerId);
      return { dataProducerId };
    },
    'file:relay-consume': async ({ socket }, { sessionId, fromId }) => {
      const { participant } = await member(socket, sessionId);
      await s.files.requireLiveTransfer(sessionId, fromId, participant.id);
      const relay = (await s.rooms.get(sessionId)).files;
      return withMediaErrors(() => relay.consume(participant.id, fromId));
    },
  };
}
