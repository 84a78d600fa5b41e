import { QUEUE_LIMITS } from '@rs/signaling';
import { StatusLine, h } from '@rs/web-common';
import type { WaitingRoom } from './waiting-room';

/**
 * Past the queue's maximum wait (R1.1): keep waiting, or leave a message (kept in
 * the record) and leave the queue. Shown until the customer chooses.
 */
export class MaxWaitView {
  readonly element: HTMLElement;
  private readonly messageForm: HTMLFormElement;
  private readonly message: HTMLTextAreaElement;
  private readonly status = new StatusLine('waiting-max-wait-status', 'form-error');

  constructor(private readonly room: WaitingRoom) {
    this.message = h('textarea', {
      className: 'input input-textarea',
      testId: 'waiting-message',
      attrs: { id: 'waiting-message', rows: 4, maxlength: QUEUE_LIMITS.leftMessageLength, required: true },
    });
    const sendButton = h('button', { className: 'btn btn-primary', testId: 'waiting-message-send', i18n: 'waiting.messageSend', attrs: { type: 'submit' } });
    this.messageForm = h('form', { className: 'form', on: { submit: (event) => void this.send(event, sendButton) } }, [
      h('div', { className: 'field' }, [h('label', { i18n: 'waiting.messageLabel', attrs: { for: this.message.id } }), this.message]),
      sendButton,
    ]);
    this.messageForm.hidden = true;
    const keep = h('button', { className: 'btn btn-primary', testId: 'waiting-keep', i18n: 'waiting.keepWaiting', attrs: { type: 'button' }, on: { click: () => void this.keep(keep) } });
    const leaveMessage = h('button', {
      className: 'btn btn-secondary',
      testId: 'waiting-leave-message',
      i18n: 'waiting.leaveMessage',
      attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'waiting-message-form' },
      on: {
        click: () => {
          this.messageForm.hidden = false;
          leaveMessage.setAttribute('aria-expanded', 'true');
          this.message.focus();
        },
      },
    });
    this.messageForm.id = 'waiting-message-form';
    this.element = h('section', { className: 'max-wait', testId: 'waiting-max-wait', attrs: { role: 'alertdialog', 'aria-labelledby': 'max-wait-title' } }, [
      h('h2', { className: 'max-wait-title', i18n: 'waiting.maxWaitTitle', attrs: { id: 'max-wait-title' } }),
      h('p', { i18n: 'waiting.maxWaitBody' }),
      h('div', { className: 'form-actions' }, [keep, leaveMessage]),
      this.messageForm,
      this.status.element,
    ]);
    this.element.hidden = true;
  }

  /** Shown while the maximum wait is reached and the customer has not chosen to keep waiting. */
  render(asking: boolean): void {
    const wasHidden = this.element.hidden;
    this.element.hidden = !asking;
    if (asking && wasHidden) this.element.querySelector<HTMLButtonElement>('[data-testid="waiting-keep"]')?.focus();
  }

  private async keep(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      await this.room.keepWaiting();
    } catch {
      this.status.show('error.generic', 'error', undefined, 'failed');
    } finally {
      button.disabled = false;
    }
  }

  private async send(event: SubmitEvent, button: HTMLButtonElement): Promise<void> {
    event.preventDefault();
    const text = this.message.value.trim();
    if (!text || button.disabled) return this.message.focus();
    button.disabled = true;
    this.status.clear();
    try {
      await this.room.leaveMessage(text);
    } catch {
      this.status.show('waiting.messageFailed', 'error', undefined, 'failed');
      button.disabled = false;
    }
  }
}
