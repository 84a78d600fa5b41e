import type { Participant, ParticipantId } from '@rs/signaling';
import { h, replaceChildren } from './dom';

export interface ParticipantsViewOptions {
  /** When given, these participants can be selected (the agent picks the customer to help). */
  selectable?: (participant: Participant) => boolean;
  onSelect?: (id: ParticipantId) => void;
}

/** The participants panel: name, role, connected or not, optionally selectable. */
export class ParticipantsView {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;

  constructor(private readonly options: ParticipantsViewOptions = {}) {
    this.list = h('ul', { className: 'participants', testId: 'participants' });
    this.element = h('section', { className: 'panel participants-panel', testId: 'participants-panel' }, [
      h('h2', { className: 'panel-title', i18n: 'participants.title' }),
      this.list,
    ]);
  }

  render(participants: Participant[], selfId: ParticipantId | null, selectedId: ParticipantId | null = null): void {
    replaceChildren(this.list, participants.map((participant) => this.renderItem(participant, participant.id === selfId, participant.id === selectedId)));
  }

  private renderItem(participant: Participant, isSelf: boolean, isSelected: boolean): HTMLLIElement {
    const content = [
      h('span', { className: 'presence-dot', attrs: { 'aria-hidden': 'true' } }),
      h('span', { className: 'participant-name', testId: 'participant-name', text: participant.displayName }),
      isSelf ? h('span', { className: 'participant-self', i18n: 'participants.you' }) : null,
      h('span', { className: `role-badge role-${participant.role}`, i18n: participant.role === 'agent' ? 'role.agent' : 'role.customer' }),
      h('span', {
        className: participant.connected ? 'visually-hidden' : 'participant-state',
        i18n: participant.connected ? 'participants.connected' : 'participants.disconnected',
      }),
    ];
    const selectable = !isSelf && this.options.selectable?.(participant) === true;
    const body = selectable
      ? h(
          'button',
          {
            className: 'participant-body participant-select',
            testId: 'participant-select',
            attrs: { type: 'button', 'aria-pressed': String(isSelected) },
            on: { click: () => this.options.onSelect?.(participant.id) },
          },
          content,
        )
      : h('div', { className: 'participant-body' }, content);
    return h(
      'li',
      {
        className: `participant${participant.connected ? '' : ' participant-offline'}${isSelected ? ' participant-selected' : ''}`,
        testId: 'participant-item',
        attrs: {
          'data-participant-id': participant.id,
          'data-role': participant.role,
          'data-connected': String(participant.connected),
          'data-selected': String(isSelected),
        },
      },
      [body],
    );
  }
}
