import type { ParticipantId, ProducerInfo, SessionSnapshot } from '@rs/signaling';
import { TypedEmitter, readInboundVideoStats, type InboundVideoStats, type MediaSession, type SessionChannel } from '@rs/web-common';

export interface AgentScreen {
  producerId: string;
  participantId: ParticipantId;
  track: MediaStreamTrack;
}

export type AgentScreenEvents = { changed: [] };

/** The agent's own screen shown to the customer (R3.1 "show", R3.5): consumed while it is shared. */
export class AgentScreenManager {
  readonly events = new TypedEmitter<AgentScreenEvents>();
  private wanted: ProducerInfo | null = null;
  private current: AgentScreen | null = null;

  constructor(
    private readonly channel: SessionChannel,
    private readonly media: MediaSession,
  ) {
    channel.events.on('snapshot', (snapshot: SessionSnapshot) => {
      this.clear();
      const info = snapshot.producers.find((p) => p.source === 'agent-screen' && p.participantId !== snapshot.self.id);
      if (info) void this.show(info);
    });
    channel.on('media:producer-added', (info) => {
      if (info.source === 'agent-screen') void this.show(info);
    });
    channel.on('media:producer-closed', ({ producerId }) => {
      if (this.wanted?.producerId === producerId) this.clear();
    });
    // The media session rebuilt its transports: consume the agent's screen again.
    media.events.on('reset', () => {
      const wanted = this.wanted;
      this.clear();
      if (wanted) void this.show(wanted);
    });
  }

  get screen(): AgentScreen | null {
    return this.current;
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

  private async show(info: ProducerInfo): Promise<void> {
    if (this.wanted?.producerId === info.producerId) return;
    this.clear();
    this.wanted = info;
    try {
      const track = await this.media.consume(info);
      if (this.wanted !== info) return;
      this.current = { producerId: info.producerId, participantId: info.participantId, track };
      this.events.emit('changed');
    } catch (error) {
      console.warn('agent screen consume failed', error);
    }
  }

  private clear(): void {
    if (this.wanted) this.media.closeConsumer(this.wanted.producerId);
    this.wanted = null;
    if (this.current) {
      this.current = null;
      this.events.emit('changed');
    }
  }
}
