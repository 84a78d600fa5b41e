import type { Participant, ParticipantId, SessionRole } from '@rs/signaling';
import type { MessageKey } from '../i18n/catalogs/en';
import { h, replaceChildren } from './dom';

export interface ParticipantsViewOptions {
  /** When given, these participants can be selected (the agent picks the customer to help). */
  selectable?: (participant: Participant) => boolean;
  onSelect?: (id: ParticipantId) => void;
  /** Extra controls at the end of a row (e.g. "Give control" on an assistant's row). */
  actions?: (participant: Participant) => HTMLElement[];
}

export const ROLE_LABELS: Record<SessionRole, MessageKey> = {
  agent: 'role.agent',
  assistant: 'role.assistant',
  supervisor: 'role.supervisor',
  customer: 'role.customer',
};

/** The participants panel: name, role badge, connected or not, optionally selectable, with row actions. */
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
      h('span', { className: 'participant-name', testId: 'participant-name', userText: participant.displayName }),
      isSelf ? h('span', { className: 'participant-self', i18n: 'participants.you' }) : null,
      isSelected ? h('span', { className: 'participant-flag', testId: 'participant-helped', i18n: 'participants.helped' }) : null,
      participant.grantsAll ? h('span', { className: 'participant-flag', testId: 'participant-grants-all', i18n: 'participants.grantsAll' }) : null,
      h('span', { className: `role-badge role-${participant.role}`, testId: 'participant-role', i18n: ROLE_LABELS[participant.role] }),
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
    const actions = isSelf ? [] : (this.options.actions?.(participant) ?? []);
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
          'data-grants-all': String(participant.grantsAll),
        },
      },
      [body, actions.length > 0 ? h('div', { className: 'participant-actions' }, actions) : null],
    );
  }
}
