import type { ParticipantId, ProducerInfo, SessionSnapshot } from '@rs/signaling';
import { ApiError, errorCodeOf, type ClientErrorCode } from '../connection/api-error';
import type { MediaSession } from '../media/media-session';
import type { SessionChannel } from '../session/session-channel';
import { TypedEmitter } from '../util/typed-emitter';

export type VideoResolution = '360p' | '720p';

const SIZES: Record<VideoResolution, { width: number; height: number }> = {
  '360p': { width: 640, height: 360 },
  '720p': { width: 1280, height: 720 },
};

export interface RemoteVideo {
  info: ProducerInfo;
  track: MediaStreamTrack | null;
}

export type VideoEvents = {
  changed: [];
  /** Starting my video was refused or failed (MEDIA_LIMIT: two senders already). */
  error: [ClientErrorCode];
};

/**
 * Video (R5): my camera ("Start my video"/"Stop my video", camera and
 * resolution choice) and the others' cameras, consumed as they appear. The
 * server allows two senders: the agent in control and the selected customer.
 */
export class VideoManager {
  readonly events = new TypedEmitter<VideoEvents>();
  private selfId: ParticipantId | null = null;
  private localTrack: MediaStreamTrack | null = null;
  private producerId: string | null = null;
  private starting = false;
  private readonly remotes = new Map<string, RemoteVideo>();
  resolution: VideoResolution = '720p';
  deviceId: string | null = null;

  constructor(
    private readonly channel: SessionChannel,
    private readonly media: MediaSession,
  ) {
    channel.events.on('snapshot', (snapshot) => this.onSnapshot(snapshot));
    channel.on('media:producer-added', (info) => {
      if (info.source === 'camera' && info.participantId !== this.selfId) void this.consume(info);
    });
    channel.on('media:producer-closed', ({ producerId, reason }) => {
      // My camera lost to a fault is sent again by the media session.
      if (producerId === this.producerId && reason !== 'lost') this.stopLocally();
      if (this.remotes.delete(producerId)) this.media.closeConsumer(producerId);
      this.events.emit('changed');
    });
    media.events.on('republished', (oldId, newId) => {
      if (oldId === this.producerId) this.producerId = newId;
    });
    media.events.on('publish-lost', (producerId) => {
      if (producerId === this.producerId) this.stopLocally();
    });
    // The media session rebuilt its transports: consume the others' cameras again.
    media.events.on('reset', () => {
      const infos = [...this.remotes.values()].map((remote) => remote.info);
      this.remotes.clear();
      for (const info of infos) void this.consume(info);
    });
  }

  get sending(): boolean {
    return this.producerId !== null;
  }

  get busy(): boolean {
    return this.starting;
  }

  get local(): MediaStreamTrack | null {
    return this.localTrack;
  }

  remote(): RemoteVideo[] {
    return [...this.remotes.values()];
  }

  /** Someone else's camera is on, by participant. */
  cameraOf(id: ParticipantId): RemoteVideo | null {
    for (const video of this.remotes.values()) if (video.info.participantId === id) return video;
    return null;
  }

  async start(): Promise<void> {
    if (this.producerId || this.starting) return;
    this.starting = true;
    this.events.emit('changed');
    let track: MediaStreamTrack | null = null;
    try {
      const size = SIZES[this.resolution];
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { width: { ideal: size.width }, height: { ideal: size.height }, ...(this.deviceId ? { deviceId: { exact: this.deviceId } } : {}) },
      });
      track = stream.getVideoTracks()[0] ?? null;
      if (!track) throw new Error('no camera track');
      track.contentHint = 'motion';
      this.localTrack = track;
      this.producerId = await this.media.publish(track, 'camera');
    } catch (error) {
      track?.stop();
      this.localTrack = null;
      this.producerId = null;
      this.events.emit('error', error instanceof ApiError ? error.code : errorCodeOf(error));
    } finally {
      this.starting = false;
      this.events.emit('changed');
    }
  }

  async stop(): Promise<void> {
    const producerId = this.producerId;
    this.stopLocally();
    if (!producerId) return;
    try {
      await this.channel.request('media:close-producer', { sessionId: this.channel.sessionId, producerId });
    } catch (error) {
      console.warn('media:close-producer failed', error);
    }
  }

  /** Camera or resolution changed: restart the camera when it is on. */
  async reconfigure(): Promise<void> {
    if (!this.producerId) return;
    await this.stop();
    await this.start();
  }

  close(): void {
    void this.stop();
    for (const producerId of this.remotes.keys()) this.media.closeConsumer(producerId);
    this.remotes.clear();
    this.events.removeAllListeners();
  }

  private stopLocally(): void {
    if (this.producerId) this.media.closeProducer(this.producerId);
    this.producerId = null;
    this.localTrack?.stop();
    this.localTrack = null;
    this.events.emit('changed');
  }

  private onSnapshot(snapshot: SessionSnapshot): void {
    this.selfId = snapshot.self.id;
    // Keep what is still shared (the media session keeps or rebuilds the transports), drop the rest.
    const present = new Set(snapshot.producers.map((p) => p.producerId));
    for (const producerId of [...this.remotes.keys()]) {
      if (present.has(producerId)) continue;
      this.remotes.delete(producerId);
      this.media.closeConsumer(producerId);
    }
    for (const info of snapshot.producers) {
      if (info.source === 'camera' && info.participantId !== this.selfId && !this.remotes.has(info.producerId)) void this.consume(info);
    }
    this.events.emit('changed');
  }

  private async consume(info: ProducerInfo): Promise<void> {
    const entry: RemoteVideo = { info, track: null };
    this.remotes.set(info.producerId, entry);
    this.events.emit('changed');
    try {
      entry.track = await this.media.consume(info);
      if (this.remotes.get(info.producerId) === entry) this.events.emit('changed');
    } catch (error) {
      console.warn('camera consume failed', error);
    }
  }
}
