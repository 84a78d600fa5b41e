import type { AccountProfile, AccountRole } from '@rs/signaling';
import { ROLE_LABELS, h, type MessageKey } from '@rs/web-common';

const ROLE_NAMES: Record<AccountRole, MessageKey> = { agent: ROLE_LABELS.agent, supervisor: ROLE_LABELS.supervisor, admin: 'role.admin' };

/** Header items of the signed-in account: History, who, which role, Change password, Sign out. */
export function createAccountHeaderItems(account: AccountProfile, signOut: () => void, changePassword: () => void, openHistory: () => void): HTMLElement[] {
  return [
    h('button', { className: 'btn btn-ghost btn-small', testId: 'open-history', i18n: 'history.open', attrs: { type: 'button' }, on: { click: openHistory } }),
    h('span', { className: 'signed-in', testId: 'signed-in-as', i18n: 'console.signedInAs', params: { name: account.displayName } }),
    h('span', { className: `role-badge role-${account.role === 'admin' ? 'supervisor' : account.role}`, testId: 'signed-in-role', i18n: ROLE_NAMES[account.role] }),
    h('button', { className: 'btn btn-ghost btn-small', testId: 'change-password', i18n: 'password.open', attrs: { type: 'button' }, on: { click: changePassword } }),
    h('button', { className: 'btn btn-ghost btn-small', testId: 'sign-out', i18n: 'console.signOut', attrs: { type: 'button' }, on: { click: signOut } }),
  ];
}
