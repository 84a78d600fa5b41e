import type { types } from 'mediasoup';
import type { ConsumeResponse, MediaKind, MediaSource, ProducerCloseReason, ProducerInfo, QualityMode, TransportClosedReason, TransportDirection, TransportOptions } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import { TypedEmitter } from '../domain/typed-emitter';
import { MEDIA_CODECS } from './media-codecs';
import { PeerMedia } from './peer-media';
import { FileRelay } from './file-relay';
import { createRtpTap } from './rtp-tap';
import type { RtpTapTarget } from './rtp-tap';
import type { ProducerAppData } from './peer-media';
import { watchTransport } from './transport-watchdog';
import { preferViewLayer, type ViewLayer } from './view-layer';
import { SpeakingObserver } from './speaking-observer';

/** Enough for a full-size screen layer from the first second (the estimate adjusts from there). */
const INITIAL_OUTGOING_BITRATE = 3_000_000;

export interface TransportSettings {
  listenIp: string;
  announcedAddress: string | undefined;
  portRange: { min: number; max: number };
  /** A transport not connected for this long (never, or since ICE disconnected) is closed. */
  unconnectedTimeoutMs: number;
}

export type SessionMediaEvents = {
  /** `stopped`: closed on purpose (its grant ends); `lost`: to a fault (worker death, lost connection, shutdown). */
  'producer-closed': [producerId: string, appData: ProducerAppData, reason: ProducerCloseReason];
  /** `lost`: the router went with its worker, the session's media must move to a live one. */
  /** The server closed a participant's transport (failed, or unconnected too long). */
  'transport-closed': [participantId: string, transportId: string, reason: TransportClosedReason];
  /** Who speaks in the call now (server audio levels; emitted when it changes). */
  speaking: [participantIds: string[]];
  closed: [lost: boolean];
};

/** One mediasoup router per support session, and each participant's transports, producers and consumers. */
export class SessionMedia extends TypedEmitter<SessionMediaEvents> {
  private readonly peers = new Map<string, PeerMedia>();
  /** Producers being closed on purpose (anything else that closes was lost to a fault). */
  private readonly stopping = new Set<string>();
  private routerLost = false;
  private closed = false;
  private fileRelay: FileRelay | null = null;
  private speakers: SpeakingObserver | null = null;

  private constructor(
    readonly sessionId: string,
    private readonly worker: types.Worker,
    private readonly router: types.Router,
    private readonly transport: TransportSettings,
    private readonly log: Logger,
  ) {
    super(log);
    router.once('workerclose', () => {
      this.routerLost = true;
    });
    router.observer.once('close', () => this.close('lost'));
  }

  static async create(worker: types.Worker, sessionId: string, transport: TransportSettings, log: Logger): Promise<SessionMedia> {
    const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
    log.debug({ routerId: router.id }, 'router created');
    const room = new SessionMedia(sessionId, worker, router, transport, log);
    room.speakers = await SpeakingObserver.create(router, (producerId) => room.findProducer(producerId)?.appData.participantId, (ids) => room.emit('speaking', ids));
    return room;
  }

  /** The process id of the worker this session's router lives on. */
  get workerPid(): number {
    return this.worker.pid;
  }

  /** CPU time used so far by the worker process this session's router lives on (ms). */
  async workerCpuMs(): Promise<number> {
    const usage = await this.worker.getResourceUsage();
    return usage.ru_utime + usage.ru_stime;
  }

  /** The transports the worker holds for this router (mediasoup's own dump, not our bookkeeping). */
  async transportIdsInWorker(): Promise<string[]> {
    return (await this.router.dump()).transportIds;
  }

  /** A plain-RTP copy of a producer (see rtp-tap.ts); returns its close function. */
  async tap(producerId: string, target: RtpTapTarget): Promise<() => void> {
    const producer = this.findProducer(producerId);
    if (!producer) throw new AppError('MEDIA_NOT_FOUND', 'no such media');
    return createRtpTap(this.router, producer, this.transport.listenIp, target);
  }

  /** The session's file relay (data channels only), created on first use and closed with the room. */
  get files(): FileRelay {
    if (this.closed) throw new AppError('MEDIA_NOT_FOUND', 'the media session is closed');
    this.fileRelay ??= new FileRelay(this.router, this.transport, this.log.child({ component: 'file-relay' }));
    return this.fileRelay;
  }

  /** The file relay if one was created and the room is open (never creates one). */
  get existingFiles(): FileRelay | null {
    return this.closed ? null : this.fileRelay;
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.router.rtpCapabilities;
  }

