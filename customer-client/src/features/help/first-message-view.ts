import { QUEUE_LIMITS } from '@rs/signaling';
import { StatusLine, h } from '@rs/web-common';
import type { WaitingRoom } from './waiting-room';

/** "Write to the agent while you wait": saved on the entry, the agent sees it when they take the request. */
export function createFirstMessageView(room: WaitingRoom): HTMLElement {
  const status = new StatusLine('waiting-first-message-status');
  const box = h('textarea', {
    className: 'input input-textarea',
    testId: 'waiting-first-message',
    attrs: { id: 'waiting-first-message', rows: 3, maxlength: QUEUE_LIMITS.firstMessageLength, 'aria-describedby': 'waiting-first-message-hint' },
  });
  box.value = room.status?.firstMessage ?? '';
  const send = h('button', { className: 'btn btn-secondary', testId: 'waiting-first-message-send', i18n: 'waiting.firstMessageSend', attrs: { type: 'submit' } });
  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const text = box.value.trim();
    if (!text || send.disabled) return;
    send.disabled = true;
    status.clear();
    try {
      await room.sendFirstMessage(text);
      status.show('waiting.firstMessageSaved', 'success', undefined, 'saved');
    } catch {
      status.show('waiting.firstMessageFailed', 'error', undefined, 'failed');
    } finally {
      send.disabled = false;
    }
  };
  box.addEventListener('keydown', (event) => {
    // Enter saves, Shift+Enter starts a new line (as in the chat).
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      box.form?.requestSubmit();
    }
  });
  return h('form', { className: 'form first-message', on: { submit: (event) => void submit(event) } }, [
    h('div', { className: 'field' }, [
      h('label', { i18n: 'waiting.firstMessageLabel', attrs: { for: box.id } }),
      box,
      h('p', { className: 'field-hint', i18n: 'waiting.firstMessageHint', attrs: { id: 'waiting-first-message-hint' } }),
    ]),
    h('div', { className: 'form-actions' }, [send, status.element]),
  ]);
}
