import type { MessageKey } from '../i18n/catalogs/en';
import type { MessageParams } from '../i18n/i18n';
import { focusableIn, h, type Child } from './dom';

export interface ModalAction {
  i18n: MessageKey;
  testId: string;
  variant: 'primary' | 'danger' | 'secondary';
  onSelect: () => void;
  /** Checked first: false keeps the dialog open (the body shows why). */
  validate?: () => boolean;
}

export interface ModalOptions {
  testId: string;
  title: MessageKey;
  titleParams?: MessageParams;
  body: Child[];
  actions: ModalAction[];
  /** Index of the action that gets focus and that Enter triggers. */
  defaultAction: number;
  /** Escape calls this (and closes); without it Escape does nothing. */
  onEscape?: () => void;
}

let nextId = 0;

/**
 * A modal dialog: focus moves in (to the default action) and is trapped until
 * it closes, Escape cancels, Enter triggers the default action, and focus goes
 * back where it was on close.
 */
export class ModalDialog {
  private readonly backdrop: HTMLElement;
  private readonly dialog: HTMLElement;
  private readonly buttons: HTMLButtonElement[];
  private returnFocus: HTMLElement | null = null;
  private isOpen = false;

  constructor(private readonly options: ModalOptions) {
    const titleId = `modal-title-${++nextId}`;
    this.buttons = options.actions.map((action) =>
      h('button', {
        className: `btn btn-${action.variant}`,
        testId: action.testId,
        i18n: action.i18n,
        attrs: { type: 'button' },
        on: { click: () => this.choose(action) },
      }),
    );
    this.dialog = h(
      'div',
      { className: 'modal', testId: options.testId, attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId } },
      [
        h('h2', { className: 'modal-title', i18n: options.title, params: options.titleParams, attrs: { id: titleId } }),
        h('div', { className: 'modal-body' }, options.body),
        h('div', { className: 'modal-actions' }, this.buttons),
      ],
    );
    this.backdrop = h('div', { className: 'modal-backdrop' }, [this.dialog]);
    this.dialog.addEventListener('keydown', (event) => this.onKeyDown(event));
  }

  get opened(): boolean {
    return this.isOpen;
  }

  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.body.appendChild(this.backdrop);
    document.body.classList.add('has-modal');
    (this.buttons[this.options.defaultAction] ?? this.buttons[0])?.focus();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.backdrop.remove();
    if (!document.querySelector('.modal-backdrop')) document.body.classList.remove('has-modal');
    if (this.returnFocus?.isConnected) this.returnFocus.focus();
  }

  private choose(action: ModalAction): void {
    if (action.validate && !action.validate()) return;
    this.close();
    action.onSelect();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.options.onEscape) {
      event.preventDefault();
      this.close();
      this.options.onEscape();
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLAnchorElement)) {
      const action = this.options.actions[this.options.defaultAction];
      if (action) {
        event.preventDefault();
        this.choose(action);
      }
    } else if (event.key === 'Tab') {
      this.trapFocus(event);
    }
  }

  private trapFocus(event: KeyboardEvent): void {
    const focusable = focusableIn(this.dialog);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }
}

/** Asks a yes/no question; resolves true when the confirming action is chosen. */
export function askConfirmation(options: {
  testId: string;
  title: MessageKey;
  body: MessageKey;
  params?: MessageParams;
  confirm: MessageKey;
  confirmTestId: string;
  cancelTestId: string;
  danger?: boolean;
}): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = new ModalDialog({
      testId: options.testId,
      title: options.title,
      titleParams: options.params,
      body: [h('p', { i18n: options.body, params: options.params })],
      actions: [
        { i18n: 'common.cancel', testId: options.cancelTestId, variant: 'secondary', onSelect: () => resolve(false) },
        { i18n: options.confirm, testId: options.confirmTestId, variant: options.danger ? 'danger' : 'primary', onSelect: () => resolve(true) },
      ],
      // A destructive question starts on Cancel; Enter on it cancels too.
      defaultAction: options.danger ? 0 : 1,
      onEscape: () => resolve(false),
    });
    dialog.open();
  });
}
