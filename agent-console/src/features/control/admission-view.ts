import type { Participant } from '@rs/signaling';
import { bindText, h, replaceChildren, type Toaster } from '@rs/web-common';
import type { AgentSession } from '../session/agent-session';

/**
 * Customers waiting at the door of the session (privacy between customers): the
 * agent in control admits or declines each; other staff see who waits. Hidden
 * when nobody waits.
 */
export class AdmissionView {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;

  constructor(
    private readonly session: AgentSession,
    private readonly toaster: Toaster,
    /** Where focus goes once the last answered request is gone (never left on <body>). */
    private readonly focusAfter: () => HTMLElement,
  ) {
    this.list = h('ul', { className: 'admission-list' });
    this.element = h('section', { className: 'panel admission-panel', testId: 'admission-panel', attrs: { 'aria-live': 'polite' } }, [
      h('h2', { className: 'panel-title', i18n: 'admission.title' }),
      this.list,
    ]);
    this.element.hidden = true;
    session.roster.events.on('waiting', (participant) => toaster.show('admission.askingToast', { name: participant.displayName }, 'info', 15000));
  }

  render(): void {
    const waiting = this.session.ended ? [] : this.session.roster.waiting();
    const hadFocus = this.element.contains(document.activeElement);
    this.element.hidden = waiting.length === 0;
    replaceChildren(this.list, waiting.map((participant) => this.renderItem(participant)));
    if (!hadFocus || this.element.contains(document.activeElement)) return;
    // The request just answered is gone: the next one, else the participants.
    (this.list.querySelector<HTMLElement>('button:not(:disabled)') ?? this.focusAfter()).focus();
  }

  private renderItem(participant: Participant): HTMLLIElement {
    const label = h('span', { className: 'admission-name', testId: 'admission-name' });
    bindText(label, 'admission.asking', { name: participant.displayName });
    // Buttons stay focusable while the answer is on its way (a disabled button would drop focus to <body>).
    let pending = false;
    const answer = (admit: boolean) => (): void => {
      if (pending) return;
      pending = true;
      this.session.control.admit(participant.id, admit).catch((error: unknown) => {
        console.warn('session:admit failed', error);
        pending = false;
        this.toaster.show('admission.failed', undefined, 'error');
      });
    };
    const actions = this.session.isController
      ? h('div', { className: 'admission-actions' }, [
          h('button', { className: 'btn btn-primary btn-small', testId: 'admit-customer', i18n: 'admission.admit', attrs: { type: 'button' }, on: { click: answer(true) } }),
          h('button', { className: 'btn btn-secondary btn-small', testId: 'decline-customer', i18n: 'admission.decline', attrs: { type: 'button' }, on: { click: answer(false) } }),
        ])
      : h('p', { className: 'admission-note', i18n: 'admission.onlyController' });
    return h('li', { className: 'admission-item', testId: 'admission-item', attrs: { 'data-participant-id': participant.id } }, [label, actions]);
  }
}
