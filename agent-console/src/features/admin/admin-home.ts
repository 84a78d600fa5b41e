import { h, type ApiClient } from '@rs/web-common';
import type { Home } from '../home/staff-context';
import { AccountFormView } from './account-form-view';
import { AdminAuditView } from './admin-audit-view';
import { AccountsManager } from './accounts-manager';
import { AccountsView } from './accounts-view';

/** An admin's home: accounts and their audit log (admins use REST; the server refuses their sockets). */
export function createAdminHome(api: ApiClient, token: string, signOut: () => void): Home {
  const accounts = new AccountsManager(api, token);
  const list = new AccountsView(accounts);
  const form = new AccountFormView(accounts);
  const audit = new AdminAuditView(accounts);
  accounts.events.on('unauthenticated', signOut);
  accounts.load().catch((error: unknown) => list.showLoadFailed(AccountsManager.messageFor(error)));
  return {
    element: h('div', { className: 'admin-home', testId: 'admin-home' }, [list.element, form.element, audit.element]),
    dispose: () => accounts.events.removeAllListeners(),
  };
}
