/* Words of the quality readout (console): content hints, media sources and kinds. */

export const enReadout = {
  'hint.detail': "sharp text",
  'hint.motion': "smooth motion",
  'source.screen': "screen",
  'source.agent-screen': "agent’s screen",
  'source.mic': "microphone",
  'source.camera': "camera",
  'kind.audio': "audio",
  'kind.video': "video",
  'picture.full': "Full resolution ({width} × {height}), as captured",
  'picture.mode': "Full resolution ({width} × {height}); the chosen mode limits it to {fps} frames per second",
  'picture.mode-bitrate': "Reduced to {width} × {height} of {captureWidth} × {captureHeight}: the screen changes more than the chosen mode’s {kbps} kbit/s carry at full size",
  'picture.bandwidth': "Reduced to {width} × {height} of {captureWidth} × {captureHeight}: the network connection is too slow for more",
  'picture.cpu': "Reduced to {width} × {height} of {captureWidth} × {captureHeight}: the customer’s computer is too busy to send more",
  'picture.viewer': "You watch a lighter copy ({width} × {height} of {captureWidth} × {captureHeight}); choose Full quality to see all of it",
  'picture.starting': "Measuring the picture…",
} as const;

export type ReadoutMessageKey = keyof typeof enReadout;
