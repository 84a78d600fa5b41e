import { bindText, h, type MessageKey } from '@rs/web-common';

const COPIED_FEEDBACK_MS = 2000;

/** A read-only link with a Copy button ("Copied!", or the link selected when the clipboard refuses). */
export function createCopyField(options: { value: string; label: MessageKey; copy: MessageKey; testId: string; copyTestId: string }): HTMLElement {
  const input = h('input', {
    className: 'input join-link',
    testId: options.testId,
    attrs: { type: 'text', readonly: true, id: `${options.testId}-${Math.random().toString(36).slice(2, 8)}` },
    on: { focus: () => input.select() },
  });
  input.value = options.value;
  const button = h('button', { className: 'btn btn-secondary', testId: options.copyTestId, i18n: options.copy, attrs: { type: 'button' } });
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(options.value).then(
      () => bindText(button, 'invite.copied'),
      () => {
        input.focus();
        input.select();
        bindText(button, 'invite.copyFailed');
      },
    );
    window.setTimeout(() => bindText(button, options.copy), COPIED_FEEDBACK_MS);
  });
  return h('div', { className: 'copy-field' }, [
    h('label', { className: 'invitation-label', i18n: options.label, attrs: { for: input.id } }),
    h('div', { className: 'copy-row' }, [input, button]),
  ]);
}
