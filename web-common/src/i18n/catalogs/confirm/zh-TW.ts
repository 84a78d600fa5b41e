import type { CatalogPart } from '../en';
import type { enConfirmConsole, enConfirmCustomer } from './en';

export const zhTWConfirmConsole: CatalogPart<typeof enConfirmConsole> = {
  'confirm.transferTitle': "將控制權交給 {name}？",
  'confirm.transferBody': "{name} 會成為控制工作階段的專員。遠端控制與您的螢幕分享會停止；您會以助理身分留在工作階段中。",
  'confirm.transfer': "交出控制權",
  'confirm.takeOverTitle': "接管此工作階段？",
  'confirm.takeOverBody': "您會成為控制工作階段的專員，原專員改為觀察者。進行中的遠端控制會停止。",
  'confirm.takeOver': "接管",
  'confirm.signOutTitle': "仍有進行中的工作階段，確定登出？",
  'confirm.signOutBody': "您還有 {count} 個進行中的工作階段。登出後，客戶會在沒有您的情況下等待，直到您再次登入。",
  'confirm.signOut': "登出",
};

export const zhTWConfirmCustomer: CatalogPart<typeof enConfirmCustomer> = {
  'confirm.withdrawTitle': "撤回所有權限？",
  'confirm.withdrawBody': "螢幕分享與您允許的其他一切會立即停止。專員必須重新詢問。",
  'confirm.withdraw': "撤回",
  'confirm.leaveTitle': "正在分享螢幕，確定離開？",
  'confirm.leaveBody': "分享會停止，您會離開工作階段。您可以用同一個號碼再次加入。",
  'confirm.leave': "離開",
};
