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
};
