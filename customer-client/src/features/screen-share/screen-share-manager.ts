import type { ConsentRequest, SessionSnapshot } from '@rs/signaling';
import { TypedEmitter, type MediaSession, type MessageKey, type SessionChannel } from '@rs/web-common';
import type { ConsentPromptManager } from '../consent/consent-prompt-manager';

export type ScreenShareState = 'idle' | 'starting' | 'sharing';

export type ScreenShareEvents = {
  state: [ScreenShareState];
  /** Something the customer should be told (cancelled, failed, stopped by the agent). */
  notice: [MessageKey];
};

/** Asks the browser for the screen; a test may replace it. */
export type ScreenCapture = () => Promise<MediaStream>;

const captureDisplay: ScreenCapture = () => navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });

/**
 * The customer's screen share (R3.1 view, R3.2 stop). Allowing grants the
 * request and opens the browser's picker at once (still inside the click, as
 * browsers require); the track is produced once the grant is in. Cancelling
 * the picker, the browser's own "Stop sharing", or our Stop button all send
 * `share:stop`, which ends the grant on the server.
 */
export class ScreenShareManager {
  readonly events = new TypedEmitter<ScreenShareEvents>();
  private current: ScreenShareState = 'idle';
  private track: MediaStreamTrack | null = null;
  private producerId: string | null = null;
  private requestId: string | null = null;
  private snapshots = 0;

  constructor(
    private readonly channel: SessionChannel,
    private readonly media: MediaSession,
    private readonly consent: ConsentPromptManager,
    private readonly capture: ScreenCapture = captureDisplay,
  ) {
    channel.on('media:producer-closed', ({ producerId }) => {
      if (producerId === this.producerId) this.endLocally('share.ended');
    });
    channel.on('consent:updated', (request) => {
      if (request.id === this.requestId && request.status === 'ended') this.endLocally('share.ended');
    });
    channel.events.on('snapshot', (snapshot) => this.onSnapshot(snapshot));
    media.events.on('transport-failed', (direction) => {
      if (direction === 'send' && this.current !== 'idle') void this.stop('share.failed');
    });
  }

  get state(): ScreenShareState {
    return this.current;
  }

  get isSharing(): boolean {
    return this.current === 'sharing';
  }

  /** Call from the Allow click. */
  async allow(request: ConsentRequest): Promise<void> {
    if (this.current !== 'idle') this.endLocally(null);
    this.requestId = request.id;
    this.setState('starting');
    const picking = this.capture();
    picking.catch(() => undefined);
    try {
      await this.consent.answer(request.id, true);
    } catch {
      (await picking.catch(() => null))?.getTracks().forEach((track) => track.stop());
      return this.endLocally('share.failed');
    }
    let stream: MediaStream;
    try {
      stream = await picking;
    } catch {
      return this.stop('share.cancelled');
    }
    const track = stream.getVideoTracks()[0];
    stream.getAudioTracks().forEach((audio) => audio.stop());
    if (!track || this.requestId !== request.id) {
      stream.getTracks().forEach((each) => each.stop());
      return this.stop('share.failed');
    }
    this.track = track;
    track.addEventListener('ended', () => void this.stop(null));
    try {
      this.producerId = await this.media.publishScreen(track);
      this.setState('sharing');
    } catch (error) {
      console.warn('screen produce failed', error);
      await this.stop('share.failed');
    }
  }

  deny(request: ConsentRequest): void {
    this.consent.answer(request.id, false).catch((error: unknown) => console.warn('consent answer failed', error));
  }

  /** Stops locally and tells the server (which ends the grant and tells the agent). */
  async stop(notice: MessageKey | null = null): Promise<void> {
    this.endLocally(notice);
    try {
      await this.channel.request('share:stop', { sessionId: this.channel.sessionId });
    } catch (error) {
      console.warn('share:stop failed', error);
    }
  }

  close(): void {
    this.endLocally(null);
    this.events.removeAllListeners();
  }

  private endLocally(notice: MessageKey | null): void {
    const wasActive = this.current !== 'idle';
    this.track?.stop();
    this.track = null;
    this.producerId = null;
    this.requestId = null;
    this.media.stopScreen();
    this.setState('idle');
    if (wasActive && notice) this.events.emit('notice', notice);
  }

  /**
   * After a rejoin: a share the server no longer lists is over, and a share it
   * still lists that this page does not hold (a reload lost the track) is ended.
   */
  private onSnapshot(snapshot: SessionSnapshot): void {
    const first = this.snapshots++ === 0;
    if (this.current === 'starting') return;
    const ownScreens = snapshot.producers.filter((p) => p.participantId === snapshot.self.id && p.source === 'screen');
    if (this.current === 'sharing' && !ownScreens.some((p) => p.producerId === this.producerId)) this.endLocally('share.ended');
    if (this.current !== 'idle') return;
    if (!first) this.media.reset();
    if (ownScreens.length > 0) void this.stop(null);
  }

  private setState(state: ScreenShareState): void {
    if (state === this.current) return;
    this.current = state;
    this.events.emit('state', state);
  }
}
