import { LIMITS, type ChatMessage, type ParticipantId } from '@rs/signaling';
import { errorCodeOf } from '../connection/api-error';
import { bindClockTime, bindText } from '../i18n/translate-dom';
import { h, replaceChildren, setUserText } from './dom';
import { StatusLine } from './status-line';

export interface ChatRecipient {
  id: ParticipantId;
  name: string;
}

export interface ChatPanelOptions {
  send: (text: string, to: ParticipantId | null) => Promise<void>;
  selfId: () => ParticipantId | null;
  nameOf: (id: ParticipantId) => string | undefined;
}

/** The chat of a session: messages with sender, time and a private marker, and a composer. */
export class ChatPanelView {
  readonly element: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly empty: HTMLElement;
  private readonly recipient: HTMLSelectElement;
  /** Keeps the chosen recipient after a private message (otherwise it returns to Everyone). */
  private readonly pin: HTMLInputElement;
  /** The message box (quick phrases hook into it, issue 10). */
  readonly input: HTMLInputElement;
  private readonly tools: HTMLElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly error = new StatusLine('chat-error', 'chat-error');
  private hasRecipient = true;
  private everyone = true;

  constructor(private readonly options: ChatPanelOptions) {
    this.list = h('ol', { className: 'chat-messages', testId: 'chat-messages', attrs: { role: 'log', 'aria-live': 'polite' } });
    this.empty = h('p', { className: 'chat-empty', i18n: 'chat.empty' });
    this.recipient = h('select', { className: 'chat-recipient', testId: 'chat-recipient', attrs: { id: uniqueId('chat-to') } });
    this.pin = h('input', { testId: 'chat-pin', attrs: { type: 'checkbox', id: uniqueId('chat-pin') } });
    this.input = h('input', {
      className: 'chat-input',
      testId: 'chat-input',
      i18nAttrs: { placeholder: 'chat.placeholder', 'aria-label': 'chat.message' },
      attrs: { type: 'text', maxlength: LIMITS.chatTextLength, autocomplete: 'off' },
    });
    this.sendButton = h('button', { className: 'btn btn-primary', testId: 'chat-send', i18n: 'chat.send', attrs: { type: 'submit' } });
    const form = h('form', { className: 'chat-composer', on: { submit: (event) => void this.onSubmit(event) } }, [
      h('div', { className: 'chat-to' }, [
        h('label', { i18n: 'chat.to', attrs: { for: this.recipient.id } }),
        this.recipient,
        h('label', { className: 'chat-pin' }, [this.pin, h('span', { i18n: 'chat.keepRecipient' })]),
      ]),
      h('div', { className: 'chat-entry' }, [this.input, this.sendButton]),
    ]);
    this.tools = h('div', { className: 'chat-tools' });
    this.tools.hidden = true;
    form.appendChild(this.tools);
    this.element = h('section', { className: 'panel chat-panel', testId: 'chat-panel' }, [
      h('h2', { className: 'panel-title', i18n: 'chat.title' }),
      this.empty,
      this.list,
      this.error.element,
      form,
    ]);
    this.setRecipients([]);
  }

  setMessages(messages: ChatMessage[]): void {
    replaceChildren(this.list, messages.map((message) => this.renderMessage(message)));
    this.afterChange(true);
  }

  /** A whisper or private message to me: the reply goes back to its sender by default. */
  appendMessage(message: ChatMessage): void {
    const selfId = this.options.selfId();
    if (message.to !== null && message.to === selfId && !this.pin.checked) this.selectRecipient(message.from);
    const nearBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 48;
    this.list.appendChild(this.renderMessage(message));
    this.afterChange(nearBottom || message.from === this.options.selfId());
  }

