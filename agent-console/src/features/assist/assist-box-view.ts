import { ApiError, StatusLine, bindText, h, isSessionNumber, normaliseSessionNumber, type MessageKey } from '@rs/web-common';
import type { SessionWorkspace } from '../session/session-workspace';

/** "Assist a session": another agent's session number, joined as assistant (R1.3). */
export class AssistBoxView {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly button: HTMLButtonElement;
  private readonly error = new StatusLine('assist-error', 'form-error');

  constructor(private readonly workspace: SessionWorkspace) {
    this.error.element.setAttribute('role', 'alert');
    this.input = h('input', {
      className: 'input assist-number',
      testId: 'assist-number',
      i18nAttrs: { 'aria-label': 'console.assistNumber' },
      attrs: { id: 'assist-number', type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: 15, placeholder: '123 456 789' },
    });
    this.button = h('button', { className: 'btn btn-secondary', testId: 'assist-submit', i18n: 'console.assist', attrs: { type: 'submit' } });
    this.element = h('form', { className: 'assist-box', testId: 'assist-box', attrs: { novalidate: true }, on: { submit: (event) => void this.onSubmit(event) } }, [
      h('label', { className: 'assist-label', i18n: 'console.assistTitle', attrs: { for: 'assist-number' } }),
      h('div', { className: 'assist-row' }, [this.input, this.button]),
      this.error.element,
    ]);
  }

  /** Assists the session of a link (`#assist=…`) as if the number had been typed. */
  async assist(sessionNumber: string): Promise<void> {
    this.input.value = sessionNumber;
    await this.submit();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.button.disabled) await this.submit();
  }

  private async submit(): Promise<void> {
    const number = normaliseSessionNumber(this.input.value);
    this.error.clear();
    if (!isSessionNumber(number)) return this.error.show('console.assistInvalid', 'error', undefined, 'invalid');
    this.button.disabled = true;
    bindText(this.button, 'console.assisting');
    try {
      await this.workspace.assist(number);
      this.input.value = '';
    } catch (failure) {
      console.warn('session:assist failed', failure);
      const [key, state] = messageFor(failure);
      this.error.show(key, 'error', undefined, state);
    } finally {
      this.button.disabled = false;
      bindText(this.button, 'console.assist');
    }
  }
}

function messageFor(failure: unknown): [MessageKey, string] {
  const code = failure instanceof ApiError ? failure.code : 'INTERNAL';
  if (code === 'SESSION_NOT_FOUND' || code === 'SESSION_ENDED' || code === 'INVALID_PAYLOAD') return ['console.assistNotFound', 'not-found'];
  return ['console.assistFailed', 'failed'];
}
