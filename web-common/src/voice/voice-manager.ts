import type { ParticipantId, ProducerInfo, SessionSnapshot, VoiceState } from '@rs/signaling';
import { ApiError, errorCodeOf, type ClientErrorCode } from '../connection/api-error';
import type { MediaSession } from '../media/media-session';
import type { SessionChannel } from '../session/session-channel';
import { TypedEmitter } from '../util/typed-emitter';
import { MicCapture } from './mic-capture';
import { RemoteMics } from './remote-mics';

export type VoiceEvents = {
  changed: [];
  error: [ClientErrorCode];
  /** Local microphone level, 0..1, about ten times a second while the mic is open. */
  level: [number];
  /** Who speaks now changed (from the server's audio levels). */
  speaking: [];
};

/**
 * The voice call (R4): the call state from the server, my microphone
 * (captured through a gain node for the mic volume, with a level meter) and
 * every other member's microphone played back. Who may speak is enforced by
 * the server, which pauses mic producers without the floor.
 */
export class VoiceManager {
  readonly events = new TypedEmitter<VoiceEvents>();
  private voice: VoiceState | null = null;
  private selfId: ParticipantId | null = null;
  private readonly mics: RemoteMics;
  private micProducerId: string | null = null;
  private micOpening: Promise<void> | null = null;
  private readonly capture = new MicCapture();
  private testing = false;
  /** Who speaks now, as the server measures it (only unpaused microphones: a muted member never speaks). */
  private speakers = new Set<ParticipantId>();

  constructor(
    private readonly channel: SessionChannel,
    private readonly media: MediaSession,
  ) {
    this.mics = new RemoteMics(media);
    channel.events.on('snapshot', (snapshot) => this.onSnapshot(snapshot));
    channel.on('voice:state', (state) => this.setState(state));
    channel.on('voice:speaking', ({ speaking }) => {
      this.speakers = new Set(speaking);
      this.events.emit('speaking');
    });
    this.capture.events.on('level', (level) => this.events.emit('level', level));
    channel.on('media:producer-added', (info) => {
      if (info.source !== 'mic' || info.participantId === this.selfId) return;
      this.mics.add(info);
      this.sync();
    });
    channel.on('media:producer-closed', ({ producerId, reason }) => {
      // My mic lost to a fault is sent again by the media session.
      if (producerId === this.micProducerId && reason !== 'lost') this.closeMic();
      this.mics.drop(producerId);
      this.events.emit('changed');
    });
    media.events.on('republished', (oldId, newId) => {
      if (oldId === this.micProducerId) this.micProducerId = newId;
    });
    media.events.on('publish-lost', (producerId) => {
      if (producerId === this.micProducerId) this.closeMic();
    });
    // The media session rebuilt its transports: play the others' microphones again.
    media.events.on('reset', () => {
      this.mics.stopAll(true);
      this.sync();
    });
    channel.on('media:producer-paused', ({ producerId, paused }) => {
      this.mics.setPaused(producerId, paused);
      this.events.emit('changed');
    });
  }

  get state(): VoiceState | null {
    return this.voice;
  }

  get active(): boolean {
    return this.voice?.active === true;
  }

  get joined(): boolean {
    return this.active && this.selfId !== null && (this.voice?.members.includes(this.selfId) ?? false);
  }

  get micOpen(): boolean {
    return this.micProducerId !== null;
  }

  get isTesting(): boolean {
    return this.testing;
  }

  /** Holds a floor, as the server computes it: the agent in control and the mic holder (green indicator, R4.2). */
  hasFloor(id: ParticipantId): boolean {
    if (!this.active || !this.voice?.members.includes(id)) return false;
    return this.voice.floor.includes(id);
  }

  /** Who muted this member ('self' or 'agent'), null when not muted. */
  mutedBy(id: ParticipantId): 'self' | 'agent' | null {
    return this.voice?.muted.find((m) => m.participantId === id)?.by ?? null;
  }

  /** Whether I am heard: in the call, holding a floor and not muted. */
  get heard(): 'yes' | 'muted' | 'agent-muted' | 'no-floor' | null {
    if (!this.joined || !this.selfId) return null;
    const by = this.mutedBy(this.selfId);
    if (by) return by === 'agent' ? 'agent-muted' : 'muted';
    return this.hasFloor(this.selfId) ? 'yes' : 'no-floor';
  }

  /** The server hears this member speak now (their microphone is forwarded and loud enough). */
  isSpeaking(id: ParticipantId): boolean {
    return this.active && this.speakers.has(id);
  }

  /** Mutes or unmutes a member (myself, or another member as the agent in control): the server pauses the producer. */
  setMuted(participantId: ParticipantId, muted: boolean): Promise<void> {
    return this.run(async () => this.setState(await this.channel.request('voice:mute', { sessionId: this.channel.sessionId, participantId, muted })));
  }

