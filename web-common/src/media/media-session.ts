import { DEFAULT_QUALITY_MODE, QUALITY_PRESETS, type DisplaySurface, type MediaSource, type ProducerInfo, type QualityMode, type RequestName, type RequestOf, type ResponseOf, type ServerEventOf, type SessionId, type SessionSnapshot } from '@rs/signaling';
import { TypedEmitter } from '../util/typed-emitter';
import type { ClientErrorCode } from '../connection/api-error';
import { MediaConsumers } from './media-consumers';
import { MediaTransports } from './media-transports';
import { MediaProducers } from './media-producers';
import { screenEncodings } from './sender-quality';
import { readOutboundLayers, type OutboundLayerStats } from './outbound-layer-stats';

/** What a media session needs from its session channel: requests, the media reset and transport-closed events, the snapshots. */
export interface MediaSignaling {
  readonly sessionId: SessionId;
  request<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>>;
  on(event: 'media:reset', handler: (payload: ServerEventOf<'media:reset'>) => void): () => void;
  on(event: 'media:transport-closed', handler: (payload: ServerEventOf<'media:transport-closed'>) => void): () => void;
  readonly events: { on(event: 'snapshot', handler: (snapshot: SessionSnapshot) => void): () => void };
}

export type MediaSessionEvents = {
  /** The connection broke and is being rebuilt (my tracks keep running). */
  recovering: [];
  /** Rebuilt: one of my tracks is sent again under a new producer id. */
  republished: [oldProducerId: string, newProducerId: string];
  /** One of my tracks could not be sent again (its capture ended, or the server refused it). */
  'publish-lost': [producerId: string, code: ClientErrorCode];
  /** Rebuilt: every consumer was dropped; features consume again what they still show. */
  reset: [];
  /** Recovery failed several times: the user is told, nothing more is tried until the next reconnect. */
  'gave-up': [];
};

/** Rebuild attempts (with backoff) before giving up, and the pause before each. */
const RECOVERY_DELAYS_MS = [0, 500, 1_000, 2_000, 4_000];
/** Rebuilds in a row that never reach a connected transport before giving up. */
const UNHEALTHY_REBUILDS = 3;

/**
 * The WebRTC side of one session: transports created on first use, my
 * producers and my consumers. It heals itself: after a `media:reset` (the
 * session moved to a new media worker), a reconnect the server no longer
 * knows our transports from, or a transport that ICE restarts cannot save, it
 * rebuilds the transports and sends the same live tracks again (no new
 * capture, no click); features re-consume on `reset`.
 */
export class MediaSession {
  readonly events = new TypedEmitter<MediaSessionEvents>();
  private readonly transports: MediaTransports;
  private readonly consumers: MediaConsumers;
  private readonly producers: MediaProducers;
  /** Produce and consume wait for a rebuild or a post-reconnect check in progress. */
  private ready: Promise<void> = Promise.resolve();
  private recovery: Promise<void> | null = null;
  /** Cuts a rebuild's backoff short (we just rejoined: the next attempt can succeed). */
  private wake: (() => void) | null = null;
  private unhealthy = 0;
  private snapshots = 0;
  private closed = false;
  private readonly offs: (() => void)[] = [];

  constructor(signaling: MediaSignaling) {
    this.transports = new MediaTransports(signaling, {
      onLost: () => void this.recover(),
      onConnected: () => {
        this.unhealthy = 0;
      },
    });
    this.consumers = new MediaConsumers(signaling, this.transports, () => this.ready);
    this.producers = new MediaProducers(this.transports);
    this.offs.push(signaling.on('media:reset', () => void this.recover()));
    this.offs.push(signaling.on('media:transport-closed', ({ transportId }) => void this.transports.closedByServer(transportId)));
    // A customer waiting to be admitted has no media in the session yet: the admitted join is their first.
    this.offs.push(signaling.events.on('snapshot', (snapshot) => snapshot.self.waiting === true || this.onSnapshot(signaling)));
  }

  /**
   * Sends a screen track (simulcast, up to 3 layers) under the default quality
   * mode until the agent in control picks another; resolves with the server's producer id.
   */
  async publishScreen(track: MediaStreamTrack, source: 'screen' | 'agent-screen' = 'screen', surface?: DisplaySurface): Promise<string> {
    const mode = DEFAULT_QUALITY_MODE;
    track.contentHint = QUALITY_PRESETS[mode].contentHint;
    await this.ready;
    return this.producers.produce({ track, source, encodings: screenEncodings(track, mode), surface, mode });
  }

  /** Sends a microphone or camera track; resolves with the producer id. */
  async publish(track: MediaStreamTrack, source: MediaSource): Promise<string> {
    await this.ready;
    return this.producers.produce({ track, source });
  }

