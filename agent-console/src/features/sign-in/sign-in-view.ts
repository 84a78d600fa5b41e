import type { LoginResponse } from '@rs/signaling';
import { LIMITS } from '@rs/signaling';
import { StatusLine, TypedEmitter, bindText, h } from '@rs/web-common';
import { SignInManager } from './sign-in-manager';

export type SignInEvents = { signedIn: [LoginResponse] };

/** Username and password form. */
export class SignInView {
  readonly events = new TypedEmitter<SignInEvents>();
  readonly element: HTMLElement;
  private readonly username: HTMLInputElement;
  private readonly password: HTMLInputElement;
  private readonly submit: HTMLButtonElement;
  private readonly error = new StatusLine('sign-in-error', 'form-error');

  constructor(private readonly manager: SignInManager) {
    this.error.element.setAttribute('role', 'alert');
    this.username = h('input', {
      className: 'input',
      testId: 'sign-in-username',
      attrs: { id: 'sign-in-username', type: 'text', autocomplete: 'username', maxlength: LIMITS.usernameLength, required: true },
    });
    this.password = h('input', {
      className: 'input',
      testId: 'sign-in-password',
      attrs: { id: 'sign-in-password', type: 'password', autocomplete: 'current-password', maxlength: LIMITS.passwordLength, required: true },
    });
    this.submit = h('button', { className: 'btn btn-primary btn-block', testId: 'sign-in-submit', i18n: 'signIn.submit', attrs: { type: 'submit' } });
    this.element = h('section', { className: 'card sign-in-card', testId: 'sign-in-screen' }, [
      h('h1', { className: 'card-title', i18n: 'signIn.title' }),
      h('form', { className: 'form', attrs: { novalidate: true }, on: { submit: (event) => void this.onSubmit(event) } }, [
        h('div', { className: 'field' }, [h('label', { i18n: 'signIn.username', attrs: { for: 'sign-in-username' } }), this.username]),
        h('div', { className: 'field' }, [h('label', { i18n: 'signIn.password', attrs: { for: 'sign-in-password' } }), this.password]),
        this.error.element,
        this.submit,
      ]),
    ]);
  }

  focus(): void {
    this.username.focus();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submit.disabled) return;
    if (!this.username.value.trim() || !this.password.value) {
      this.error.show('signIn.required', 'error');
      return;
    }
    this.error.clear();
    this.setBusy(true);
    try {
      this.events.emit('signedIn', await this.manager.signIn(this.username.value, this.password.value));
    } catch (error) {
      this.error.show(SignInManager.messageFor(error), 'error');
      this.password.select();
      this.password.focus();
    } finally {
      this.setBusy(false);
    }
  }

  private setBusy(busy: boolean): void {
    this.submit.disabled = busy;
    bindText(this.submit, busy ? 'signIn.signingIn' : 'signIn.submit');
  }
}
