import { Device, type types } from 'mediasoup-client';
import { QUALITY_PRESETS, SCREEN_SIMULCAST_SCALES, type DisplaySurface, type MediaSource, type ProducerInfo, type QualityMode, type RequestName, type RequestOf, type ResponseOf, type SessionId } from '@rs/signaling';
import { TypedEmitter } from '../util/typed-emitter';
import { toConsumerOptions, toRtpCapabilities, toWire } from './mediasoup-params';
import { createSignaledTransport, type Direction } from './signaled-transport';

/** What a media session needs from the connection: the session and a way to send requests. */
export interface MediaSignaling {
  readonly sessionId: SessionId;
  request<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>>;
}

export type MediaSessionEvents = {
  /** A transport's ICE/DTLS failed; it was dropped and the next use creates a new one. */
  'transport-failed': [Direction];
};

/**
 * The WebRTC side of one session: a mediasoup-client Device, send and receive
 * transports created on first use, the screen producer and the consumers.
 */
export class MediaSession {
  readonly events = new TypedEmitter<MediaSessionEvents>();
  private device: Promise<Device> | null = null;
  private readonly transports: Record<Direction, Promise<types.Transport> | null> = { send: null, recv: null };
  private readonly consumers = new Map<string, Promise<types.Consumer>>();
  private readonly producers = new Map<string, types.Producer>();
  private closed = false;

  constructor(private readonly signaling: MediaSignaling) {}

  /** Sends a screen track (simulcast, 3 layers); resolves with the server's producer id. */
  async publishScreen(track: MediaStreamTrack, source: 'screen' | 'agent-screen' = 'screen', surface?: DisplaySurface): Promise<string> {
    track.contentHint = 'detail';
    const producer = await this.produce(track, source, {
      encodings: SCREEN_SIMULCAST_SCALES.map((scale) => ({ scaleResolutionDownBy: scale, maxBitrate: scale === 1 ? 2_500_000 : Math.round(2_500_000 / (scale * scale)) })),
      surface,
    });
    return producer.id;
  }

  /** Sends a microphone or camera track; resolves with the producer id. */
  async publish(track: MediaStreamTrack, source: MediaSource): Promise<string> {
    return (await this.produce(track, source, {})).id;
  }

  /** Closes every screen producer of this page (the customer's 'screen' by default). */
  stopScreen(source: 'screen' | 'agent-screen' = 'screen'): void {
    for (const producer of [...this.producers.values()]) {
      if (producer.appData.source === source) this.closeProducer(producer.id);
    }
  }

  closeProducer(producerId: string): void {
    const producer = this.producers.get(producerId);
    this.producers.delete(producerId);
    producer?.close();
  }

  hasProducer(producerId: string): boolean {
    return this.producers.has(producerId);
  }

  /** Ids of my producers of one source. */
  producerIds(source: MediaSource): string[] {
    return [...this.producers.values()].filter((producer) => producer.appData.source === source).map((producer) => producer.id);
  }

  /**
   * Applies a screen quality mode (R3.4) to the encoder of one of my producers:
   * the top layer gets the preset's bitrate, frame rate and scale; lower layers
   * keep their simulcast scale (times the preset's) and a proportional bitrate.
   */
  async applyQuality(producerId: string, mode: QualityMode): Promise<boolean> {
    const producer = this.producers.get(producerId);
    const sender = producer?.rtpSender;
    if (!producer || !sender) return false;
    const preset = QUALITY_PRESETS[mode];
    if (producer.track) producer.track.contentHint = preset.contentHint;
    const parameters = sender.getParameters();
    const count = parameters.encodings.length;
    parameters.encodings.forEach((encoding, index) => {
      const layerScale = count > 1 ? (SCREEN_SIMULCAST_SCALES[index] ?? 1) : 1;
      encoding.scaleResolutionDownBy = layerScale * preset.scaleResolutionDownBy;
      encoding.maxFramerate = preset.maxFramerate;
      encoding.maxBitrate = Math.max(50_000, Math.round(preset.maxBitrate / (layerScale * layerScale)));
    });
    parameters.degradationPreference = preset.contentHint === 'detail' ? 'maintain-resolution' : 'maintain-framerate';
    await sender.setParameters(parameters);
    return true;
  }

  /** The sender's encodings of one of my producers (for the quality readout and the tests). */
  senderEncodings(producerId: string): RTCRtpEncodingParameters[] | null {
    const sender = this.producers.get(producerId)?.rtpSender;
    return sender ? sender.getParameters().encodings : null;
  }

