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
  'picture.full': "完整解析度（{width} × {height}），與擷取的畫面相同",
  'picture.mode': "完整解析度（{width} × {height}）；所選模式將其限制為每秒 {fps} 格",
  'picture.mode-bitrate': "已降為 {width} × {height}（原為 {captureWidth} × {captureHeight}）：畫面變化太多，所選模式的 {kbps} kbit/s 無法以完整解析度傳送",
  'picture.bandwidth': "已降為 {width} × {height}（原為 {captureWidth} × {captureHeight}）：網路連線太慢，無法傳送更多",
  'picture.cpu': "已降為 {width} × {height}（原為 {captureWidth} × {captureHeight}）：客戶的電腦太忙，無法傳送更多",
  'picture.viewer': "您正在觀看較輕量的畫面（{width} × {height}，原為 {captureWidth} × {captureHeight}）；選擇「完整品質」即可看到全部",
  'picture.starting': "正在測量畫面…",
};
