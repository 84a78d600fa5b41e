import type { CatalogPart } from '../en';
import type { enReadout } from './en';

export const nlReadout: CatalogPart<typeof enReadout> = {
  'hint.detail': "scherpe tekst",
  'hint.motion': "vloeiende beweging",
  'source.screen': "scherm",
  'source.agent-screen': "scherm van de agent",
  'source.mic': "microfoon",
  'source.camera': "camera",
  'kind.audio': "audio",
  'kind.video': "video",
  'picture.full': "Volledige resolutie ({width} × {height}), zoals vastgelegd",
  'picture.mode': "Volledige resolutie ({width} × {height}); de gekozen modus beperkt het tot {fps} beelden per seconde",
  'picture.mode-bitrate': "Verkleind tot {width} × {height} van {captureWidth} × {captureHeight}: het scherm verandert meer dan de {kbps} kbit/s van de gekozen modus op volle grootte overbrengen",
  'picture.bandwidth': "Verkleind tot {width} × {height} van {captureWidth} × {captureHeight}: de netwerkverbinding is te traag voor meer",
  'picture.cpu': "Verkleind tot {width} × {height} van {captureWidth} × {captureHeight}: de computer van de klant is te druk om meer te sturen",
  'picture.viewer': "U bekijkt een lichtere kopie ({width} × {height} van {captureWidth} × {captureHeight}); kies Volledige kwaliteit om alles te zien",
  'picture.starting': "Beeld wordt gemeten…",
};
