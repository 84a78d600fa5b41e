import type { MessageKey } from '../i18n/catalogs/en';
import type { MessageParams } from '../i18n/i18n';
import { h } from './dom';
import type { StatusTone } from './status-line';

/** Short-lived notices stacked in a corner ("Alice joined the session"). */
export class Toaster {
  readonly element: HTMLElement = h('div', {
    className: 'toaster',
    testId: 'toaster',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });

  show(key: MessageKey, params?: MessageParams, tone: StatusTone = 'info', durationMs = 5000): void {
    const toast = h('div', { className: 'toast', testId: 'toast', i18n: key, params, attrs: { 'data-tone': tone } });
    this.element.appendChild(toast);
    window.setTimeout(() => {
      toast.classList.add('toast-leaving');
      window.setTimeout(() => toast.remove(), 300);
    }, durationMs);
  }

  /** Removes every notice at once (a new screen opens: what was said about the old one no longer applies). */
  clear(): void {
    this.element.replaceChildren();
  }
}
