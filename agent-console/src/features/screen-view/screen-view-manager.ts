import type { ParticipantId, ProducerInfo, SessionSnapshot } from '@rs/signaling';
import { TypedEmitter, readInboundVideoStats, type InboundVideoStats, type MediaSession, type SessionChannel } from '@rs/web-common';

export interface RemoteScreen {
  producerId: string;
  participantId: ParticipantId;
  track: MediaStreamTrack;
}

export type ScreenViewEvents = {
  screen: [RemoteScreen | null];
  failed: [];
};

/** Receives the customer's shared screen (R3.5): consumes it when it appears, drops it when it closes. */
export class ScreenViewManager {
  readonly events = new TypedEmitter<ScreenViewEvents>();
  private current: RemoteScreen | null = null;
  private wanted: ProducerInfo | null = null;
  private snapshots = 0;

  constructor(
    private readonly channel: SessionChannel,
    private readonly media: MediaSession,
  ) {
    channel.events.on('snapshot', (snapshot) => this.onSnapshot(snapshot));
    channel.on('media:producer-added', (info) => {
      if (info.source === 'screen') void this.show(info);
    });
    channel.on('media:producer-closed', ({ producerId }) => {
      if (this.wanted?.producerId === producerId) this.clear();
    });
    media.events.on('transport-failed', (direction) => {
      const wanted = this.wanted;
      if (direction !== 'recv' || !wanted) return;
      this.clear();
      void this.show(wanted);
    });
  }

  get screen(): RemoteScreen | null {
    return this.current;
  }

  /** Asks the server to stop the share (R3.2); the producer-closed event clears the view. */
  async stop(): Promise<void> {
    await this.channel.request('share:stop', { sessionId: this.channel.sessionId });
  }

  async stats(): Promise<InboundVideoStats | null> {
    if (!this.current) return null;
    const report = await this.media.getConsumerStats(this.current.producerId);
    return report ? readInboundVideoStats(report) : null;
  }

  close(): void {
    this.clear();
    this.events.removeAllListeners();
  }

  private onSnapshot(snapshot: SessionSnapshot): void {
    // After a rejoin the old transports may be gone on the server: start over.
    if (this.snapshots++ > 0) {
      this.clear();
      this.media.reset();
    }
    const screen = snapshot.producers.find((p) => p.source === 'screen' && p.participantId !== snapshot.self.id);
    if (screen) void this.show(screen);
    else this.clear();
  }

  private async show(info: ProducerInfo): Promise<void> {
    if (this.wanted?.producerId === info.producerId) return;
    if (this.wanted) this.clear();
    this.wanted = info;
    try {
      const track = await this.media.consume(info);
      if (this.wanted !== info) return;
      this.current = { producerId: info.producerId, participantId: info.participantId, track };
      this.events.emit('screen', this.current);
    } catch (error) {
      console.warn('screen consume failed', error);
      if (this.wanted === info) {
        this.wanted = null;
        this.events.emit('failed');
      }
    }
  }

  private clear(): void {
    const wanted = this.wanted;
    this.wanted = null;
    if (wanted) this.media.closeConsumer(wanted.producerId);
    if (this.current) {
      this.current = null;
      this.events.emit('screen', null);
    }
  }
}
