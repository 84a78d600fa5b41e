import type { ConsentRequest, DisplaySurface, SessionSnapshot, SharePauseReason } from '@rs/signaling';
import { TypedEmitter, type MediaSession, type MessageKey, type SessionChannel } from '@rs/web-common';
import type { ConsentPromptManager } from '../consent/consent-prompt-manager';
import { captureDisplay, isUnsupported, needsUserGesture, type ScreenCapture } from './screen-capture';

export type ScreenShareState = 'idle' | 'starting' | 'sharing';

export type ScreenShareEvents = {
  state: [ScreenShareState];
  /** Something the customer should be told (cancelled, failed, stopped by the agent). */
  notice: [MessageKey];
  /** A request granted automatically (R2.2) needs a click before the browser opens its picker. */
  'needs-gesture': [ConsentRequest];
  /** A share under a still valid grant was interrupted (a reload lost the capture): one click resumes it. */
  'resume-needed': [ConsentRequest, SharePauseReason];
};

/**
 * The customer's screen share (R3.1 view, R3.2 stop). Allowing grants the
 * request and opens the browser's picker at once (still inside the click, as
 * browsers require); the track is produced once the grant is in. A request
 * granted without a prompt (the customer granted all actions) starts the
 * share by itself. Cancelling the picker, the browser's own "Stop sharing",
 * or our Stop button all send `share:stop`, which ends the grant on the server.
 * Faults do not end it: after a media reset or a reconnect the same capture is
 * sent again by the media session (no click); after a reload, whose capture is
 * gone, the customer gets one Resume sharing button and the agent is told.
 */
export class ScreenShareManager {
  readonly events = new TypedEmitter<ScreenShareEvents>();
  private current: ScreenShareState = 'idle';
  /** The shared tracks: one grant allows two (the customer may add another application). */
  private shared: { track: MediaStreamTrack; producerId: string | null }[] = [];
  private adding = false;
  private requestId: string | null = null;
  private selfId: string | null = null;
  private snapshots = 0;

  constructor(
    private readonly channel: SessionChannel,
    private readonly media: MediaSession,
    private readonly consent: ConsentPromptManager,
    private readonly capture: ScreenCapture = captureDisplay,
  ) {
    channel.on('media:producer-closed', ({ producerId, reason }) => {
      const entry = this.shared.find((each) => each.producerId === producerId);
      // Lost to a fault: the media session sends the same track again.
      if (!entry || reason === 'lost') return;
      if (this.shared.length === 1) return this.stopLocally('share.ended');
      entry.track.stop();
      this.shared = this.shared.filter((each) => each !== entry);
      this.events.emit('state', this.current);
    });
    channel.on('share:quality', ({ producerId, mode }) => {
      if (this.shared.some((each) => each.producerId === producerId)) {
        void media.applyQuality(producerId, mode).catch((error: unknown) => console.warn('quality not applied', error));
      }
    });
    channel.on('consent:updated', (request) => this.onConsentUpdated(request));
    channel.events.on('snapshot', (snapshot) => this.onSnapshot(snapshot));
    media.events.on('republished', (oldId, newId) => {
      const entry = this.shared.find((each) => each.producerId === oldId);
      if (entry) entry.producerId = newId;
      if (entry) this.events.emit('state', this.current);
    });
    media.events.on('publish-lost', (producerId) => {
      if (this.shared.some((each) => each.producerId === producerId)) void this.stop('share.failed');
    });
    media.events.on('recovering', () => {
      if (this.current === 'sharing') this.events.emit('notice', 'share.reconnecting');
    });
    media.events.on('gave-up', () => {
      if (this.current !== 'idle') void this.stop('share.connectionLost');
    });
  }

  get state(): ScreenShareState {
    return this.current;
  }

  get isSharing(): boolean {
    return this.current === 'sharing';
  }

