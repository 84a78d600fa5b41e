import { Device, type types } from 'mediasoup-client';
import type { ProducerInfo, RequestName, RequestOf, ResponseOf, SessionId } from '@rs/signaling';
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
  private screenProducer: types.Producer | null = null;
  private closed = false;

  constructor(private readonly signaling: MediaSignaling) {}

  /** Sends a screen track; resolves with the server's producer id. */
  async publishScreen(track: MediaStreamTrack): Promise<string> {
    const transport = await this.transport('send');
    this.stopScreen();
    track.contentHint = 'detail';
    const producer = await transport.produce({
      track,
      encodings: [{ maxBitrate: 3_000_000 }],
      stopTracks: false,
      appData: { source: 'screen' },
    });
    if (this.closed) {
      producer.close();
      throw new Error('media session closed');
    }
    this.screenProducer = producer;
    return producer.id;
  }

  stopScreen(): void {
    this.screenProducer?.close();
    this.screenProducer = null;
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
    this.stopScreen();
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
