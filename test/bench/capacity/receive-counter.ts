import type { ReceivedStream } from './generator-protocol';
import type { RtpHeader } from './rtp';

/** Loss (extended highest sequence vs packets received) and interarrival jitter of one SSRC, as RFC 3550 appendix A computes them. */
export class ReceiveCounter {
  packets = 0;
  bytes = 0;
  private baseSequence = -1;
  private cycles = 0;
  private maxSequence = 0;
  private jitter = 0;
  private lastTransit: number | null = null;

  constructor(
    readonly kind: 'audio' | 'video',
    private readonly clockRate: number,
  ) {}

  add(header: RtpHeader, length: number, arrivalMs: number): void {
    this.packets++;
    this.bytes += length;
    const seq = header.sequenceNumber;
    if (this.baseSequence < 0) {
      this.baseSequence = seq;
      this.maxSequence = seq;
    } else {
      const delta = (seq - this.maxSequence + 0x10000) % 0x10000;
      if (delta > 0 && delta < 0x8000) {
        if (seq < this.maxSequence) this.cycles += 0x10000;
        this.maxSequence = seq;
      }
    }
    const transit = (arrivalMs * this.clockRate) / 1000 - header.timestamp;
    if (this.lastTransit !== null) {
      let d = Math.abs(transit - this.lastTransit);
      // A new loop of the clip (or an SFU's timestamp rewrite) jumps the timestamp: not jitter.
      if (d > this.clockRate) d = 0;
      this.jitter += (d - this.jitter) / 16;
    }
    this.lastTransit = transit;
  }

  snapshot(): ReceivedStream {
    const expected = this.baseSequence < 0 ? 0 : this.cycles + this.maxSequence - this.baseSequence + 1;
    return { kind: this.kind, packets: this.packets, bytes: this.bytes, expected, jitterMs: (this.jitter / this.clockRate) * 1000 };
  }
}