  /** The track a producer of mine sends. */
  producerTrack(producerId: string): MediaStreamTrack | null {
    return this.producers.get(producerId)?.track ?? null;
  }

  /** Consumes a producer (created paused on the server, resumed once ready) and returns its track. */
  async consume(info: ProducerInfo): Promise<MediaStreamTrack> {
    let pending = this.consumers.get(info.producerId);
    if (!pending) {
      pending = this.createConsumer(info.producerId);
      this.consumers.set(info.producerId, pending);
      pending.catch(() => this.consumers.delete(info.producerId));
    }
    return (await pending).track;
  }

  /** Producers consumed here (for the live quality readout). */
  consumedProducerIds(): string[] {
    return [...this.consumers.keys()];
  }

  closeConsumer(producerId: string): void {
    const pending = this.consumers.get(producerId);
    this.consumers.delete(producerId);
    pending?.then((consumer) => consumer.close()).catch(() => undefined);
  }

  /** The RTCStatsReport of the consumer of `producerId`, or null when not consumed. */
  async getConsumerStats(producerId: string): Promise<RTCStatsReport | null> {
    const pending = this.consumers.get(producerId);
    if (!pending) return null;
    try {
      const consumer = await pending;
      return consumer.closed ? null : await consumer.getStats();
    } catch {
      return null;
    }
  }

  /**
   * Drops every transport, producer and consumer but stays usable: after a
   * rejoin the server may no longer know the old ones, so they are rebuilt.
   */
  reset(): void {
    for (const producerId of [...this.producers.keys()]) this.closeProducer(producerId);
    for (const producerId of [...this.consumers.keys()]) this.closeConsumer(producerId);
    for (const direction of ['send', 'recv'] as const) {
      this.transports[direction]?.then((transport) => transport.close()).catch(() => undefined);
      this.transports[direction] = null;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.reset();
    this.events.removeAllListeners();
  }

  private async produce(track: MediaStreamTrack, source: MediaSource, options: { encodings?: RTCRtpEncodingParameters[]; surface?: DisplaySurface }): Promise<types.Producer> {
    const transport = await this.transport('send');
    const producer = await transport.produce({
      track,
      encodings: options.encodings,
      stopTracks: false,
      appData: { source, surface: options.surface },
    });
    if (this.closed) {
      producer.close();
      throw new Error('media session closed');
    }
    this.producers.set(producer.id, producer);
    producer.observer.on('close', () => this.producers.delete(producer.id));
    return producer;
  }

  private async createConsumer(producerId: string): Promise<types.Consumer> {
    const device = await this.loadDevice();
    const transport = await this.transport('recv');
    const answer = await this.signaling.request('media:consume', {
      sessionId: this.signaling.sessionId,
      transportId: transport.id,
      producerId,
      rtpCapabilities: toWire(device.recvRtpCapabilities),
    });
    const consumer = await transport.consume(toConsumerOptions(answer));
    if (this.closed) {
      consumer.close();
      throw new Error('media session closed');
    }
    await this.signaling.request('media:resume-consumer', { sessionId: this.signaling.sessionId, consumerId: consumer.id });
    return consumer;
  }

  private loadDevice(): Promise<Device> {
    this.device ??= (async () => {
      const { rtpCapabilities } = await this.signaling.request('media:capabilities', { sessionId: this.signaling.sessionId });
      const device = await Device.factory();
      await device.load({ routerRtpCapabilities: toRtpCapabilities(rtpCapabilities) });
      return device;
    })();
    this.device.catch(() => {
      this.device = null;
    });
    return this.device;
  }

  private transport(direction: Direction): Promise<types.Transport> {
    let pending = this.transports[direction];
    if (!pending) {
      pending = this.createTransport(direction);
      this.transports[direction] = pending;
      pending.catch(() => {
        if (this.transports[direction] === pending) this.transports[direction] = null;
      });
    }
    return pending;
  }

  private async createTransport(direction: Direction): Promise<types.Transport> {
    const device = await this.loadDevice();
    return createSignaledTransport(device, this.signaling, direction, (failed) => {
      if (direction === 'recv') this.consumers.clear();
      void this.transports[direction]?.then((current) => {
        if (current === failed) this.transports[direction] = null;
      });
      this.events.emit('transport-failed', direction);
    });
  }
}
