import type { AdminAction, AdminAuditEntry } from '@rs/signaling';
import { formatDateTime, h, replaceChildren, type MessageKey } from '@rs/web-common';
import type { AccountsManager } from './accounts-manager';

const ACTION_NAMES: Record<AdminAction, MessageKey> = {
  'account:created': 'audit.created',
  'account:updated': 'audit.updated',
  'account:disabled': 'audit.disabled',
  'account:enabled': 'audit.enabled',
  'account:deleted': 'audit.deleted',
  'password:changed': 'audit.passwordChanged',
};

/** The admin audit log: who changed which account, when, and which fields (never values). */
export class AdminAuditView {
  readonly element: HTMLElement;
  private readonly body = h('tbody', { testId: 'audit-rows' });

  constructor(accounts: AccountsManager) {
    const header = (['audit.when', 'audit.who', 'audit.action', 'audit.account', 'audit.fields'] as const).map((key) => h('th', { i18n: key, attrs: { scope: 'col' } }));
    this.element = h('section', { className: 'panel admin-audit', testId: 'admin-audit' }, [
      h('h2', { className: 'panel-title', i18n: 'audit.title' }),
      h('table', { className: 'data-table' }, [h('thead', {}, [h('tr', {}, header)]), this.body]),
    ]);
    accounts.events.on('audit', (entries) => this.render(entries));
  }

  private render(entries: AdminAuditEntry[]): void {
    replaceChildren(this.body, entries.map((entry) =>
      h('tr', { testId: 'audit-row', attrs: { 'data-action': entry.action } }, [
        h('td', { text: formatDateTime(entry.at) }),
        h('td', { userText: entry.actorName }),
        h('td', { i18n: ACTION_NAMES[entry.action] }),
        h('td', { className: 'mono', userText: entry.targetName }),
        h('td', { text: entry.fields.join(', ') }),
      ]),
    ));
  }
}