  get selfParticipantId(): ParticipantId | null {
    return this.selfId;
  }

  isMember(id: ParticipantId): boolean {
    return this.active && (this.voice?.members.includes(id) ?? false);
  }

  /** The mic producer of a member (null if none), with its paused flag. */
  micOf(id: ParticipantId): ProducerInfo | null {
    return this.mics.of(id);
  }

  start(): Promise<void> {
    return this.run(async () => this.setState(await this.channel.request('voice:start', { sessionId: this.channel.sessionId })));
  }

  end(): Promise<void> {
    return this.run(async () => this.setState(await this.channel.request('voice:end', { sessionId: this.channel.sessionId })));
  }

  join(): Promise<void> {
    this.capture.ensureContext();
    return this.run(async () => this.setState(await this.channel.request('voice:join', { sessionId: this.channel.sessionId })));
  }

  leave(): Promise<void> {
    return this.run(async () => {
      await this.stopMic();
      this.setState(await this.channel.request('voice:leave', { sessionId: this.channel.sessionId }));
    });
  }

  passMic(participantId: ParticipantId | null): Promise<void> {
    return this.run(async () => this.setState(await this.channel.request('voice:pass-mic', { sessionId: this.channel.sessionId, participantId })));
  }

  /** Playback volume of the others (0..1). */
  setSpeakerVolume(volume: number): void {
    this.mics.setVolume(volume);
  }

  /** My microphone's gain (0..2). */
  setMicVolume(volume: number): void {
    this.capture.setVolume(volume);
  }

  /** Picks the microphone; reopens it when in use. */
  async setMicDevice(deviceId: string | null): Promise<void> {
    this.capture.setDevice(deviceId);
    if (this.micProducerId) {
      await this.stopMic();
      this.sync();
    } else if (this.testing) {
      this.stopTest();
      await this.startTest();
    }
  }

  /** Microphone test (R4.3): opens the mic locally and reports its level, nothing is sent. */
  async startTest(): Promise<void> {
    if (this.testing) return;
    this.capture.ensureContext();
    try {
      await this.capture.open();
      this.testing = true;
      this.events.emit('changed');
    } catch {
      this.events.emit('error', 'INTERNAL');
    }
  }

  stopTest(): void {
    this.testing = false;
    if (!this.micProducerId) this.capture.close();
    this.events.emit('changed');
  }

  /** Inbound audio stats of a member's mic, as consumed here (tests, indicators). */
  async remoteStats(producerId: string): Promise<RTCStatsReport | null> {
    return this.media.getConsumerStats(producerId);
  }

  remoteProducerIds(): string[] {
    return this.mics.ids();
  }

  close(): void {
    void this.stopMic();
    this.mics.stopAll(false);
    this.capture.dispose();
    this.events.removeAllListeners();
  }

  private onSnapshot(snapshot: SessionSnapshot): void {
    this.selfId = snapshot.self.id;
    // Keep what is still shared (the media session keeps or rebuilds the transports), drop the rest.
    this.mics.keepOnly(new Set(snapshot.producers.map((p) => p.producerId)));
    for (const info of snapshot.producers) if (info.source === 'mic' && info.participantId !== this.selfId) this.mics.add(info);
    this.setState(snapshot.voice);
  }

  private setState(state: VoiceState): void {
    this.voice = state;
    this.sync();
    this.events.emit('changed');
  }

  /** Opens or closes my mic and the others' playback to match the call. */
  private sync(): void {
    const joined = this.joined;
    if (joined && !this.micProducerId && !this.micOpening) {
      this.micOpening = this.openMic().finally(() => {
        this.micOpening = null;
        this.events.emit('changed');
      });
    }
    if (!joined && this.micProducerId) void this.stopMic();
    this.mics.sync(joined);
  }

  private async openMic(): Promise<void> {
    try {
      await this.capture.open();
      const track = this.capture.trackToSend();
      if (!track) throw new Error('no microphone track');
      if (!this.joined) return;
      this.micProducerId = await this.media.publish(track, 'mic');
      if (!this.joined) await this.stopMic();
    } catch (error) {
      console.warn('microphone failed', error);
      this.events.emit('error', errorCodeOf(error));
    }
  }

  private async stopMic(): Promise<void> {
    const producerId = this.micProducerId;
    this.closeMic();
    if (!producerId) return;
    try {
      await this.channel.request('media:close-producer', { sessionId: this.channel.sessionId, producerId });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }

  private closeMic(): void {
    if (this.micProducerId) this.media.closeProducer(this.micProducerId);
    this.micProducerId = null;
    if (!this.testing) this.capture.close();
  }

  private async run(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.events.emit('error', errorCodeOf(error));
    }
  }
}
