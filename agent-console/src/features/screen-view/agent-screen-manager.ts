import { TypedEmitter, type MediaSession, type SessionChannel } from '@rs/web-common';

export type AgentScreenEvents = { changed: []; failed: [] };

/** The agent shows their own screen to the session (R3.1 "show"): no consent, 'agent-screen' producer. */
export class AgentScreenManager {
  readonly events = new TypedEmitter<AgentScreenEvents>();
  private producerId: string | null = null;
  private track: MediaStreamTrack | null = null;
  private starting = false;

  constructor(
    private readonly channel: SessionChannel,
    private readonly media: MediaSession,
    private readonly capture: () => Promise<MediaStream> = () => navigator.mediaDevices.getDisplayMedia({ video: true, audio: false }),
  ) {
    channel.on('media:producer-closed', ({ producerId, reason }) => {
      // Lost to a fault: the media session sends the same track again.
      if (producerId === this.producerId && reason !== 'lost') this.stopLocally();
    });
    channel.on('share:quality', ({ producerId, mode }) => {
      if (producerId === this.producerId) void media.applyQuality(producerId, mode);
    });
    media.events.on('republished', (oldId, newId) => {
      if (oldId === this.producerId) this.producerId = newId;
    });
    media.events.on('publish-lost', (producerId) => {
      if (producerId === this.producerId) this.stopLocally();
    });
  }

  get sharing(): boolean {
    return this.producerId !== null;
  }

  get busy(): boolean {
    return this.starting;
  }

  get id(): string | null {
    return this.producerId;
  }

  get localTrack(): MediaStreamTrack | null {
    return this.track;
  }

  async start(): Promise<void> {
    if (this.producerId || this.starting) return;
    this.starting = true;
    this.events.emit('changed');
    try {
      const stream = await this.capture();
      const track = stream.getVideoTracks()[0];
      stream.getAudioTracks().forEach((audio) => audio.stop());
      if (!track) throw new Error('no screen track');
      this.track = track;
      track.addEventListener('ended', () => void this.stop());
      const surface = track.getSettings().displaySurface as 'monitor' | 'window' | 'browser' | undefined;
      this.producerId = await this.media.publishScreen(track, 'agent-screen', surface);
    } catch (error) {
      console.warn('agent screen failed', error);
      this.stopLocally();
      this.events.emit('failed');
    } finally {
      this.starting = false;
      this.events.emit('changed');
    }
  }

  async stop(): Promise<void> {
    const had = this.producerId !== null;
    this.stopLocally();
    if (!had) return;
    try {
      await this.channel.request('share:stop', { sessionId: this.channel.sessionId, source: 'agent-screen' });
    } catch (error) {
      console.warn('share:stop failed', error);
    }
  }

  close(): void {
    this.stopLocally();
    this.events.removeAllListeners();
  }

  private stopLocally(): void {
    if (this.producerId) this.media.closeProducer(this.producerId);
    this.producerId = null;
    this.track?.stop();
    this.track = null;
    this.events.emit('changed');
  }
}
