import type { types } from 'mediasoup-client';
import { QUALITY_PRESETS, SCREEN_SIMULCAST_SCALES, type QualityMode } from '@rs/signaling';

/** The encodings a screen is sent with: 3 simulcast layers, bitrate shrinking with the layer's area. */
export function screenEncodings(): RTCRtpEncodingParameters[] {
  return SCREEN_SIMULCAST_SCALES.map((scale) => ({ scaleResolutionDownBy: scale, maxBitrate: scale === 1 ? 2_500_000 : Math.round(2_500_000 / (scale * scale)) }));
}

/**
 * Applies a screen quality mode (R3.4) to a producer's encoder: the top layer
 * gets the preset's bitrate, frame rate and scale; lower layers keep their
 * simulcast scale (times the preset's) and a proportional bitrate.
 */
export async function applyQualityPreset(producer: types.Producer, mode: QualityMode): Promise<boolean> {
  const sender = producer.rtpSender;
  if (!sender) return false;
  const preset = QUALITY_PRESETS[mode];
  if (producer.track) producer.track.contentHint = preset.contentHint;
  const parameters = sender.getParameters();
  const count = parameters.encodings.length;
  parameters.encodings.forEach((encoding, index) => {
    const layerScale = count > 1 ? (SCREEN_SIMULCAST_SCALES[index] ?? 1) : 1;
    encoding.scaleResolutionDownBy = layerScale * preset.scaleResolutionDownBy;
    encoding.maxFramerate = preset.maxFramerate;
    encoding.maxBitrate = Math.max(50_000, Math.round(preset.maxBitrate / (layerScale * layerScale)));
  });
  parameters.degradationPreference = preset.contentHint === 'detail' ? 'maintain-resolution' : 'maintain-framerate';
  await sender.setParameters(parameters);
  return true;
}
