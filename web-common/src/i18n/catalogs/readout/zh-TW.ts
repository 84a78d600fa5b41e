import type { CatalogPart } from '../en';
import type { enReadout } from './en';

export const zhTWReadout: CatalogPart<typeof enReadout> = {
  'hint.detail': "文字清晰",
  'hint.motion': "動作流暢",
  'source.screen': "螢幕",
  'source.agent-screen': "專員的螢幕",
  'source.mic': "麥克風",
  'source.camera': "攝影機",
  'kind.audio': "音訊",
  'kind.video': "視訊",
};
