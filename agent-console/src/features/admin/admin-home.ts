import { h, type ApiClient } from '@rs/web-common';
import type { Home } from '../home/staff-context';
import { AccountFormView } from './account-form-view';
import { AdminAuditView } from './admin-audit-view';
import { AccountsManager } from './accounts-manager';
import { AccountsView } from './accounts-view';
import { createAdminTabs } from './admin-tabs';
import { QueueAdminManager } from './queue-admin-manager';
import { QueueEditorView } from './queue-editor-view';
import { QueuesAdminView } from './queues-admin-view';
import { QuickPhrasesAdminView } from './quick-phrases-admin-view';

/** An admin's home (admins use REST; the server refuses their sockets): accounts and their audit log, support queues, quick phrases. */
export function createAdminHome(api: ApiClient, token: string, signOut: () => void): Home {
  const accounts = new AccountsManager(api, token);
  const list = new AccountsView(accounts);
  const form = new AccountFormView(accounts);
  const audit = new AdminAuditView(accounts);
  accounts.events.on('unauthenticated', signOut);
  accounts.load().catch((error: unknown) => list.showLoadFailed(AccountsManager.messageFor(error)));

  const queues = new QueueAdminManager(api, token);
  const editor = new QueueEditorView(queues);
  const queueList = new QueuesAdminView(queues, editor);
  const phrases = new QuickPhrasesAdminView(queues);
  queues.events.on('unauthenticated', signOut);
  // Agents created in the Accounts tab become possible members.
  accounts.events.on('changed', () => void queues.load().catch(() => undefined));
  queues.load().catch((error: unknown) => console.warn('queues could not be loaded', error));

  const tabs = createAdminTabs([
    { id: 'accounts', label: 'admin.tabAccounts', content: [list.element, form.element, audit.element] },
    { id: 'queues', label: 'admin.tabQueues', content: [queueList.element, editor.element] },
    { id: 'phrases', label: 'admin.tabPhrases', content: [phrases.element] },
  ]);
  return {
    element: h('div', { className: 'admin-home', testId: 'admin-home' }, [tabs]),
    dispose: () => {
      accounts.events.removeAllListeners();
      queues.events.removeAllListeners();
    },
  };
}
