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
} as const;

export type ReadoutMessageKey = keyof typeof enReadout;
