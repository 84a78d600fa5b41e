import type { Clip } from './clip';
import { buildRtp, vp8DescriptorLength } from './rtp';

/** Where a replayed packet goes (a node-datachannel track: SRTP on the peer's DTLS keys). */
export interface RtpSink {
  send(packet: Buffer): boolean;
}

/**
 * One RTP stream replayed from a pre-encoded clip in a loop: the packets leave at the
 * clip's times, with the stream's own SSRC, sequence numbers and timestamps.
 */
/** How late a packet may leave before the stream's timeline is shifted instead (no catch-up bursts). */
const MAX_LATE_MS = 40;

export class ReplayStream {
  sentPackets = 0;
  /** Time the stream's timeline was shifted because the generator fell behind (ms): its own saturation. */
  slippedMs = 0;
  private startedAt = -1;
  private cursor = 0;
  private loop = 0;
  private sequence = Math.floor(Math.random() * 0xffff);
  private readonly timestampBase = Math.floor(Math.random() * 0xffffffff);

  constructor(
    private readonly clip: Clip,
    private readonly ssrc: number,
    private readonly payloadType: number,
    private readonly sink: RtpSink,
    private readonly onSent?: (payloadKey: string, at: number) => void,
  ) {}

  /**
   * Sends every packet due by `now` (ms, performance clock); at most one loop of the clip per call.
   * A generator that fell behind (its process starved) does not burst the backlog, which would
   * look like the SFU's loss and delay: like a paused sender, the stream resumes where it was.
   */
  pump(now: number): void {
    if (this.startedAt < 0) this.startedAt = now;
    const { packets, durationMs, clockRate } = this.clip;
    if (this.cursor < packets.length) {
      const late = now - this.startedAt - (this.loop * durationMs + packets[this.cursor]!.atMs);
      if (late > MAX_LATE_MS) {
        this.startedAt += late;
        this.slippedMs += late;
      }
    }
    const elapsed = now - this.startedAt;
    for (let sent = 0; sent < packets.length; sent++) {
      if (this.cursor >= packets.length) {
        this.cursor = 0;
        this.loop++;
      }
      const packet = packets[this.cursor]!;
      if (this.loop * durationMs + packet.atMs > elapsed) return;
      const timestamp = this.timestampBase + Math.round((this.loop * durationMs * clockRate) / 1000) + packet.rtpTime;
      this.sink.send(buildRtp(this.payloadType, packet.marker, this.sequence++, timestamp, this.ssrc, packet.payload));
      this.sentPackets++;
      this.onSent?.(payloadKey(packet.payload), now);
      this.cursor++;
    }
  }
}

/** Identifies a VP8 packet by its content after the payload descriptor (which an SFU may rewrite). */
export function payloadKey(payload: Buffer): string {
  const start = vp8DescriptorLength(payload);
  return `${payload.length - start}:${payload.subarray(start, start + 24).toString('base64')}`;
}
