import type { CatalogPart } from '../en';
import type { enRecordsConsole, enRecordsCustomer } from './en';

export const zhTWRecordsConsole: CatalogPart<typeof enRecordsConsole> = {
  'admission.title': "等待加入",
  'admission.asking': "{name} 請求加入",
  'admission.askingToast': "{name} 請求加入此工作階段",
  'admission.admit': "允許加入",
  'admission.decline': "拒絕",
  'admission.onlyController': "由主控客服人員允許或拒絕。",
  'admission.failed': "無法送出回覆。",
};

export const zhTWRecordsCustomer: CatalogPart<typeof enRecordsCustomer> = {
  'admission.waitTitle': "等待允許加入",
  'admission.waitBody': "此工作階段中已有另一位客戶。客服人員稍後會讓您加入；在此之前，您看不到也聽不到工作階段的任何內容。",
  'ended.declined': "客服人員未允許您加入此工作階段",
};
