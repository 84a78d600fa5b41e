import { TypedEmitter } from '../util/typed-emitter';

const LEVEL_MS = 100;

export type MicCaptureEvents = {
  /** Local microphone level, 0..1, about ten times a second while the mic is open. */
  level: [number];
};

/**
 * My microphone as captured on this page: the device (as picked), a gain node
 * for the mic volume and a level meter. It sends the processed track while
 * the page's audio context runs, the device's own track otherwise.
 */
export class MicCapture {
  readonly events = new TypedEmitter<MicCaptureEvents>();
  private rawStream: MediaStream | null = null;
  private audioContext: AudioContext | null = null;
  private gain: GainNode | null = null;
  private destination: MediaStreamAudioDestinationNode | null = null;
  private levelTimer: number | null = null;
  private volume = 1;
  private deviceId: string | null = null;

  get isOpen(): boolean {
    return this.rawStream !== null;
  }

  get device(): string | null {
    return this.deviceId;
  }

  /** Picks the microphone for the next open. */
  setDevice(deviceId: string | null): void {
    this.deviceId = deviceId;
  }

  /** The mic volume's gain (0..2). */
  setVolume(volume: number): void {
    this.volume = volume;
    if (this.gain) this.gain.gain.value = volume;
  }

  /** Creates (and tries to resume) the page's audio context: call it inside a click when possible. */
  ensureContext(): AudioContext | null {
    if (typeof AudioContext === 'undefined') return null;
    this.audioContext ??= new AudioContext();
    void this.audioContext.resume().catch(() => undefined);
    return this.audioContext;
  }

  async open(): Promise<void> {
    if (this.rawStream) return;
    const audio: MediaTrackConstraints | boolean = this.deviceId ? { deviceId: { exact: this.deviceId } } : true;
    const stream = await navigator.mediaDevices.getUserMedia({ audio, video: false });
    this.rawStream = stream;
    const context = this.ensureContext();
    if (!context) return;
    const source = context.createMediaStreamSource(stream);
    this.gain = context.createGain();
    this.gain.gain.value = this.volume;
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    this.destination = context.createMediaStreamDestination();
    source.connect(this.gain);
    this.gain.connect(analyser);
    this.gain.connect(this.destination);
    const samples = new Float32Array(analyser.fftSize);
    this.levelTimer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      this.events.emit('level', Math.min(1, Math.sqrt(sum / samples.length) * 4));
    }, LEVEL_MS);
  }

  /**
   * The mic volume's gain node feeds the call only while the page's audio
   * context runs: a suspended one (no output device, an autoplay policy
   * waiting for a gesture, as in Firefox) would send silence, so the device's
   * own track is sent then (the mic volume does not apply to it).
   */
  trackToSend(): MediaStreamTrack | undefined {
    const processed = this.audioContext?.state === 'running' ? this.destination?.stream.getAudioTracks()[0] : undefined;
    return processed ?? this.rawStream?.getAudioTracks()[0];
  }

  close(): void {
    if (this.levelTimer !== null) window.clearInterval(this.levelTimer);
    this.levelTimer = null;
    this.rawStream?.getTracks().forEach((track) => track.stop());
    this.rawStream = null;
    this.destination?.stream.getTracks().forEach((track) => track.stop());
    this.destination = null;
    this.gain = null;
    this.events.emit('level', 0);
  }

  dispose(): void {
    this.close();
    void this.audioContext?.close().catch(() => undefined);
    this.audioContext = null;
    this.events.removeAllListeners();
  }
}
