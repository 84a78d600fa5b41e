import { DEFAULT_QUALITY_MODE, type ParticipantId, type ProducerInfo, type QualityMode, type SenderStatsEvent, type SessionSnapshot } from '@rs/signaling';
import { TypedEmitter, readInboundVideoStats, type InboundVideoStats, type MediaSession, type SessionChannel } from '@rs/web-common';

export interface RemoteScreen {
  producerId: string;
  participantId: ParticipantId;
  source: 'screen' | 'agent-screen';
  surface: ProducerInfo['surface'];
  track: MediaStreamTrack;
}

export type ScreenViewEvents = {
  screen: [RemoteScreen | null];
  /** The list of shared screens changed (a customer may share two applications). */
  screens: [];
  quality: [string, QualityMode];
  failed: [];
};

const SCREENS = ['screen', 'agent-screen'];

/**
 * Receives the shared screens (R3.5): the customer's (up to two under one
 * grant) and another agent's own screen; consumes them when they appear, drops
 * them when they close. One of them is shown (`screen`).
 */
export class ScreenViewManager {
  readonly events = new TypedEmitter<ScreenViewEvents>();
  private readonly wanted = new Map<string, ProducerInfo>();
  private readonly live = new Map<string, RemoteScreen>();
  private readonly modes = new Map<string, QualityMode>();
  /** The sender's last report per screen: what its encoder sends and why (readout). */
  private readonly senders = new Map<string, SenderStatsEvent>();
  /** Screens I watch on their full-size layer (a supervisor asked). */
  private readonly full = new Set<string>();
  private shownId: string | null = null;
  private selfId: ParticipantId | null = null;
  private lost = false;

  constructor(
    private readonly channel: SessionChannel,
    private readonly media: MediaSession,
  ) {
    channel.events.on('snapshot', (snapshot) => this.onSnapshot(snapshot));
    channel.on('media:producer-added', (info) => {
      if (SCREENS.includes(info.source) && info.participantId !== this.selfId) void this.add(info);
    });
    channel.on('media:producer-closed', ({ producerId, reason }) => {
      // Lost to a fault (worker death, the customer's connection): it comes back by itself.
      if (reason === 'lost' && this.live.get(producerId)?.source === 'screen') this.lost = true;
      this.remove(producerId);
    });
    channel.on('share:quality', ({ producerId, mode }) => this.remember(producerId, mode));
    channel.on('share:sender-stats', (report) => this.senders.set(report.producerId, report));
    // The media session rebuilt its transports: consume again what is still shared.
    media.events.on('reset', () => {
      const infos = [...this.wanted.values()];
      for (const info of infos) this.remove(info.producerId);
      for (const info of infos) void this.add(info);
    });
    media.events.on('gave-up', () => this.events.emit('failed'));
  }

  /** A customer screen shown here was lost to a fault and has not come back yet. */
  get recovering(): boolean {
    return this.lost && this.live.size === 0;
  }

  get screen(): RemoteScreen | null {
    return (this.shownId && this.live.get(this.shownId)) || null;
  }

  get screens(): RemoteScreen[] {
    return [...this.live.values()];
  }

  /** The mode the sender applies: the default until the agent in control picks another. */
  modeOf(producerId: string): QualityMode {
    return this.modes.get(producerId) ?? DEFAULT_QUALITY_MODE;
  }

  /** Shows another of the shared screens. */
  select(producerId: string): void {
    if (!this.live.has(producerId) || this.shownId === producerId) return;
    this.shownId = producerId;
    this.events.emit('screen', this.screen);
  }

  /** Asks the server to stop the customer's share (R3.2); the producer-closed events clear the view. */
  async stop(): Promise<void> {
    await this.channel.request('share:stop', { sessionId: this.channel.sessionId });
  }

  /** The agent in control picks a quality mode (R3.4); the sender applies it. */
  async setQuality(producerId: string, mode: QualityMode): Promise<void> {
    await this.channel.request('share:set-quality', { sessionId: this.channel.sessionId, producerId, mode });
    this.remember(producerId, mode);
  }

