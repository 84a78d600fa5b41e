import { TypedEmitter, bindChat, type ChatBinding, type ParticipantRoster, type SessionChannel } from '@rs/web-common';

export type AgentChatEvents = { unread: [count: number] };

const isWatching = (roster: ParticipantRoster): boolean => roster.self?.role === 'supervisor';

/**
 * The agent's chat in one session (R6.1: to everyone or privately to one
 * participant; a supervisor's whispers), counting messages that arrive while the session's tab is hidden.
 */
export class AgentChat {
  readonly events = new TypedEmitter<AgentChatEvents>();
  readonly binding: ChatBinding;
  private unread = 0;
  private visible = false;

  constructor(channel: SessionChannel, roster: ParticipantRoster) {
    this.binding = bindChat(channel, roster, {
      // A watching supervisor whispers to the agents only (never to everyone or to a customer).
      recipients: (current) => (isWatching(current) ? current.others().filter((p) => p.role === 'agent' || p.role === 'assistant') : current.others()),
      everyone: (current) => !isWatching(current),
    });
    this.binding.manager.events.on('added', (message) => {
      if (this.visible || message.from === roster.selfParticipantId) return;
      this.unread += 1;
      this.events.emit('unread', this.unread);
    });
  }

  get unreadCount(): number {
    return this.unread;
  }

  get view(): HTMLElement {
    return this.binding.view.element;
  }

  /** The tab was shown or hidden; showing it reads everything. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible && this.unread > 0) {
      this.unread = 0;
      this.events.emit('unread', 0);
    }
  }
}