  /** My shared screens (producer and track), for the preview. */
  get screens(): { producerId: string; track: MediaStreamTrack }[] {
    return this.shared.flatMap((each) => (each.producerId ? [{ producerId: each.producerId, track: each.track }] : []));
  }

  get canAddAnother(): boolean {
    return this.current === 'sharing' && this.shared.length < 2 && !this.adding;
  }

  /** "Add another application": a second track under the same grant (call from a click). */
  async addAnother(): Promise<void> {
    if (!this.canAddAnother) return;
    this.adding = true;
    this.events.emit('state', this.current);
    try {
      const stream = await this.capture('window');
      stream.getAudioTracks().forEach((audio) => audio.stop());
      const track = stream.getVideoTracks()[0];
      if (!track) return;
      await this.publishTrack(track);
    } catch (error) {
      console.warn('second share failed', error);
      this.events.emit('notice', 'share.failed');
    } finally {
      this.adding = false;
      this.events.emit('state', this.current);
    }
  }

  /** Call from the Allow click; `grantAll` also allows every later request of this session (R2.2). */
  async allow(request: ConsentRequest, grantAll = false): Promise<void> {
    if (this.current !== 'idle') this.stopLocally(null);
    this.requestId = request.id;
    this.setState('starting');
    const picking = this.capture(request.surface ?? undefined);
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
    await this.publish(request, this.capture(request.surface ?? undefined));
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
    for (const each of this.shared) each.track.stop();
    this.shared = [];
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
      if (isUnsupported(error)) return this.stop('share.unsupported');
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
    try {
      await this.publishTrack(track);
      this.setState('sharing');
    } catch (error) {
      console.warn('screen produce failed', error);
      await this.stop('share.failed');
    }
  }

  /** Produces one screen track with the surface the customer picked; the browser's own stop bar closes it. */
  private async publishTrack(track: MediaStreamTrack): Promise<void> {
    const entry: { track: MediaStreamTrack; producerId: string | null } = { track, producerId: null };
    this.shared.push(entry);
    track.addEventListener('ended', () => void this.onTrackEnded(entry));
    const surface = track.getSettings().displaySurface as DisplaySurface | undefined;
    entry.producerId = await this.media.publishScreen(track, 'screen', surface);
  }

  private async onTrackEnded(entry: { track: MediaStreamTrack; producerId: string | null }): Promise<void> {
    if (!this.shared.includes(entry)) return;
    if (this.shared.length === 1) return this.stop(null);
    this.shared = this.shared.filter((each) => each !== entry);
    this.events.emit('state', this.current);
    if (!entry.producerId) return;
    this.media.closeProducer(entry.producerId);
    await this.channel.request('media:close-producer', { sessionId: this.channel.sessionId, producerId: entry.producerId }).catch(() => undefined);
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
   * After a (re)join. A share whose grant is no longer valid is over. A share
   * still granted goes on: the media session sends the capture again if the
   * server lost it. A page that starts with a valid grant but no capture (a
   * reload) offers one Resume sharing click and the agent is told.
   */
  private onSnapshot(snapshot: SessionSnapshot): void {
    this.selfId = snapshot.self.id;
    const first = this.snapshots++ === 0;
    if (this.current === 'starting') return;
    const granted = snapshot.consents.filter((c) => c.customerId === snapshot.self.id && c.activity === 'view-desktop' && c.status === 'granted');
    if (this.current === 'sharing') {
      if (!granted.some((c) => c.id === this.requestId)) this.stopLocally('share.ended');
      return;
    }
    const resumable = granted.sort((a, b) => b.requestedAt - a.requestedAt)[0];
    if (!first || !resumable) return;
    this.events.emit('resume-needed', resumable, 'reload');
    this.channel.request('share:paused', { sessionId: this.channel.sessionId, reason: 'reload' }).catch((error: unknown) => console.warn('share:paused failed', error));
  }

  private setState(state: ScreenShareState): void {
    if (state === this.current) return;
    this.current = state;
    this.events.emit('state', state);
  }
}
