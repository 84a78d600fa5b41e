import { z } from 'zod';

/**
 * Screen-sharing quality modes (R3.4), applied to the sender's encoder:
 * the manual's "256 colours" / "screen sampling" become a bitrate cap,
 * a frame rate, a degradation preference and contentHint.
 */
export const QualityModeSchema = z.enum(['low-bandwidth', 'balanced', 'high-detail']);
export type QualityMode = z.infer<typeof QualityModeSchema>;

/** The modes from the most faithful to the thriftiest. */
export const QUALITY_MODES_BY_FIDELITY: readonly QualityMode[] = ['high-detail', 'balanced', 'low-bandwidth'];

/**
 * The mode a screen is sent with from its first frame, until the agent in
 * control picks another: support needs legible text first.
 */
export const DEFAULT_QUALITY_MODE: QualityMode = 'high-detail';

/** What a mode gives up first when it must send less: always the frame rate, then the resolution. */
export type DegradationPreference = 'maintain-resolution' | 'maintain-framerate' | 'balanced';

export interface EncoderPreset {
  /** Top layer's bitrate cap (bps); lower layers get a share proportional to their area. */
  maxBitrate: number;
  /** 1 = full resolution: no mode reduces the size by itself, only the network does (lower simulcast layers). */
  scaleResolutionDownBy: number;
  maxFramerate: number;
  /** MediaStreamTrack.contentHint (Chromium): 'detail' keeps text sharp. Firefox ignores it; the encodings and degradationPreference carry the same intent. */
  contentHint: 'detail' | 'motion';
  /** RTCRtpSendParameters.degradationPreference: under a tight budget the encoder lowers the frame rate and keeps the size. */
  degradationPreference: DegradationPreference;
}

/**
 * The one table of quality presets. Going down from "high detail", each mode
 * trades the frame rate first (30 -> 15 -> 5 fps) at full resolution and a
 * smaller bitrate; the resolution drops only when the network forces it:
 * the SFU then forwards a lower simulcast layer (1/2, then 1/4).
 */
export const QUALITY_PRESETS: Record<QualityMode, EncoderPreset> = {
  'high-detail': { maxBitrate: 2_500_000, scaleResolutionDownBy: 1, maxFramerate: 30, contentHint: 'detail', degradationPreference: 'maintain-resolution' },
  balanced: { maxBitrate: 1_200_000, scaleResolutionDownBy: 1, maxFramerate: 15, contentHint: 'detail', degradationPreference: 'maintain-resolution' },
  'low-bandwidth': { maxBitrate: 400_000, scaleResolutionDownBy: 1, maxFramerate: 5, contentHint: 'detail', degradationPreference: 'maintain-resolution' },
};

/**
 * Simulcast layers of a screen track, lowest first: viewers on slow links and
 * supervisors get a lower one. A small capture is sent with fewer layers (see
 * screenLayerScales in web-common): the full-size layer is always the last.
 */
export const SCREEN_SIMULCAST_SCALES = [4, 2, 1] as const;
