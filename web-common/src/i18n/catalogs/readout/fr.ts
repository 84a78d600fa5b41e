import type { CatalogPart } from '../en';
import type { enReadout } from './en';

export const frReadout: CatalogPart<typeof enReadout> = {
  'hint.detail': "texte net",
  'hint.motion': "mouvement fluide",
  'source.screen': "écran",
  'source.agent-screen': "écran de l’agent",
  'source.mic': "micro",
  'source.camera': "caméra",
  'kind.audio': "audio",
  'kind.video': "vidéo",
};