  /** A new transport for a participant, within their limits (PeerMedia.claimTransportSlot), watched until connected. */
  async createTransport(participantId: string, direction: TransportDirection): Promise<TransportOptions> {
    const { listenIp, announcedAddress, portRange, unconnectedTimeoutMs } = this.transport;
    const listen = { ip: listenIp, announcedAddress, portRange };
    const peer = this.peer(participantId);
    const release = peer.claimTransportSlot(Date.now());
    let transport: types.WebRtcTransport;
    try {
      transport = await this.router.createWebRtcTransport({
        listenInfos: [{ protocol: 'udp', ...listen }, { protocol: 'tcp', ...listen }],
        enableUdp: true,
        enableTcp: true,
        preferUdp: true,
        // mediasoup's default (600 kbit/s) holds a screen's viewers on a lower layer while its estimate ramps up.
        initialAvailableOutgoingBitrate: INITIAL_OUTGOING_BITRATE,
        appData: { participantId, direction },
      });
    } finally {
      release();
    }
    if (this.closed || this.peers.get(participantId) !== peer) {
      transport.close();
      throw new AppError('MEDIA_NOT_FOUND', 'the media session closed meanwhile');
    }
    peer.transports.set(transport.id, transport);
    transport.observer.once('close', () => peer.transports.delete(transport.id));
    watchTransport(transport, unconnectedTimeoutMs, (reason) => {
      this.log.info({ participantId, transportId: transport.id, reason }, 'transport closed by the server');
      this.emit('transport-closed', participantId, transport.id, reason);
    });
    return {
      id: transport.id,
      iceParameters: { ...transport.iceParameters },
      iceCandidates: transport.iceCandidates.map((c) => ({ ...c })),
      dtlsParameters: { ...transport.dtlsParameters },
    };
  }

  async connectTransport(participantId: string, transportId: string, dtlsParameters: Record<string, unknown>): Promise<void> {
    await this.transportOf(participantId, transportId).connect({ dtlsParameters: dtlsParameters as unknown as types.DtlsParameters });
  }

  async produce(
    participantId: string,
    transportId: string,
    kind: MediaKind,
    rtpParameters: Record<string, unknown>,
    appData: ProducerAppData,
  ): Promise<ProducerInfo> {
    const transport = this.transportOf(participantId, transportId);
    const { source } = appData;
    const producer = await transport.produce<ProducerAppData>({
      kind,
      rtpParameters: rtpParameters as unknown as types.RtpParameters,
      appData,
    });
    const peer = this.peer(participantId);
    peer.producers.set(producer.id, producer);
    producer.observer.once('close', () => {
      peer.producers.delete(producer.id);
      this.emit('producer-closed', producer.id, appData, this.stopping.delete(producer.id) ? 'stopped' : 'lost');
    });
    if (source === 'mic') await this.speakers?.add(producer.id);
    this.log.info({ participantId, producerId: producer.id, source, kind }, 'producer created');
    return infoOf(producer);
  }

