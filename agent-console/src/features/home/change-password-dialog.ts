import { LIMITS, type LoginResponse } from '@rs/signaling';
import { ApiError, ModalDialog, StatusLine, h, type ApiClient, type MessageKey } from '@rs/web-common';

/**
 * "Change password" for the signed-in account: the current password, the new one twice.
 * Resolves with the fresh credentials (every earlier token of the account stops working,
 * this tab's included), or null when cancelled. Opens again on a refusal and says why.
 */
export function openChangePasswordDialog(api: ApiClient, token: string): Promise<LoginResponse | null> {
  const input = (testId: string, autocomplete: string) =>
    h('input', { className: 'input', testId, attrs: { id: testId, type: 'password', maxlength: LIMITS.passwordLength, autocomplete } });
  const current = input('current-password', 'current-password');
  const next = input('new-password', 'new-password');
  const again = input('new-password-again', 'new-password');
  const status = new StatusLine('password-status', 'form-error');
  const field = (label: MessageKey, control: HTMLElement) => h('div', { className: 'field' }, [h('label', { i18n: label, attrs: { for: control.id } }), control]);
  return new Promise((resolve) => {
    const dialog: ModalDialog = new ModalDialog({
      testId: 'change-password-dialog',
      title: 'password.title',
      body: [
        field('password.current', current),
        field('password.new', next),
        field('password.again', again),
        h('p', { className: 'field-hint', i18n: 'password.hint', params: { min: LIMITS.minPasswordLength } }),
        status.element,
      ],
      actions: [
        { i18n: 'common.cancel', testId: 'change-password-cancel', variant: 'secondary', onSelect: () => resolve(null) },
        { i18n: 'password.save', testId: 'change-password-save', variant: 'primary', onSelect: () => void submit() },
      ],
      defaultAction: 1,
      onEscape: () => resolve(null),
    });
    const refuse = (key: MessageKey, params?: { min: number }): void => {
      status.show(key, 'error', params, 'failed');
      dialog.open();
      current.focus();
    };
    const submit = async (): Promise<void> => {
      if (next.value.length < LIMITS.minPasswordLength) return refuse('password.tooShort', { min: LIMITS.minPasswordLength });
      if (next.value !== again.value) return refuse('password.mismatch');
      try {
        resolve(await api.changePassword(token, { currentPassword: current.value, newPassword: next.value }));
      } catch (error) {
        refuse(messageFor(error));
      }
    };
    dialog.open();
    current.focus();
  });
}

function messageFor(error: unknown): MessageKey {
  const code = error instanceof ApiError ? error.code : 'INTERNAL';
  if (code === 'INVALID_CREDENTIALS') return 'password.wrongCurrent';
  if (code === 'RATE_LIMITED') return 'signIn.rateLimited';
  if (code === 'NETWORK_ERROR') return 'error.network';
  return 'error.generic';
}
