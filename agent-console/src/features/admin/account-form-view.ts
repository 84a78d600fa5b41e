import { AccountRoleSchema, LIMITS, type AccountRole } from '@rs/signaling';
import { ROLE_LABELS, StatusLine, h, type MessageKey } from '@rs/web-common';
import { createMaxSessionsInput, createSupervisorSelect, readMaxSessions } from './account-fields';
import { AccountsManager } from './accounts-manager';

const ROLE_NAMES: Record<AccountRole, MessageKey> = { agent: ROLE_LABELS.agent, supervisor: ROLE_LABELS.supervisor, admin: 'role.admin' };

/** "New account": username, display name, role, password, and for agents their maximum of sessions and their supervisor. */
export class AccountFormView {
  readonly element: HTMLElement;
  private readonly fields: Record<'username' | 'displayName' | 'password', HTMLInputElement>;
  private readonly role: HTMLSelectElement;
  private readonly maxSessions = createMaxSessionsInput('account-max-sessions', 1);
  private readonly supervisor = createSupervisorSelect('account-supervisor');
  private readonly agentOnly: HTMLElement;
  private readonly status = new StatusLine('account-status', 'form-error');
  private readonly submit: HTMLButtonElement;

  constructor(private readonly accounts: AccountsManager) {
    const input = (testId: string, type: string, maxlength: number, autocomplete: string): HTMLInputElement =>
      h('input', { className: 'input', testId, attrs: { id: testId, type, maxlength, autocomplete, required: true } });
    this.fields = {
      username: input('account-username', 'text', LIMITS.usernameLength, 'off'),
      displayName: input('account-display-name', 'text', LIMITS.displayNameLength, 'off'),
      password: input('account-password', 'password', LIMITS.passwordLength, 'new-password'),
    };
    this.role = h('select', { className: 'input', testId: 'account-role', attrs: { id: 'account-role' }, on: { change: () => this.renderRole() } },
      AccountRoleSchema.options.map((role) => h('option', { i18n: ROLE_NAMES[role], attrs: { value: role } })),
    );
    this.maxSessions.id = 'account-max-sessions';
    this.supervisor.select.id = 'account-supervisor';
    this.agentOnly = h('div', { className: 'form-row' }, [
      field('admin.maxSessions', this.maxSessions),
      field('admin.supervisor', this.supervisor.select),
    ]);
    this.submit = h('button', { className: 'btn btn-primary', testId: 'account-create', i18n: 'admin.create', attrs: { type: 'submit' } });
    this.element = h('form', { className: 'panel form account-form', testId: 'account-form', attrs: { novalidate: true }, on: { submit: (e) => void this.onSubmit(e) } }, [
      h('h2', { className: 'panel-title', i18n: 'admin.createTitle' }),
      h('div', { className: 'form-row' }, [field('admin.username', this.fields.username), field('admin.displayName', this.fields.displayName)]),
      h('div', { className: 'form-row' }, [
        field('admin.role', this.role),
        field('admin.password', this.fields.password, h('p', { className: 'field-hint', i18n: 'admin.passwordHint', params: { min: LIMITS.minPasswordLength } })),
      ]),
      this.agentOnly,
      this.status.element,
      this.submit,
    ]);
    accounts.events.on('changed', () => this.supervisor.fill(accounts.supervisors(), this.supervisor.select.value || null));
    this.supervisor.fill([], null);
  }

  private renderRole(): void {
    this.agentOnly.hidden = this.role.value !== 'agent';
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const role = AccountRoleSchema.safeParse(this.role.value);
    const maxSessions = readMaxSessions(this.maxSessions);
    const { username, displayName, password } = this.fields;
    if (!role.success || maxSessions === null || !username.value.trim() || !displayName.value.trim() || password.value.length < LIMITS.minPasswordLength) {
      return this.status.show('admin.invalid', 'error', { min: LIMITS.minPasswordLength }, 'invalid');
    }
    this.submit.disabled = true;
    this.status.clear();
    try {
      const agent = role.data === 'agent';
      const created = await this.accounts.create({
        username: username.value.trim().toLowerCase(),
        displayName: displayName.value.trim(),
        role: role.data,
        password: password.value,
        ...(agent ? { maxSessions, supervisorId: this.supervisor.select.value || null } : {}),
      });
      this.status.show('admin.created', 'success', { name: created.username }, 'created');
      for (const each of Object.values(this.fields)) each.value = '';
    } catch (error) {
      this.status.show(AccountsManager.messageFor(error), 'error', { min: LIMITS.minPasswordLength }, 'failed');
    } finally {
      this.submit.disabled = false;
    }
  }
}

function field(label: MessageKey, control: HTMLElement, hint?: HTMLElement): HTMLElement {
  return h('div', { className: 'field' }, [h('label', { i18n: label, attrs: { for: control.id || '' } }), control, hint]);
}
