import { AccountRoleSchema, LIMITS, type AccountProfile, type AccountRole, type UpdateAccountRequest } from '@rs/signaling';
import { ModalDialog, ROLE_LABELS, h, type MessageKey } from '@rs/web-common';

const ROLE_NAMES: Record<AccountRole, MessageKey> = { agent: ROLE_LABELS.agent, supervisor: ROLE_LABELS.supervisor, admin: 'role.admin' };

/**
 * "Edit account": display name, role and a password reset (left empty: unchanged).
 * Resolves with the changed fields only, or null when cancelled or nothing changed.
 * A new role or password signs the account out everywhere (said in the dialog).
 */
export function openAccountEditDialog(account: AccountProfile): Promise<UpdateAccountRequest | null> {
  const displayName = h('input', { className: 'input', testId: 'edit-display-name', attrs: { id: 'edit-display-name', maxlength: LIMITS.displayNameLength, autocomplete: 'off' } });
  displayName.value = account.displayName;
  const role = h('select', { className: 'input', testId: 'edit-role', attrs: { id: 'edit-role' } },
    AccountRoleSchema.options.map((value) => h('option', { i18n: ROLE_NAMES[value], attrs: { value } })),
  );
  role.value = account.role;
  const password = h('input', {
    className: 'input',
    testId: 'edit-password',
    attrs: { id: 'edit-password', type: 'password', maxlength: LIMITS.passwordLength, minlength: LIMITS.minPasswordLength, autocomplete: 'new-password' },
  });
  const field = (label: MessageKey, control: HTMLElement) => h('div', { className: 'field' }, [h('label', { i18n: label, attrs: { for: control.id } }), control]);
  return new Promise((resolve) => {
    const collect = (): UpdateAccountRequest | null => {
      const changes: UpdateAccountRequest = {};
      const name = displayName.value.trim();
      if (name && name !== account.displayName) changes.displayName = name;
      const newRole = AccountRoleSchema.safeParse(role.value);
      if (newRole.success && newRole.data !== account.role) changes.role = newRole.data;
      if (password.value) changes.password = password.value;
      return Object.keys(changes).length > 0 ? changes : null;
    };
    const dialog = new ModalDialog({
      testId: 'edit-account-dialog',
      title: 'admin.editTitle',
      titleParams: { name: account.username },
      body: [
        field('admin.displayName', displayName),
        field('admin.role', role),
        field('admin.newPassword', password),
        h('p', { className: 'field-hint', i18n: 'admin.editHint', params: { min: LIMITS.minPasswordLength } }),
      ],
      actions: [
        { i18n: 'common.cancel', testId: 'edit-account-cancel', variant: 'secondary', onSelect: () => resolve(null) },
        { i18n: 'admin.save', testId: 'edit-account-save', variant: 'primary', onSelect: () => resolve(collect()) },
      ],
      defaultAction: 1,
      onEscape: () => resolve(null),
    });
    dialog.open();
    displayName.focus();
  });
}
