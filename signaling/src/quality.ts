import { z } from 'zod';

/**
 * Screen-sharing quality modes (R3.4), applied to the sender's encoder:
 * the manual's "256 colours" / "screen sampling" become a bitrate cap,
 * resolution scale, frame rate and contentHint.
 */
export const QualityModeSchema = z.enum(['low-bandwidth', 'balanced', 'high-detail']);
export type QualityMode = z.infer<typeof QualityModeSchema>;

/**
 * The mode a screen is sent with from its first frame, until the agent in
 * control picks another: support needs legible text first.
 */
export const DEFAULT_QUALITY_MODE: QualityMode = 'high-detail';

export interface EncoderPreset {
  /** Top layer's bitrate cap (bps). */
  maxBitrate: number;
  /** 1 = full resolution. */
  scaleResolutionDownBy: number;
  maxFramerate: number;
  /** MediaStreamTrack.contentHint: 'detail' keeps text sharp, 'motion' keeps it fluid. */
  contentHint: 'detail' | 'motion';
}

export const QUALITY_PRESETS: Record<QualityMode, EncoderPreset> = {
  'low-bandwidth': { maxBitrate: 300_000, scaleResolutionDownBy: 2, maxFramerate: 5, contentHint: 'detail' },
  balanced: { maxBitrate: 1_200_000, scaleResolutionDownBy: 1, maxFramerate: 15, contentHint: 'motion' },
  'high-detail': { maxBitrate: 2_500_000, scaleResolutionDownBy: 1, maxFramerate: 30, contentHint: 'detail' },
};

/**
 * Simulcast layers of a screen track, lowest first: viewers on slow links and
 * supervisors get a lower one. A small capture is sent with fewer layers (see
 * screenLayerScales in web-common): the full-size layer is always the last.
 */
export const SCREEN_SIMULCAST_SCALES = [4, 2, 1] as const;
