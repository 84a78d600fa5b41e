import type { ConsentRequest, SessionSnapshot } from '@rs/signaling';
import { TypedEmitter, type MediaSession, type MessageKey, type SessionChannel } from '@rs/web-common';
import type { ConsentPromptManager } from '../consent/consent-prompt-manager';
import { captureDisplay, needsUserGesture, type ScreenCapture } from './screen-capture';

export type ScreenShareState = 'idle' | 'starting' | 'sharing';

export type ScreenShareEvents = {
  state: [ScreenShareState];
  /** Something the customer should be told (cancelled, failed, stopped by the agent). */
  notice: [MessageKey];
  /** A request granted automatically (R2.2) needs a click before the browser opens its picker. */
  'needs-gesture': [ConsentRequest];
};

/**
 * The customer's screen share (R3.1 view, R3.2 stop). Allowing grants the
 * request and opens the browser's picker at once (still inside the click, as
 * browsers require); the track is produced once the grant is in. A request
 * granted without a prompt (the customer granted all actions) starts the
 * share by itself. Cancelling the picker, the browser's own "Stop sharing",
 * or our Stop button all send `share:stop`, which ends the grant on the server.
 */
export class ScreenShareManager {
  readonly events = new TypedEmitter<ScreenShareEvents>();
  private current: ScreenShareState = 'idle';
  private track: MediaStreamTrack | null = null;
  private producerId: string | null = null;
  private requestId: string | null = null;
  private selfId: string | null = null;
  private snapshots = 0;

  constructor(
    private readonly channel: SessionChannel,
    private readonly media: MediaSession,
    private readonly consent: ConsentPromptManager,
    private readonly capture: ScreenCapture = captureDisplay,
  ) {
    channel.on('media:producer-closed', ({ producerId }) => {
      if (producerId === this.producerId) this.stopLocally('share.ended');
    });
    channel.on('consent:updated', (request) => this.onConsentUpdated(request));
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

  /** Call from the Allow click; `grantAll` also allows every later request of this session (R2.2). */
  async allow(request: ConsentRequest, grantAll = false): Promise<void> {
    if (this.current !== 'idle') this.stopLocally(null);
    this.requestId = request.id;
    this.setState('starting');
    const picking = this.capture();
    picking.catch(() => undefined);
    try {
      await this.consent.answer(request.id, true, grantAll);
    } catch {
      (await picking.catch(() => null))?.getTracks().forEach((track) => track.stop());
      return this.stopLocally('share.failed');
    }
    await this.publish(request, picking);
  }

  /** Shares under a request that is already granted (automatically, or after the click `needs-gesture` asked for). */
  async startGranted(request: ConsentRequest): Promise<void> {
    if (this.current !== 'idle') return;
    this.requestId = request.id;
    this.setState('starting');
    await this.publish(request, this.capture());
  }

  deny(request: ConsentRequest): void {
    this.consent.answer(request.id, false).catch((error: unknown) => console.warn('consent answer failed', error));
  }

  /** Stops locally and tells the server (which ends the grant and tells the agent). */
  async stop(notice: MessageKey | null = null): Promise<void> {
    this.stopLocally(notice);
    try {
      await this.channel.request('share:stop', { sessionId: this.channel.sessionId });
    } catch (error) {
      console.warn('share:stop failed', error);
    }
  }

  /** Stops the capture here at once (the server already knows: revoked, ended, producer closed). */
  stopLocally(notice: MessageKey | null): void {
    const wasActive = this.current !== 'idle';
    this.track?.stop();
    this.track = null;
    this.producerId = null;
    this.requestId = null;
    this.media.stopScreen();
    this.setState('idle');
    if (wasActive && notice) this.events.emit('notice', notice);
  }

  close(): void {
    this.stopLocally(null);
    this.events.removeAllListeners();
  }

  private async publish(request: ConsentRequest, picking: Promise<MediaStream>): Promise<void> {
    let stream: MediaStream;
    try {
      stream = await picking;
    } catch (error) {
      if (!needsUserGesture(error)) return this.stop('share.cancelled');
      this.stopLocally(null);
      return this.events.emit('needs-gesture', request);
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

  private onConsentUpdated(request: ConsentRequest): void {
    if (request.id === this.requestId && (request.status === 'ended' || request.status === 'revoked')) {
      return this.stopLocally(request.status === 'ended' ? 'share.ended' : null);
    }
    const mine = this.selfId !== null && request.customerId === this.selfId;
    if (mine && request.automatic && request.status === 'granted' && request.activity === 'view-desktop' && this.current === 'idle') {
      void this.startGranted(request);
    }
  }

  /**
   * After a rejoin: a share the server no longer lists is over, and a share it
   * still lists that this page does not hold (a reload lost the track) is ended.
   */
  private onSnapshot(snapshot: SessionSnapshot): void {
    this.selfId = snapshot.self.id;
    const first = this.snapshots++ === 0;
    if (this.current === 'starting') return;
    const ownScreens = snapshot.producers.filter((p) => p.participantId === snapshot.self.id && p.source === 'screen');
    if (this.current === 'sharing' && !ownScreens.some((p) => p.producerId === this.producerId)) this.stopLocally('share.ended');
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