  /**
   * Everyone (unless `everyone` is false: a supervisor only whispers) plus
   * these participants; keeps the current choice while it is still present.
   */
  setRecipients(recipients: ChatRecipient[], everyone = true): void {
    const previous = this.recipient.value;
    replaceChildren(this.recipient, [
      everyone ? h('option', { i18n: 'common.everyone', attrs: { value: '' } }) : null,
      ...recipients.map((recipient) => h('option', { userText: recipient.name, attrs: { value: recipient.id } })),
    ]);
    this.everyone = everyone;
    const fallback = everyone ? '' : (recipients[0]?.id ?? '');
    this.recipient.value = recipients.some((recipient) => recipient.id === previous) ? previous : fallback;
    this.hasRecipient = everyone || recipients.length > 0;
    this.sendButton.disabled = !this.hasRecipient;
  }

  private selectRecipient(id: ParticipantId): void {
    if ([...this.recipient.options].some((option) => option.value === id)) this.recipient.value = id;
  }

  /** Adds a control under the message box (e.g. the agent's quick-phrase picker). */
  addComposerTool(tool: HTMLElement): void {
    this.tools.appendChild(tool);
    this.tools.hidden = false;
  }

  /** Puts text at the cursor (replacing `replace` characters before it), then focuses the box. */
  insertText(text: string, replace = 0): void {
    const end = this.input.selectionEnd ?? this.input.value.length;
    const start = Math.max(0, (this.input.selectionStart ?? end) - replace);
    this.input.setRangeText(text, start, end, 'end');
    this.input.focus();
  }

  private renderMessage(message: ChatMessage): HTMLLIElement {
    const mine = message.from === this.options.selfId();
    const sender = h('span', { className: 'chat-sender' });
    if (mine) bindText(sender, 'common.you');
    else setUserText(sender, message.fromName);
    const time = h('time', { className: 'chat-time', testId: 'chat-time', attrs: { datetime: new Date(message.sentAt).toISOString() } });
    bindClockTime(time, message.sentAt);
    const meta = h('div', { className: 'chat-meta' }, [
      sender,
      time,
    ]);
    if (message.to !== null) meta.appendChild(this.renderPrivateMarker(message, mine, message.to));
    const kind = message.whisper ? ' chat-message-whisper' : message.to !== null ? ' chat-message-private' : '';
    return h(
      'li',
      {
        className: `chat-message${mine ? ' chat-message-mine' : ''}${kind}`,
        testId: 'chat-message',
        attrs: { 'data-from': message.from, 'data-private': String(message.to !== null), 'data-whisper': String(message.whisper) },
      },
      [meta, h('p', { className: 'chat-text', testId: 'chat-message-text', userText: message.text })],
    );
  }

  /** "Private" / "Private, to Ann", or for a supervisor's message "Whisper" / "Whisper to Ann". */
  private renderPrivateMarker(message: ChatMessage, mine: boolean, to: ParticipantId): HTMLElement {
    const marker = h('span', { className: message.whisper ? 'chat-private chat-whisper' : 'chat-private', testId: message.whisper ? 'chat-whisper' : 'chat-private' });
    const name = this.options.nameOf(to) ?? '…';
    if (message.whisper) bindText(marker, mine ? 'chat.whisperTo' : 'chat.whisper', mine ? { name } : undefined);
    else bindText(marker, mine ? 'chat.privateTo' : 'chat.private', mine ? { name } : undefined);
    return marker;
  }

  private afterChange(scrollToEnd: boolean): void {
    this.empty.hidden = this.list.childElementCount > 0;
    if (scrollToEnd) this.list.scrollTop = this.list.scrollHeight;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const text = this.input.value.trim();
    if (!text || this.sendButton.disabled) return;
    this.sendButton.disabled = true;
    this.error.clear();
    try {
      await this.options.send(text, this.recipient.value || null);
      this.input.value = '';
      if (this.everyone && !this.pin.checked) this.recipient.value = '';
    } catch (error) {
      const rateLimited = errorCodeOf(error) === 'RATE_LIMITED';
      this.error.show(rateLimited ? 'chat.rateLimited' : 'chat.sendFailed', 'error', undefined, rateLimited ? 'rate-limited' : 'failed');
    } finally {
      this.sendButton.disabled = !this.hasRecipient;
      this.input.focus();
    }
  }
}

let counter = 0;
function uniqueId(prefix: string): string {
  return `${prefix}-${++counter}`;
}