  /** Closes every screen producer of this page (the customer's 'screen' by default). */
  stopScreen(source: 'screen' | 'agent-screen' = 'screen'): void {
    for (const producerId of this.producers.idsOf(source)) this.closeProducer(producerId);
  }

  closeProducer(producerId: string): void {
    this.producers.close(producerId);
  }

  hasProducer(producerId: string): boolean {
    return this.producers.has(producerId);
  }

  /** Ids of my producers of one source. */
  producerIds(source: MediaSource): string[] {
    return this.producers.idsOf(source);
  }

  /** Applies a screen quality mode (R3.4) to one of my producers; kept for a rebuild. */
  applyQuality(producerId: string, mode: QualityMode): Promise<boolean> {
    return this.producers.applyQuality(producerId, mode);
  }

  /** The sender's encodings of one of my producers (for the quality readout and the tests). */
  senderEncodings(producerId: string): RTCRtpEncodingParameters[] | null {
    return this.senderParameters(producerId)?.encodings ?? null;
  }

  /** The sender's parameters of one of my producers (encodings and degradation preference). */
  senderParameters(producerId: string): RTCRtpSendParameters | null {
    const sender = this.producers.producer(producerId)?.rtpSender;
    return sender ? sender.getParameters() : null;
  }

  /** What the encoder really sends on each simulcast layer of one of my producers (readout, tests, benchmark). */
  async senderLayerStats(producerId: string): Promise<OutboundLayerStats[] | null> {
    const producer = this.producers.producer(producerId);
    return producer && !producer.closed ? readOutboundLayers(await producer.getStats()) : null;
  }

  /** The track a producer of mine sends. */
  producerTrack(producerId: string): MediaStreamTrack | null {
    return this.producers.producer(producerId)?.track ?? null;
  }

  /** Consumes a producer (created paused on the server, resumed once ready) and returns its track. */
  consume(info: ProducerInfo): Promise<MediaStreamTrack> {
    return this.consumers.consume(info);
  }

  /** Producers consumed here (for the live quality readout). */
  consumedProducerIds(): string[] {
    return this.consumers.producerIds();
  }

  closeConsumer(producerId: string): void {
    this.consumers.close(producerId);
  }

  /** The RTCStatsReport of the consumer of `producerId`, or null when not consumed. */
  getConsumerStats(producerId: string): Promise<RTCStatsReport | null> {
    return this.consumers.stats(producerId);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const off of this.offs) off();
    this.producers.closeAll();
    this.consumers.dropAll(true);
    this.transports.dropAll();
    this.events.removeAllListeners();
  }

  /**
   * The first join of this page: media the server kept for an earlier page of
   * mine (a reload) is released. After a reconnect: keep our transports if the
   * server still has them (fresh ICE), else rebuild.
   */
  private onSnapshot(signaling: MediaSignaling): void {
    if (this.closed) return;
    if (this.snapshots++ === 0) {
      this.ready = signaling.request('media:release', { sessionId: signaling.sessionId }).then(
        () => undefined,
        (error: unknown) => console.warn('media:release failed', error),
      );
      return;
    }
    this.unhealthy = 0;
    this.wake?.();
    if (this.recovery || (!this.transports.inUse && this.producers.size === 0)) return;
    this.ready = (async () => {
      const kept =
        this.transports.inUse &&
        (await this.transports.restartIce().catch((error: unknown) => {
          console.warn('ICE restart after reconnect failed', error);
          return false;
        }));
      if (!kept) await this.recover();
    })();
  }

  /** Rebuilds transports, sends my live tracks again, drops consumers (features re-consume on `reset`). */
  private recover(): Promise<void> {
    if (this.recovery || this.closed) return this.recovery ?? Promise.resolve();
    this.recovery = this.rebuild().finally(() => {
      this.recovery = null;
    });
    this.ready = this.recovery;
    return this.recovery;
  }

  private async rebuild(): Promise<void> {
    if (++this.unhealthy > UNHEALTHY_REBUILDS) return this.events.emit('gave-up');
    this.events.emit('recovering');
    const receiving = this.transports.has('recv');
    for (const delay of RECOVERY_DELAYS_MS) {
      if (delay) await this.pause(delay);
      if (this.closed) return;
      this.consumers.dropAll();
      this.transports.dropAll();
      // Ready to receive again as soon as possible (what we consumed comes back under new ids).
      if (receiving) void this.transports.get('recv').catch(() => undefined);
      try {
        await this.producers.republishAll({
          republished: (oldId, newId) => this.events.emit('republished', oldId, newId),
          lost: (producerId, code) => this.events.emit('publish-lost', producerId, code),
        });
        this.events.emit('reset');
        return;
      } catch (error) {
        console.warn('media rebuild failed, retrying', error);
      }
    }
    this.events.emit('gave-up');
  }

  /** Waits before the next rebuild attempt, unless a rejoin wakes it earlier. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
