import type { QueueRecord } from '@rs/signaling';
import type { Config } from './config/config';
import { ChatService } from './domain/chat-service';
import type { Clock } from './domain/clock';
import { ConsentService } from './domain/consent-service';
import { ControlService } from './domain/control/control-service';
import { CustomerAudience } from './domain/customer-audience';
import { FileTransferService } from './domain/files/file-transfer-service';
import { FolderService } from './domain/files/folder-service';
import { MediaAudit } from './domain/media-audit';
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

/** A helper whose connection dropped may resume this long before control ends (it gives up after 30 s itself). */
const HELPER_RESUME_MS = 45_000;
/** Remote input per controller: a person's pace with room to spare (pointer moves come at up to ~100/s). */
const INPUT_BURST = 400;
const INPUT_PER_SECOND = 300;

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
  const audience = new CustomerAudience(store, notifier, config.showSupervisorsToCustomers, config.customersSeeOtherCustomersScreens);
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
  const remote = new ControlService({
    store, consents, notifier, clock, log: log.child({ component: 'control' }),
    localInputPauseMs: config.localInputPauseMs,
    pairingCodeTtlMs: Math.round(config.pairingCodeTtlSeconds * 1000),
    helperResumeMs: HELPER_RESUME_MS,
    inputRate: new RateBuckets({ capacity: INPUT_BURST, refillPerSecond: INPUT_PER_SECOND }, clock),
  });
  const mediaAudit = new MediaAudit(store, clock, log);
  const voice = new VoiceService(store, rooms, audience, log.child({ component: 'voice' }), mediaAudit);
  const annotations = new AnnotationService(rooms, notifier, new RateBuckets({ capacity: config.drawBurstPoints, refillPerSecond: config.drawPointsPerSecond }, clock));
  const folders = new FolderService({
    store, notifier, asker: notifier, clock, log: log.child({ component: 'folders' }),
    requestTimeoutMs: config.folderRequestTimeoutSeconds * 1000,
  });
  const files = new FileTransferService({
    store, consents, notifier, clock, log: log.child({ component: 'files' }),
    maxBytes: config.fileTransferMaxBytes, forceRelay: config.fileTransferForceRelay,
    folderGranted: (sessionId, customerId) => folders.isGranted(sessionId, customerId),
  });
  const publish = new PublishService(rooms, shares, voice, notifier, audience, mediaAudit);
  const services: Services = {
    store, sessions, control, consents, remote, rooms, shares, publish, voice, annotations, directory, audience, files, folders,
    chat: new ChatService(store, notifier, clock, new RateBuckets({ capacity: config.chatBurst, refillPerSecond: config.chatPerSecond }, clock)),
    showSupervisorsToCustomers: config.showSupervisorsToCustomers,
  };

  // Control ends first (synchronously closing the helper's input path), then shares stop.
  control.on('activities-stopped', (sessionId, actorId, cause) => remote.endIn(sessionId, cause === 'control-changed' ? 'transferred' : 'stopped', actorId));
  sessions.on('participant-gone', (sessionId, participantId) => remote.participantGone(sessionId, participantId));
  sessions.on('session-ended', (sessionId, endedBy) => remote.sessionEnded(sessionId, endedBy));
  // Speaking indicators come from the router's audio levels (one truth for every browser).
  rooms.on('speaking', (sessionId, participantIds) => audience.speaking(sessionId, participantIds));
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
  wireFiles(services, sessions);
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

/** A party away pauses its transfers; a session's end cancels them; an idle pair's relay channels close. */
function wireFiles({ files, folders, rooms }: Services, sessions: SessionService): void {
  const away = async (sessionId: string, participantId: string) => {
    await folders.customerAway(sessionId, participantId);
    await files.partyAway(sessionId, participantId);
  };
  sessions.on('participant-disconnected', away);
  sessions.on('participant-gone', away);
  sessions.on('session-ended', async (sessionId, endedBy) => {
    folders.sessionEnded(sessionId);
    await files.sessionEnded(sessionId, endedBy);
  });
  files.on('pair-idle', async (sessionId, a, b) => {
    const relay = (await rooms.peek(sessionId))?.existingFiles;
    if (!relay) return;
    relay.closePair(a, b);
    for (const id of [a, b]) if (!(await files.hasAnyLiveTransfer(sessionId, id))) relay.closePeer(id);
  });
}
