import type { ChatMessage, ParticipantId } from '@rs/signaling';
import type { SessionChannel } from '../session/session-channel';
import { TypedEmitter } from '../util/typed-emitter';

export type ChatManagerEvents = {
  /** The whole history was replaced (join or rejoin). */
  reset: [ChatMessage[]];
  added: [ChatMessage];
};

/** The chat of one session (R6.1): history from the snapshot, live messages, sending. */
export class ChatManager {
  readonly events = new TypedEmitter<ChatManagerEvents>();
  private messages: ChatMessage[] = [];
  private readonly ids = new Set<string>();

  constructor(private readonly channel: SessionChannel) {
    channel.events.on('snapshot', (snapshot) => {
      this.messages = [...snapshot.chat].sort((a, b) => a.seq - b.seq);
      this.ids.clear();
      for (const message of this.messages) this.ids.add(message.id);
      this.events.emit('reset', this.list());
    });
    channel.on('chat:message', (message) => this.add(message));
  }

  list(): ChatMessage[] {
    return [...this.messages];
  }

  /** Sends to everyone (`to` null) or privately to one participant. */
  async send(text: string, to: ParticipantId | null): Promise<void> {
    const message = await this.channel.request('chat:send', { sessionId: this.channel.sessionId, text, to });
    this.add(message);
  }

  private add(message: ChatMessage): void {
    if (this.ids.has(message.id)) return;
    this.ids.add(message.id);
    this.messages.push(message);
    const last = this.messages[this.messages.length - 2];
    if (last && last.seq > message.seq) this.messages.sort((a, b) => a.seq - b.seq);
    this.events.emit('added', message);
  }
}
