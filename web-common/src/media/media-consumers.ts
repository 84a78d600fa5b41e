import type { types } from 'mediasoup-client';
import type { ProducerInfo } from '@rs/signaling';
import type { MediaSignaling } from './media-session';
import type { MediaTransports } from './media-transports';
import { toConsumerOptions, toWire } from './mediasoup-params';

/**
 * What this page consumes, one consumer per producer, on the receive transport.
 * Each is created paused on the server and resumed once ready (no lost keyframe).
 */
export class MediaConsumers {
  private readonly consumers = new Map<string, Promise<types.Consumer>>();
  /** Consumers past the wait for `ready` (being created on the current transport, or created). */
  private readonly started = new Set<Promise<types.Consumer>>();
  private closed = false;

  constructor(
    private readonly signaling: MediaSignaling,
    private readonly transports: MediaTransports,
    /** Waits for a rebuild or a post-reconnect check in progress. */
    private readonly ready: () => Promise<void>,
  ) {}

  async consume(info: ProducerInfo): Promise<MediaStreamTrack> {
    let pending = this.consumers.get(info.producerId);
    if (!pending) {
      const created: Promise<types.Consumer> = this.ready()
        .then(() => {
          this.started.add(created);
          return this.create(info.producerId);
        })
        .then((consumer) => {
          if (this.consumers.get(info.producerId) === created) return consumer;
          consumer.close(); // dropped meanwhile (a rebuild, or closeConsumer)
          throw new Error('consumer dropped');
        });
      pending = created;
      this.consumers.set(info.producerId, pending);
      pending.catch(() => {
        if (this.consumers.get(info.producerId) === created) this.consumers.delete(info.producerId);
        this.started.delete(created);
      });
    }
    return (await pending).track;
  }

  producerIds(): string[] {
    return [...this.consumers.keys()];
  }

  close(producerId: string): void {
    const pending = this.consumers.get(producerId);
    this.consumers.delete(producerId);
    if (pending) this.started.delete(pending);
    pending?.then((consumer) => consumer.close()).catch(() => undefined);
  }

  /**
   * A rebuild drops the consumers on the old transports; those still waiting
   * for the rebuild go on with the new ones. Closing the session drops all.
   */
  dropAll(closed = false): void {
    this.closed ||= closed;
    for (const [producerId, pending] of [...this.consumers]) if (closed || this.started.has(pending)) this.close(producerId);
  }

  async stats(producerId: string): Promise<RTCStatsReport | null> {
    const pending = this.consumers.get(producerId);
    if (!pending) return null;
    try {
      const consumer = await pending;
      return consumer.closed ? null : await consumer.getStats();
    } catch {
      return null;
    }
  }

  private async create(producerId: string): Promise<types.Consumer> {
    const device = await this.transports.loadDevice();
    const transport = await this.transports.get('recv');
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
}
