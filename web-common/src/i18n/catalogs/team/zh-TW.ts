import type { CatalogPart } from '../en';
import type { enTeamConsole, enTeamCustomer, enTeamShared } from './en';

export const zhTWTeamConsole: CatalogPart<typeof enTeamConsole> = {
  'invite.renew': "新號碼",
  'invite.renewing': "正在產生新號碼…",
  'invite.renewed': "新號碼 {number}：請把這個號碼給客戶（舊號碼已失效）。",
  'invite.renewFailed': "無法產生新號碼，請再試一次。",
  'invite.numberInUse': "已有客戶使用此號碼：在整個工作階段中都有效。",
};

export const zhTWTeamCustomer: CatalogPart<typeof enTeamCustomer> = {
  'join.askNewNumber': "號碼若未及時使用或工作階段結束便會失效。請向協助您的人員索取新號碼。",
  'ended.askNewNumber': "還需要協助嗎？請向協助您的人員索取新的工作階段號碼後再加入。",
  'cue.message': "{count, plural, other {(#) 則新訊息}}",
  'cue.agentJoined': "{name} 已加入",
  'cue.admitted': "您已進入工作階段",
  'cue.voice': "語音通話已開始",
  'cue.sound': "聲音提醒",
};

export const zhTWTeamShared: CatalogPart<typeof enTeamShared> = {
  'color.red': "紅色",
  'color.yellow': "黃色",
  'color.blue': "藍色",
  'color.green': "綠色",
  'color.black': "黑色",
};
