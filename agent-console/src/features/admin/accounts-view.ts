import type { AccountProfile } from '@rs/signaling';
import { ROLE_LABELS, StatusLine, askConfirmation, h, replaceChildren, type MessageKey } from '@rs/web-common';
import { openAccountEditDialog } from './account-edit-dialog';
import { createMaxSessionsInput, createSupervisorSelect, readMaxSessions } from './account-fields';
import { AccountsManager } from './accounts-manager';

const ROLE_NAMES: Record<AccountProfile['role'], MessageKey> = { agent: ROLE_LABELS.agent, supervisor: ROLE_LABELS.supervisor, admin: 'role.admin' };

/**
 * Every account: for agents, their maximum of concurrent sessions and their supervisor are edited in
 * place; every account can be edited (name, role, password reset), disabled or enabled, and deleted.
 */
export class AccountsView {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly status = new StatusLine('accounts-status', 'form-error');

  constructor(private readonly accounts: AccountsManager) {
    this.body = h('tbody', { testId: 'account-rows' });
    const header = (['admin.username', 'admin.displayName', 'admin.role', 'admin.status', 'admin.maxSessions', 'admin.supervisor', 'admin.actions'] as const).map((key) =>
      h('th', { i18n: key, attrs: { scope: 'col' } }),
    );
    this.element = h('section', { className: 'panel accounts', testId: 'accounts' }, [
      h('h2', { className: 'panel-title', i18n: 'admin.title' }),
      h('table', { className: 'data-table' }, [h('thead', {}, [h('tr', {}, header)]), this.body]),
      this.status.element,
    ]);
    accounts.events.on('changed', (list) => this.render(list));
  }

  showLoadFailed(key: MessageKey): void {
    this.status.show(key, 'error', undefined, 'load-failed');
  }

  private render(list: AccountProfile[]): void {
    replaceChildren(this.body, list.map((account) => this.row(account)));
  }

  private row(account: AccountProfile): HTMLElement {
    const agent = account.role === 'agent';
    const cells: HTMLElement[] = [
      h('td', { className: 'mono', testId: 'account-row-username', text: account.username }),
      h('td', { userText: account.displayName }),
      h('td', {}, [h('span', { className: `role-badge role-${account.role === 'admin' ? 'supervisor' : account.role}`, i18n: ROLE_NAMES[account.role] })]),
      h('td', {}, [h('span', { className: `state-badge ${account.disabled ? 'state-off' : 'state-on'}`, testId: 'account-state', i18n: account.disabled ? 'admin.disabled' : 'admin.active' })]),
    ];
    const actions = this.lifecycleActions(account);
    if (!agent) {
      cells.push(h('td', { text: '—' }), h('td', { text: '—' }), h('td', { className: 'row-actions' }, actions));
    } else {
      const maxSessions = createMaxSessionsInput('edit-max-sessions', account.maxSessions);
      const supervisor = createSupervisorSelect('edit-supervisor');
      supervisor.fill(this.accounts.supervisors(), account.supervisorId);
      const save = h('button', { className: 'btn btn-secondary btn-small', testId: 'save-account', i18n: 'admin.save', attrs: { type: 'button' } });
      save.addEventListener('click', () => void this.save(account, maxSessions, supervisor.select, save));
      cells.push(h('td', {}, [maxSessions]), h('td', {}, [supervisor.select]), h('td', { className: 'row-actions' }, [save, ...actions]));
    }
    return h('tr', { testId: 'account-row', attrs: { 'data-username': account.username, 'data-role': account.role, 'data-disabled': String(account.disabled) } }, cells);
  }

  /** Edit, Disable / Enable, Delete: the two that cut someone off ask first. */
  private lifecycleActions(account: AccountProfile): HTMLElement[] {
    const button = (testId: string, i18n: MessageKey, onClick: () => Promise<void>) =>
      h('button', {
        className: 'btn btn-secondary btn-small',
        testId,
        i18n,
        attrs: { type: 'button', 'aria-label': `${account.username}` },
        on: { click: () => void this.run(account, onClick) },
      });
    const toggle = account.disabled
      ? button('enable-account', 'admin.enable', () => this.accounts.setDisabled(account.id, false))
      : button('disable-account', 'admin.disable', () => this.confirmThen('disable', account, () => this.accounts.setDisabled(account.id, true)));
    return [
      button('edit-account', 'admin.edit', async () => {
        const changes = await openAccountEditDialog(account);
        if (changes) await this.accounts.update(account.id, changes);
      }),
      toggle,
      button('delete-account', 'admin.delete', () => this.confirmThen('delete', account, () => this.accounts.remove(account.id))),
    ];
  }

  private async confirmThen(what: 'disable' | 'delete', account: AccountProfile, act: () => Promise<void>): Promise<void> {
    const confirmed = await askConfirmation({
      testId: `confirm-${what}`,
      title: what === 'disable' ? 'admin.disableTitle' : 'admin.deleteTitle',
      body: what === 'disable' ? 'admin.disableBody' : 'admin.deleteBody',
      params: { name: account.username },
      confirm: what === 'disable' ? 'admin.disable' : 'admin.delete',
      confirmTestId: `confirm-${what}-yes`,
      cancelTestId: `confirm-${what}-no`,
      danger: true,
    });
    if (confirmed) await act();
  }

  private async run(account: AccountProfile, action: () => Promise<void>): Promise<void> {
    try {
      await action();
      this.status.show('admin.saved', 'success', { name: account.username }, 'saved');
    } catch (error) {
      this.status.show(AccountsManager.messageFor(error), 'error', undefined, 'failed');
    }
  }

  private async save(account: AccountProfile, maxInput: HTMLInputElement, supervisor: HTMLSelectElement, button: HTMLButtonElement): Promise<void> {
    const maxSessions = readMaxSessions(maxInput);
    if (maxSessions === null) return this.status.show('admin.invalidMax', 'error', undefined, 'invalid');
    button.disabled = true;
    try {
      await this.accounts.update(account.id, { maxSessions, supervisorId: supervisor.value || null });
      this.status.show('admin.saved', 'success', { name: account.username }, 'saved');
    } catch (error) {
      this.status.show(AccountsManager.messageFor(error), 'error', undefined, 'failed');
      button.disabled = false;
    }
  }
}
