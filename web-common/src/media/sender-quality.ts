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
 * Firefox ESR (153, its libwebrtc simulcast) applies the encodings' bitrate
 * caps to the layers in the reverse order of their sizes: measured, the
 * 1/4-size layer ran at 1.1-1.7 Mbit/s (the top layer's cap) and the full-size
 * layer, given the 1/4 layer's 156 kbit/s, sent 0 bytes. There the caps are
 * handed over reversed, so each layer ends up with its own.
 */
function reversesLayerBitrates(): boolean {
  return typeof navigator !== 'undefined' && /\bFirefox\//.test(navigator.userAgent);
}

/** Every layer's encoding, lowest first, with the caps where this browser applies them. */
function layerEncodings(preset: EncoderPreset, scales: number[]): RTCRtpEncodingParameters[] {
  const encodings = scales.map((scale) => layerEncoding(preset, scale));
  if (!reversesLayerBitrates()) return encodings;
  const caps = encodings.map((encoding) => encoding.maxBitrate).reverse();
  return encodings.map((encoding, index) => ({ ...encoding, maxBitrate: caps[index] }));
}

/**
 * The encodings a screen track is produced with: the mode's preset from the
 * first frame (so what the console shows is what is sent), as many simulcast
 * layers as the browser will encode at the track's size.
 */
export function screenEncodings(track: MediaStreamTrack, mode: QualityMode): RTCRtpEncodingParameters[] {
  const { width = 0, height = 0 } = track.getSettings();
  const count = width > 0 && height > 0 ? screenLayerCount(width, height) : SCREEN_SIMULCAST_SCALES.length;
  return layerEncodings(QUALITY_PRESETS[mode], screenLayerScales(count));
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
  const wanted = layerEncodings(preset, screenLayerScales(parameters.encodings.length));
  parameters.encodings.forEach((encoding, index) => Object.assign(encoding, wanted[layerIndex(encoding, index)] ?? wanted[wanted.length - 1]));
  parameters.degradationPreference = preset.degradationPreference;
  await sender.setParameters(parameters);
  return true;
}
