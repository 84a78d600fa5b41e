import { LimitationReasonSchema, type LimitationReason, type SenderLayer } from '@rs/signaling';
import type { SessionChannel } from '../session/session-channel';
import { CpuPressureWatch } from './cpu-pressure';
import type { MediaSession } from './media-session';
import type { OutboundLayerStats } from './outbound-layer-stats';

const REPORT_MS = 3000;

/** One screen this page sends. */
export interface SentScreen {
  producerId: string;
  track: MediaStreamTrack;
}

function limitationOf(value: string): LimitationReason {
  const reason = LimitationReasonSchema.safeParse(value);
  return reason.success ? reason.data : 'other';
}

/**
 * Tells the server every few seconds what this page's screen encoder really
 * sends (the captured size; each layer's size, frame rate, bitrate and why it
 * is limited: qualityLimitationReason) and how busy this computer is. Staff
 * consoles read it to say, in words, why the picture they see is reduced (R3.4 readout).
 */
export class SenderStatsReporter {
  private readonly previousBytes = new Map<string, { at: number; bytes: number[] }>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly pressure = new CpuPressureWatch();

  constructor(
    private readonly channel: SessionChannel,
    private readonly media: MediaSession,
    private readonly screens: () => SentScreen[],
  ) {}

  start(): void {
    this.pressure.start();
    this.timer ??= setInterval(() => void this.report(), REPORT_MS);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.previousBytes.clear();
    this.pressure.stop();
  }

  private async report(): Promise<void> {
    for (const { producerId, track } of this.screens()) {
      const layers = await this.media.senderLayerStats(producerId).catch(() => null);
      if (!layers || layers.length === 0) continue;
      const capture = this.captureSize(producerId, track, layers);
      const request = {
        sessionId: this.channel.sessionId,
        producerId,
        captureWidth: Math.min(16_384, Math.round(capture.width)),
        captureHeight: Math.min(16_384, Math.round(capture.height)),
        layers: this.summarize(producerId, layers).slice(0, 3),
        cpuPressure: this.pressure.current,
      };
      await this.channel.request('share:sender-stats', request).catch((error: unknown) => console.warn('share:sender-stats failed', error));
    }
  }

  /**
   * The captured size: the track's settings, or (Firefox reports none for a
   * canvas or some captures) the largest layer scaled back by its own
   * scaleResolutionDownBy.
   */
  private captureSize(producerId: string, track: MediaStreamTrack, layers: OutboundLayerStats[]): { width: number; height: number } {
    const { width = 0, height = 0 } = track.getSettings();
    if (width > 0 && height > 0) return { width, height };
    const encodings = this.media.senderEncodings(producerId) ?? [];
    const scaleOf = (rid: string | null): number => encodings.find((e) => e.rid === rid)?.scaleResolutionDownBy ?? 1;
    return layers.reduce((size, layer) => {
      const scale = scaleOf(layer.rid);
      return layer.frameWidth * scale > size.width ? { width: layer.frameWidth * scale, height: layer.frameHeight * scale } : size;
    }, { width: 0, height: 0 });
  }

  private summarize(producerId: string, layers: OutboundLayerStats[]): SenderLayer[] {
    const now = performance.now();
    const previous = this.previousBytes.get(producerId);
    this.previousBytes.set(producerId, { at: now, bytes: layers.map((layer) => layer.bytesSent) });
    const seconds = previous ? (now - previous.at) / 1000 : 0;
    return layers.map((layer, index) => {
      const before = previous?.bytes[index];
      const kbps = seconds > 0 && before !== undefined ? Math.max(0, Math.round(((layer.bytesSent - before) * 8) / seconds / 1000)) : 0;
      return {
        width: Math.min(16_384, layer.frameWidth),
        height: Math.min(16_384, layer.frameHeight),
        fps: Math.min(240, Math.max(0, layer.framesPerSecond)),
        kbps: Math.min(1_000_000, kbps),
        limitation: limitationOf(layer.qualityLimitationReason),
      };
    });
  }
}
