import type { RtpHeader } from './rtp';
import { isVp8KeyframeStart, vp8DescriptorLength } from './rtp';

/** Rebuilds VP8 frames from received RTP (from the first keyframe on, up to `limit` frames), to be decoded by ffmpeg. */
export class Vp8Recorder {
  readonly frames: Buffer[] = [];
  private parts: Buffer[] = [];
  private started = false;
  private lastSequence = -1;
  private broken = false;

  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.frames.length >= this.limit;
  }

  add(header: RtpHeader, packet: Buffer): void {
    if (this.full) return;
    const payload = packet.subarray(header.payloadOffset);
    const startOfFrame = (payload[0]! & 0x10) !== 0 && (payload[0]! & 0x07) === 0;
    if (!this.started) {
      if (!isVp8KeyframeStart(payload)) return;
      this.started = true;
    }
    if (startOfFrame) {
      this.parts = [];
      this.broken = false;
    } else if (this.lastSequence >= 0 && header.sequenceNumber !== ((this.lastSequence + 1) & 0xffff)) {
      this.broken = true; // a lost packet inside the frame: leave the frame out
    }
    this.lastSequence = header.sequenceNumber;
    this.parts.push(payload.subarray(vp8DescriptorLength(payload)));
    if (header.marker && !this.broken) {
      this.frames.push(Buffer.concat(this.parts));
      this.parts = [];
    }
  }
}
