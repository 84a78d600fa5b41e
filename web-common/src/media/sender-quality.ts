import type { types } from 'mediasoup-client';
import { QUALITY_PRESETS, SCREEN_SIMULCAST_SCALES, type EncoderPreset, type QualityMode } from '@rs/signaling';

/** Below this a layer is not worth sending (the supervisor's view would be unreadable anyway). */
const MIN_LAYER_BITRATE = 50_000;

/**
 * How many simulcast layers Chromium really encodes for a capture of this size.
 * Its encoder (webrtc's simulcast config, "legacy simulcast layer limit") keeps
 * 3 layers from 960x540 up, 2 from 480x270, else 1, and drops the *top*
 * encodings beyond that: an 800x450 screen sent as [1/4, 1/2, 1] sends nothing
 * on the full-size layer and viewers get half the resolution. Asking for no
 * more layers than it keeps makes the last encoding the full-size one.
 */
export function screenLayerCount(width: number, height: number): number {
  const pixels = width * height;
  if (pixels >= 960 * 540) return SCREEN_SIMULCAST_SCALES.length;
  if (pixels >= 480 * 270) return 2;
  return 1;
}

/** The resolution scale of each layer, lowest first; the last one is the full-size layer. */
export function screenLayerScales(count: number): number[] {
  return SCREEN_SIMULCAST_SCALES.slice(SCREEN_SIMULCAST_SCALES.length - Math.max(1, Math.min(count, SCREEN_SIMULCAST_SCALES.length)));
}

/** One layer's encoding under a preset: the preset's scale on top of the layer's, bitrate shrinking with the area. */
function layerEncoding(preset: EncoderPreset, layerScale: number): RTCRtpEncodingParameters {
  return {
    scaleResolutionDownBy: layerScale * preset.scaleResolutionDownBy,
    maxFramerate: preset.maxFramerate,
    maxBitrate: Math.max(MIN_LAYER_BITRATE, Math.round(preset.maxBitrate / (layerScale * layerScale))),
  };
}

/**
 * Firefox ESR's simulcast does not hold for screens. Measured on 140, with a
 * real X screen and with a canvas stream: from run to run the layers' bitrate
 * caps land on other layers (the 1/4 layer at 1.0-1.4 Mbit/s against its
 * 156 kbit/s, the full-size one at 0 bytes, or at 1-2 fps when the caps are
 * handed over reversed), and its own encoder factory allows one layer for
 * screen content. A Firefox customer shares one full-size layer under the
 * mode's preset: every viewer gets that layer, and the sender's congestion
 * control, not a lower layer, answers a slow network.
 */
function simulcastsScreens(userAgent: string): boolean {
  return !/\bFirefox\//.test(userAgent);
}

function browserUserAgent(): string {
  return typeof navigator === 'undefined' ? '' : navigator.userAgent;
}

/**
 * The encodings a screen track is produced with: the mode's preset from the
 * first frame (so what the console shows is what is sent), as many simulcast
 * layers as the browser will encode at the track's size.
 */
export function screenEncodings(track: MediaStreamTrack, mode: QualityMode, userAgent = browserUserAgent()): RTCRtpEncodingParameters[] {
  const { width = 0, height = 0 } = track.getSettings();
  const count = !simulcastsScreens(userAgent) ? 1 : width > 0 && height > 0 ? screenLayerCount(width, height) : SCREEN_SIMULCAST_SCALES.length;
  return screenLayerScales(count).map((scale) => layerEncoding(QUALITY_PRESETS[mode], scale));
}

/** A layer's place, lowest first: mediasoup-client names them r0, r1, r2 in that order (the browser may list them otherwise). */
function layerIndex(encoding: RTCRtpEncodingParameters, index: number): number {
  const match = /^r(\d+)$/.exec(encoding.rid ?? '');
  return match ? Number(match[1]) : index;
}

/**
 * Applies a screen quality mode (R3.4) to a producer's encoder: the top layer
 * gets the preset's bitrate, frame rate and scale; lower layers keep their
 * simulcast scale (times the preset's) and a proportional bitrate; the
 * degradation preference says what goes first (the frame rate).
 */
export async function applyQualityPreset(producer: types.Producer, mode: QualityMode): Promise<boolean> {
  const sender = producer.rtpSender;
  if (!sender) return false;
  const preset = QUALITY_PRESETS[mode];
  // Chromium only: Firefox has no contentHint, the encodings below carry the mode there.
  if (producer.track) producer.track.contentHint = preset.contentHint;
  const parameters = sender.getParameters();
  const wanted = screenLayerScales(parameters.encodings.length).map((scale) => layerEncoding(preset, scale));
  parameters.encodings.forEach((encoding, index) => Object.assign(encoding, wanted[layerIndex(encoding, index)] ?? wanted[wanted.length - 1]));
  parameters.degradationPreference = preset.degradationPreference;
  await sender.setParameters(parameters);
  return true;
}
