import type { QueueRecord } from '@rs/signaling';
import type { Config } from './config/config';
import { ChatService } from './domain/chat-service';
import type { Clock } from './domain/clock';
import { ConsentService } from './domain/consent-service';
import { CustomerAudience } from './domain/customer-audience';
import { ParticipantAnnouncer } from './domain/participant-announcer';
import { RateBuckets } from './domain/rate-bucket';
import { SessionControlService } from './domain/session-control-service';
import { SessionRecordService } from './domain/session-record-service';
import { SessionService } from './domain/session-service';
import type { StaffDirectory } from './domain/staff-directory';
import type { Services } from './gateway/services';
import { SocketNotifier } from './gateway/socket-notifier';
import type { Logger } from './logging/logger';
import { MediaRooms } from './media/media-rooms';
import { AnnotationService } from './media/annotation-service';
import { PublishService } from './media/publish-service';
import { ShareService } from './media/share-service';
import { VoiceService } from './media/voice-service';
import type { WorkerPool } from './media/worker-pool';
import type { SessionStore } from './store/session-store';

export interface ComposeInput {
  config: Config;
  store: SessionStore;
  pool: WorkerPool;
  directory: StaffDirectory;
  clock: Clock;
  log: Logger;
  /** The queue part of a session's record (sessions from a queue), for SessionRecordService. */
  queueRecordOf?: (sessionId: string) => Promise<QueueRecord | null>;
}

/** Builds the session services and wires their events together (the composition root of the rules). */
export function composeServices({ config, store, pool, directory, clock, log, queueRecordOf }: ComposeInput) {
  const notifier = new SocketNotifier();
  const audience = new CustomerAudience(store, notifier, config.showSupervisorsToCustomers);
  const announcer = new ParticipantAnnouncer(audience);
  const sessions = new SessionService({ store, notifier, announcer, log, clock, numberTtlSeconds: config.sessionNumberTtlSeconds });
  const control = new SessionControlService({ store, sessions, notifier, announcer, directory, clock, log });
  const consents = new ConsentService(store, notifier, announcer, clock, log);
  const rooms = new MediaRooms(
    pool,
    {
      listenIp: config.media.listenIp,
      announcedAddress: config.media.announcedAddress,
      portRange: { min: config.media.rtcMinPort, max: config.media.rtcMaxPort },
      unconnectedTimeoutMs: config.media.transportTimeoutSeconds * 1000,
    },
    log.child({ component: 'media' }),
    config.media.reconnectGraceSeconds * 1000,
  );
  const shares = new ShareService(rooms, consents, notifier);
  const voice = new VoiceService(store, rooms, audience, log.child({ component: 'voice' }));
  const annotations = new AnnotationService(rooms, notifier, new RateBuckets({ capacity: config.drawBurstPoints, refillPerSecond: config.drawPointsPerSecond }, clock));
  const publish = new PublishService(rooms, shares, voice, notifier, audience);
  const services: Services = {
    store, sessions, control, consents, rooms, shares, publish, voice, annotations, directory, audience,
    chat: new ChatService(store, notifier, clock, new RateBuckets({ capacity: config.chatBurst, refillPerSecond: config.chatPerSecond }, clock)),
    showSupervisorsToCustomers: config.showSupervisorsToCustomers,
  };

  sessions.on('participant-gone', async (sessionId, participantId) => {
    await voice.leave(sessionId, participantId);
    (await rooms.peek(sessionId))?.closePeer(participantId, 'stopped');
  });
  sessions.on('session-ended', async (sessionId) => {
    voice.forget(sessionId);
    annotations.forget(sessionId);
    await rooms.close(sessionId);
  });
  control.on('activities-stopped', (sessionId, actorId) => shares.stopAll(sessionId, actorId));
  control.on('controller-changed', (sessionId) => voice.refresh(sessionId));
  control.on('customer-selected', (sessionId) => voice.refresh(sessionId));
  control.on('taken-over', async (sessionId, participantId) => {
    if (!audience.hides({ role: 'supervisor' })) return;
    // Customers never heard of the supervisor's call membership or microphone: tell them now.
    await voice.announce(sessionId);
    await publish.announceProducersOf(sessionId, participantId);
  });

  return { services, notifier, records: new SessionRecordService(store, directory, queueRecordOf) };
}
