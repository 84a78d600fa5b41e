import type { MessageKey } from '../i18n/catalogs/en';
import type { MessageParams } from '../i18n/i18n';
import { bindText } from '../i18n/translate-dom';
import { h } from './dom';

export type StatusTone = 'info' | 'success' | 'warning' | 'error' | 'progress';

/** One line of state for a screen reader and the eye (role=status, polite). */
export class StatusLine {
  readonly element: HTMLElement;

  constructor(testId: string, className = '') {
    this.element = h('p', {
      className: `status-line ${className}`.trim(),
      testId,
      attrs: { role: 'status', 'aria-live': 'polite' },
    });
    this.element.hidden = true;
  }

  /** Shows a message; `state` also lands in `data-state` for tests and styling. */
  show(key: MessageKey, tone: StatusTone = 'info', params?: MessageParams, state?: string): void {
    bindText(this.element, key, params);
    this.element.dataset.tone = tone;
    if (state) this.element.dataset.state = state;
    else delete this.element.dataset.state;
    this.element.hidden = false;
  }

  clear(): void {
    this.element.hidden = true;
    this.element.textContent = '';
    delete this.element.dataset.i18n;
    delete this.element.dataset.state;
  }
}
