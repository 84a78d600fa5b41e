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
  'picture.full': "Pleine résolution ({width} × {height}), telle que capturée",
  'picture.mode': "Pleine résolution ({width} × {height}) ; le mode choisi la limite à {fps} images par seconde",
  'picture.mode-bitrate': "Réduite à {width} × {height} sur {captureWidth} × {captureHeight} : l’écran change plus que ce que les {kbps} kbit/s du mode choisi transmettent en pleine taille",
  'picture.bandwidth': "Réduite à {width} × {height} sur {captureWidth} × {captureHeight} : la connexion réseau est trop lente pour plus",
  'picture.cpu': "Réduite à {width} × {height} sur {captureWidth} × {captureHeight} : l’ordinateur du client est trop occupé pour envoyer plus",
  'picture.viewer': "Vous regardez une copie allégée ({width} × {height} sur {captureWidth} × {captureHeight}) ; choisissez Qualité maximale pour tout voir",
  'picture.starting': "Mesure de l’image…",
};
