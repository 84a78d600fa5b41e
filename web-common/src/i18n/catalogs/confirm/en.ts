/* Confirmations before an action that stops something running (issue 12). */

export const enConfirmConsole = {
  'confirm.transferTitle': "Give control to {name}?",
  'confirm.transferBody': "{name} becomes the agent in control. Remote control and your screen sharing stop; you stay in the session as an assistant.",
  'confirm.transfer': "Give control",
  'confirm.takeOverTitle': "Take over this session?",
  'confirm.takeOverBody': "You become the agent in control and the agent becomes an observer. Remote control in progress stops.",
  'confirm.takeOver': "Take over",
  'confirm.signOutTitle': "Sign out with live sessions?",
  'confirm.signOutBody': "You still have {count, plural, one {# live session} other {# live sessions}}. If you sign out, customers wait without you until you sign in again.",
  'confirm.signOut': "Sign out",
} as const;

export const enConfirmCustomer = {
  'confirm.withdrawTitle': "Withdraw every permission?",
  'confirm.withdrawBody': "Sharing your screen and everything else you allowed stop at once. The agent has to ask again.",
  'confirm.withdraw': "Withdraw",
  'confirm.leaveTitle': "Leave while sharing your screen?",
  'confirm.leaveBody': "Sharing stops and you leave the session. You can join again with the same number.",
  'confirm.leave': "Leave",
} as const;

export type ConfirmMessageKey = keyof typeof enConfirmConsole | keyof typeof enConfirmCustomer;
