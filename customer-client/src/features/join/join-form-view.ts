import { LIMITS } from '@rs/signaling';
import { StatusLine, TypedEmitter, bindText, formatSessionNumber, h, normaliseSessionNumber } from '@rs/web-common';
import type { CustomerCredentials } from './customer-credentials';
import { JoinError, type JoinManager } from './join-manager';

export type JoinFormEvents = { joined: [CustomerCredentials] };

/** The join form: session number (prefilled from the link), name, one generic error line. */
export class JoinFormView {
  readonly events = new TypedEmitter<JoinFormEvents>();
  readonly element: HTMLElement;
  private readonly numberInput: HTMLInputElement;
  private readonly nameInput: HTMLInputElement;
  private readonly submit: HTMLButtonElement;
  private readonly error = new StatusLine('join-error', 'form-error');
  private readonly hint = new StatusLine('join-hint', 'field-hint');

  constructor(
    private readonly manager: JoinManager,
    initialNumber: string | null,
  ) {
    this.error.element.setAttribute('role', 'alert');
    this.numberInput = h('input', {
      className: 'input input-number',
      testId: 'join-number',
      attrs: {
        id: 'join-number',
        type: 'text',
        inputmode: 'numeric',
        autocomplete: 'off',
        maxlength: 15,
        placeholder: '123 456 789',
        'aria-describedby': 'join-number-hint',
        required: true,
      },
      on: { blur: () => this.tidyNumber() },
    });
    this.numberInput.value = initialNumber ? formatSessionNumber(initialNumber) : '';
    this.nameInput = h('input', {
      className: 'input',
      testId: 'join-name',
      attrs: { id: 'join-name', type: 'text', autocomplete: 'name', maxlength: LIMITS.displayNameLength, required: true },
    });
    this.submit = h('button', { className: 'btn btn-primary btn-block', testId: 'join-submit', i18n: 'join.submit', attrs: { type: 'submit' } });
    const form = h('form', { className: 'form', attrs: { novalidate: true }, on: { submit: (event) => void this.onSubmit(event) } }, [
      h('div', { className: 'field' }, [
        h('label', { i18n: 'join.numberLabel', attrs: { for: 'join-number' } }),
        this.numberInput,
        h('p', { className: 'field-hint', i18n: 'join.numberHint', attrs: { id: 'join-number-hint' } }),
      ]),
      h('div', { className: 'field' }, [h('label', { i18n: 'join.nameLabel', attrs: { for: 'join-name' } }), this.nameInput]),
      this.error.element,
      this.hint.element,
      this.submit,
    ]);
    this.element = h('section', { className: 'card join-card', testId: 'join-screen' }, [
      h('h1', { className: 'card-title', i18n: 'join.title' }),
      h('p', { className: 'card-intro', i18n: 'join.intro' }),
      form,
    ]);
  }

  /** Puts the cursor where the customer has something left to type. */
  focus(): void {
    (this.numberInput.value ? this.nameInput : this.numberInput).focus();
  }

  private tidyNumber(): void {
    const digits = normaliseSessionNumber(this.numberInput.value);
    if (digits.length === 9) this.numberInput.value = formatSessionNumber(digits);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submit.disabled) return;
    this.error.clear();
    this.hint.clear();
    this.setBusy(true);
    try {
      const credentials = await this.manager.join(this.numberInput.value, this.nameInput.value);
      this.events.emit('joined', credentials);
    } catch (error) {
      const failure = error instanceof JoinError ? error : new JoinError('error.generic', null);
      this.error.show(failure.messageKey, 'error', failure.params);
      if (failure.hint) this.hint.show(failure.hint, 'info');
      this.numberInput.setAttribute('aria-invalid', String(failure.field === 'number'));
      this.nameInput.setAttribute('aria-invalid', String(failure.field === 'name'));
      (failure.field === 'name' ? this.nameInput : this.numberInput).focus();
    } finally {
      this.setBusy(false);
    }
  }

  private setBusy(busy: boolean): void {
    this.submit.disabled = busy;
    bindText(this.submit, busy ? 'join.joining' : 'join.submit');
    this.element.setAttribute('aria-busy', String(busy));
  }
}
