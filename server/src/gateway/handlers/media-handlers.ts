import { withMediaErrors } from '../../media/share-service';
import type { HandlerMap } from '../define-handler';
import { joinedMember } from '../joined-member';
import { watchesLowLayer } from '../../domain/view-layer-rules';
import type { Services } from '../services';

type MediaHandlers = Pick<
  HandlerMap,
  | 'media:capabilities'
  | 'media:create-transport'
  | 'media:connect-transport'
  | 'media:produce'
  | 'media:consume'
  | 'media:resume-consumer'
  | 'media:close-producer'
  | 'media:restart-ice'
  | 'share:paused'
  | 'media:release'
  | 'share:view-layer'
  | 'share:sender-stats'
>;

/** WebRTC plumbing through the SFU. Every call first proves the caller is in the session. */
export function mediaHandlers(s: Services): MediaHandlers {
  const roomOf = async (socket: Parameters<typeof joinedMember>[1], sessionId: string) => {
    const member = await joinedMember(s.store, socket, sessionId);
    return { member, room: await s.rooms.get(sessionId) };
  };
  return {
    'media:capabilities': async ({ socket }, { sessionId }) => {
      const { room } = await roomOf(socket, sessionId);
      return { rtpCapabilities: { ...room.rtpCapabilities } };
    },
    'media:create-transport': async ({ socket }, { sessionId, direction }) => {
      const { member, room } = await roomOf(socket, sessionId);
      return room.createTransport(member.participant.id, direction);
    },
    'media:connect-transport': async ({ socket }, { sessionId, transportId, dtlsParameters }) => {
      const { member, room } = await roomOf(socket, sessionId);
      await withMediaErrors(() => room.connectTransport(member.participant.id, transportId, dtlsParameters));
      return {};
    },
    'media:produce': async ({ socket }, request) => {
      const { producerId } = await s.publish.produce(await joinedMember(s.store, socket, request.sessionId), request);
      return { producerId };
    },
    'media:consume': async ({ socket }, { sessionId, transportId, producerId, rtpCapabilities }) => {
      const { member, room } = await roomOf(socket, sessionId);
      await s.audience.refuseHiddenProducer(sessionId, member.participant, room.listProducers(), producerId);
      // Supervisors watch on the lowest simulcast layer: no cost to the agent's view.
      const lowLayer = watchesLowLayer(member.session, member.participant);
      return withMediaErrors(() => room.consume(member.participant.id, transportId, producerId, rtpCapabilities, lowLayer));
    },
    'media:close-producer': async ({ socket }, { sessionId, producerId }) => {
      const { member, room } = await roomOf(socket, sessionId);
      room.closeOwnProducer(member.participant.id, producerId);
      return {};
    },
    'media:restart-ice': async ({ socket }, { sessionId, transportId }) => {
      const { member, room } = await roomOf(socket, sessionId);
      return { iceParameters: await room.restartIce(member.participant.id, transportId) };
    },
    'media:release': async ({ socket }, { sessionId, transportIds }) => {
      const member = await joinedMember(s.store, socket, sessionId);
      const room = await s.rooms.peek(sessionId);
      if (transportIds) room?.closeTransports(member.participant.id, transportIds);
      else room?.closePeer(member.participant.id, 'lost');
      return {};
    },
    'share:view-layer': async ({ socket }, { sessionId, producerId, full }) => {
      const { member, room } = await roomOf(socket, sessionId);
      await withMediaErrors(() => room.preferLayer(member.participant.id, producerId, full || !watchesLowLayer(member.session, member.participant) ? 'top' : 'low'));
      return {};
    },
    'share:sender-stats': async ({ socket }, request) => {
      await s.publish.senderStats(await joinedMember(s.store, socket, request.sessionId), request);
      return {};
    },
    'share:paused': async ({ socket }, { sessionId, reason }) => {
      await s.shares.paused(await joinedMember(s.store, socket, sessionId), reason);
      return {};
    },
    'media:resume-consumer': async ({ socket }, { sessionId, consumerId }) => {
      const { member, room } = await roomOf(socket, sessionId);
      await room.resumeConsumer(member.participant.id, consumerId);
      return {};
    },
  };
}
