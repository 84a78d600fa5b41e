import type { Participant } from '@rs/signaling';
import type { ParticipantRoster } from '../session/participant-roster';
import type { SessionChannel } from '../session/session-channel';
import { ChatPanelView } from '../ui/chat-panel-view';
import { ChatManager } from './chat-manager';

export interface ChatBinding {
  manager: ChatManager;
  view: ChatPanelView;
}

/** Who a participant may write to: privately to `recipients`, and to everyone unless `everyone` says no. */
export interface ChatPolicy {
  recipients: (roster: ParticipantRoster) => Participant[];
  everyone?: (roster: ParticipantRoster) => boolean;
}

/**
 * Connects a session's chat manager to a chat panel. Each app decides who can
 * be written to (the server refuses anything else anyway).
 */
export function bindChat(channel: SessionChannel, roster: ParticipantRoster, policy: ChatPolicy): ChatBinding {
  const manager = new ChatManager(channel);
  const view = new ChatPanelView({
    send: (text, to) => manager.send(text, to),
    selfId: () => roster.selfParticipantId,
    nameOf: (id) => roster.nameOf(id),
  });
  const refreshRecipients = (): void =>
    view.setRecipients(
      policy.recipients(roster).map((participant) => ({ id: participant.id, name: participant.displayName })),
      policy.everyone?.(roster) ?? true,
    );
  roster.events.on('changed', refreshRecipients);
  manager.events.on('reset', (messages) => view.setMessages(messages));
  manager.events.on('added', (message) => view.appendMessage(message));
  refreshRecipients();
  return { manager, view };
}