  /** A watching supervisor's view: the full-size layer, or back on the lower default one (the server checks the role). */
  async setFullLayer(producerId: string, full: boolean): Promise<void> {
    await this.channel.request('share:view-layer', { sessionId: this.channel.sessionId, producerId, full });
    if (full) this.full.add(producerId);
    else this.full.delete(producerId);
    this.events.emit('quality', producerId, this.modeOf(producerId));
  }

  /** What the sender of a screen last said it encodes (null before its first report). */
  senderOf(producerId: string): SenderStatsEvent | null {
    return this.senders.get(producerId) ?? null;
  }

  /** I asked for this screen's full-size layer. */
  isFullLayer(producerId: string): boolean {
    return this.full.has(producerId);
  }

  async stats(): Promise<InboundVideoStats | null> {
    const shown = this.screen;
    if (!shown) return null;
    const report = await this.media.getConsumerStats(shown.producerId);
    return report ? readInboundVideoStats(report) : null;
  }

  close(): void {
    for (const producerId of [...this.wanted.keys()]) this.remove(producerId);
    this.events.removeAllListeners();
  }

  private onSnapshot(snapshot: SessionSnapshot): void {
    this.selfId = snapshot.self.id;
    // After a rejoin the media session keeps or rebuilds the transports (then `reset`).
    const present = new Set(snapshot.producers.map((p) => p.producerId));
    for (const producerId of [...this.wanted.keys()]) {
      if (present.has(producerId)) continue;
      // Gone while we were away (e.g. the server restarted): it may come back by itself.
      if (this.live.get(producerId)?.source === 'screen') this.lost = true;
      this.remove(producerId);
    }
    for (const info of snapshot.producers) {
      if (SCREENS.includes(info.source) && info.participantId !== snapshot.self.id) void this.add(info);
    }
  }

  private async add(info: ProducerInfo): Promise<void> {
    // The mode in force, as the server knows it: a late joiner's (or a reloaded page's) label is right before any change.
    if (info.quality && info.quality !== this.modes.get(info.producerId)) this.remember(info.producerId, info.quality);
    if (this.wanted.has(info.producerId)) return;
    // One object per attempt: a later attempt for the same producer (after a rebuild) replaces it.
    const attempt = { ...info };
    this.wanted.set(info.producerId, attempt);
    try {
      const track = await this.media.consume(info);
      if (this.wanted.get(info.producerId) !== attempt) return;
      const screen: RemoteScreen = { producerId: info.producerId, participantId: info.participantId, source: info.source === 'agent-screen' ? 'agent-screen' : 'screen', surface: info.surface ?? null, track };
      this.live.set(info.producerId, screen);
      this.lost = false;
      if (!this.shownId || !this.live.has(this.shownId)) {
        this.shownId = info.producerId;
        this.events.emit('screen', screen);
      }
      this.events.emit('screens');
    } catch (error) {
      console.warn('screen consume failed', error);
      if (this.wanted.get(info.producerId) === attempt) {
        this.wanted.delete(info.producerId);
        this.events.emit('failed');
      }
    }
  }

  private remember(producerId: string, mode: QualityMode): void {
    this.modes.set(producerId, mode);
    const wanted = this.wanted.get(producerId);
    if (wanted) wanted.quality = mode;
    this.events.emit('quality', producerId, mode);
  }

  private remove(producerId: string): void {
    if (!this.wanted.delete(producerId)) return;
    this.media.closeConsumer(producerId);
    this.modes.delete(producerId);
    this.senders.delete(producerId);
    this.full.delete(producerId);
    const wasLive = this.live.delete(producerId);
    if (this.shownId === producerId) {
      this.shownId = this.live.keys().next().value ?? null;
      this.events.emit('screen', this.screen);
    }
    if (wasLive) this.events.emit('screens');
  }
}
