import type { ParticipantId, ProducerInfo } from '@rs/signaling';
import type { MediaSession } from '../media/media-session';

interface RemoteMic {
  info: ProducerInfo;
  audio: HTMLAudioElement | null;
}

/** The other members' microphones: known from the server, played back while I am in the call. */
export class RemoteMics {
  private readonly mics = new Map<string, RemoteMic>();
  private volume = 1;

  constructor(private readonly media: MediaSession) {}

  add(info: ProducerInfo): void {
    if (!this.mics.has(info.producerId)) this.mics.set(info.producerId, { info, audio: null });
  }

  /** The server paused or resumed a microphone; false if it is not one of these. */
  setPaused(producerId: string, paused: boolean): boolean {
    const mic = this.mics.get(producerId);
    if (mic) mic.info = { ...mic.info, paused };
    return mic !== undefined;
  }

  /** The mic producer of a member (null if none), with its paused flag. */
  of(id: ParticipantId): ProducerInfo | null {
    for (const mic of this.mics.values()) if (mic.info.participantId === id) return mic.info;
    return null;
  }

  ids(): string[] {
    return [...this.mics.keys()];
  }

  /** Playback volume (0..1). */
  setVolume(volume: number): void {
    this.volume = volume;
    for (const mic of this.mics.values()) if (mic.audio) mic.audio.volume = volume;
  }

  /** Plays every microphone while I am in the call, none otherwise. */
  sync(joined: boolean): void {
    for (const [producerId, mic] of this.mics) {
      if (joined && !mic.audio) void this.play(producerId, mic);
      if (!joined && mic.audio) this.drop(producerId, true);
    }
  }

  /** Forgets what the server no longer has. */
  keepOnly(present: ReadonlySet<string>): void {
    for (const producerId of this.ids()) if (!present.has(producerId)) this.drop(producerId);
  }

  /** Stops playing (the consumers are gone, e.g. after a transport rebuild); `keep`: remember the producers. */
  stopAll(keep: boolean): void {
    for (const producerId of this.ids()) this.drop(producerId, keep);
  }

  drop(producerId: string, keep = false): void {
    const mic = this.mics.get(producerId);
    if (!mic) return;
    if (mic.audio) {
      mic.audio.pause();
      mic.audio.srcObject = null;
      mic.audio = null;
      this.media.closeConsumer(producerId);
    }
    if (!keep) this.mics.delete(producerId);
  }

  private async play(producerId: string, mic: RemoteMic): Promise<void> {
    const audio = new Audio();
    audio.autoplay = true;
    audio.volume = this.volume;
    audio.dataset.producerId = producerId;
    mic.audio = audio;
    try {
      const track = await this.media.consume(mic.info);
      if (mic.audio !== audio) return;
      audio.srcObject = new MediaStream([track]);
      await audio.play().catch(() => undefined);
    } catch (error) {
      console.warn('mic consume failed', error);
      if (mic.audio === audio) mic.audio = null;
    }
  }
}