  /**
   * Creates a paused consumer; the client resumes it once its side is ready (no
   * lost keyframe). A low-priority viewer (a supervisor) gets the lowest simulcast layer.
   */
  async consume(
    participantId: string,
    transportId: string,
    producerId: string,
    rtpCapabilities: Record<string, unknown>,
    lowLayer = false,
  ): Promise<ConsumeResponse> {
    const transport = this.transportOf(participantId, transportId);
    const producer = this.findProducer(producerId);
    if (!producer || producer.appData.participantId === participantId) throw new AppError('MEDIA_NOT_FOUND', 'no such media to consume');
    const caps = rtpCapabilities as unknown as types.RtpCapabilities;
    if (!this.router.canConsume({ producerId, rtpCapabilities: caps })) throw new AppError('INVALID_PAYLOAD', 'cannot consume with these capabilities');
    const consumer = await transport.consume({ producerId, rtpCapabilities: caps, paused: true });
    if (lowLayer) await preferViewLayer(consumer, producer, 'low');
    const peer = this.peer(participantId);
    peer.consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => peer.consumers.delete(consumer.id));
    return {
      consumerId: consumer.id,
      producerId,
      participantId: producer.appData.participantId,
      kind: consumer.kind,
      source: producer.appData.source,
      rtpParameters: { ...consumer.rtpParameters },
    };
  }

  /** The simulcast layer I watch a producer on (a supervisor asks for the full one, R1.3 watching). */
  async preferLayer(participantId: string, producerId: string, layer: ViewLayer): Promise<void> {
    const consumer = [...(this.peers.get(participantId)?.consumers.values() ?? [])].find((each) => each.producerId === producerId);
    const producer = this.findProducer(producerId);
    if (!consumer || !producer) throw new AppError('MEDIA_NOT_FOUND', 'not watching this media');
    await preferViewLayer(consumer, producer, layer);
  }

  /** New ICE credentials for a transport of mine (the client's network changed). */
  async restartIce(participantId: string, transportId: string): Promise<Record<string, unknown>> {
    return { ...(await this.transportOf(participantId, transportId).restartIce()) };
  }

  async resumeConsumer(participantId: string, consumerId: string): Promise<void> {
    const consumer = this.peers.get(participantId)?.consumers.get(consumerId);
    if (!consumer) throw new AppError('MEDIA_NOT_FOUND', 'no such consumer');
    await consumer.resume();
  }

  listProducers(): ProducerInfo[] {
    return [...this.peers.values()].flatMap((peer) => [...peer.producers.values()].map(infoOf));
  }

  /** Remembers a screen's quality mode: late joiners read it from the producer list. */
  setQuality(producerId: string, mode: QualityMode): boolean {
    const producer = this.findProducer(producerId);
    if (!producer) return false;
    producer.appData.quality = mode;
    return true;
  }

  /** Stops or restarts forwarding a producer (nothing reaches consumers while paused). */
  async setPaused(producerId: string, paused: boolean): Promise<boolean> {
    const producer = this.findProducer(producerId);
    if (!producer || producer.paused === paused) return false;
    if (paused) await producer.pause();
    else await producer.resume();
    return true;
  }

  findProducer(producerId: string): types.Producer<ProducerAppData> | undefined {
    for (const peer of this.peers.values()) {
      const producer = peer.producers.get(producerId);
      if (producer) return producer;
    }
    return undefined;
  }

  /** Closes one of a participant's own producers. */
  closeOwnProducer(participantId: string, producerId: string): void {
    const producer = this.peers.get(participantId)?.producers.get(producerId);
    if (!producer) throw new AppError('MEDIA_NOT_FOUND', 'no such media of yours');
    this.stop(producer);
  }

  /** Closes the producers of a source, of one participant or of everybody. */
  closeProducers(source: MediaSource, participantId?: string): void {
    for (const peer of this.peers.values()) {
      if (participantId !== undefined && peer.participantId !== participantId) continue;
      for (const producer of [...peer.producers.values()]) if (producer.appData.source === source) this.stop(producer);
    }
  }

  /**
   * Closes a participant's media: `stopped` when they left (their grants end),
   * `lost` when their connection went (a grant stays valid for their return).
   */
  closePeer(participantId: string, reason: ProducerCloseReason = 'lost'): void {
    const peer = this.peers.get(participantId);
    if (reason === 'stopped') for (const id of peer?.producers.keys() ?? []) this.stopping.add(id);
    peer?.close();
    this.peers.delete(participantId);
    this.fileRelay?.closePeer(participantId);
  }

  /** Closes some of a participant's transports (their client dropped them): what they carried is lost. */
  closeTransports(participantId: string, transportIds: readonly string[]): void {
    for (const id of transportIds) this.peers.get(participantId)?.transport(id)?.close();
  }

  /** Closes the room: `stopped` when the session ended, `lost` when the server shuts down or the worker died. */
  close(reason: ProducerCloseReason = 'stopped'): void {
    if (this.closed) return;
    this.closed = true;
    for (const participantId of [...this.peers.keys()]) this.closePeer(participantId, reason);
    this.fileRelay?.close();
    this.router.close();
    this.emit('closed', this.routerLost);
  }

  private stop(producer: types.Producer<ProducerAppData>): void {
    if (producer.closed) return;
    this.stopping.add(producer.id);
    producer.close();
  }

  private peer(participantId: string): PeerMedia {
    let peer = this.peers.get(participantId);
    if (!peer) {
      peer = new PeerMedia(participantId);
      this.peers.set(participantId, peer);
    }
    return peer;
  }

  private transportOf(participantId: string, transportId: string): types.WebRtcTransport {
    const transport = this.peers.get(participantId)?.transport(transportId);
    if (!transport) throw new AppError('MEDIA_NOT_FOUND', 'no such transport');
    return transport;
  }
}

function infoOf(producer: types.Producer<ProducerAppData>): ProducerInfo {
  const { participantId, source, surface, quality } = producer.appData;
  const info: ProducerInfo = { producerId: producer.id, participantId, source, kind: producer.kind, surface, paused: producer.paused };
  return quality ? { ...info, quality } : info;
}
