/*
 * Account lifecycle (issue 12): the admin's account actions and audit log, and changing
 * one's own password (console). Kept apart from ../en.ts so each file stays readable.
 */

export const enAccountsConsole = {
  'admin.status': "Status",
  'admin.active': "Active",
  'admin.disabled': "Disabled",
  'admin.enable': "Enable",
  'admin.disable': "Disable",
  'admin.edit': "Edit",
  'admin.delete': "Delete",
  'admin.disableTitle': "Disable {name}?",
  'admin.disableBody': "{name} is signed out everywhere at once and cannot sign in until enabled again. Sessions they are in control of end; the customers are told.",
  'admin.deleteTitle': "Delete {name}?",
  'admin.deleteBody': "The account of {name} is removed and cannot be restored. Past session records keep the name. Sessions they are in control of end.",
  'admin.editTitle': "Edit {name}",
  'admin.newPassword': "New password",
  'admin.editHint': "Leave the password empty to keep it (at least {min} characters otherwise). A new role or password signs the account out everywhere.",
  'admin.lastAdmin': "Refused: there must stay at least one enabled admin, and you cannot lock yourself out.",
  'audit.title': "Account changes",
  'audit.when': "When",
  'audit.who': "By",
  'audit.action': "Change",
  'audit.account': "Account",
  'audit.fields': "Fields",
  'audit.created': "Created",
  'audit.updated': "Edited",
  'audit.disabled': "Disabled",
  'audit.enabled': "Enabled",
  'audit.deleted': "Deleted",
  'audit.passwordChanged': "Changed own password",
  'password.open': "Change password",
  'password.title': "Change your password",
  'password.current': "Current password",
  'password.new': "New password",
  'password.again': "New password again",
  'password.hint': "At least {min} characters. Your other signed-in tabs and devices are signed out.",
  'password.save': "Change password",
  'password.tooShort': "The new password needs at least {min} characters.",
  'password.mismatch': "The two new passwords differ.",
  'password.wrongCurrent': "The current password is wrong.",
  'password.changed': "Password changed. Other devices are signed out.",
} as const;

export type AccountsMessageKey = keyof typeof enAccountsConsole;
