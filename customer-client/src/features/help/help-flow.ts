import type { Admission } from '@rs/signaling';
import { StatusLine, h, replaceChildren, type ApiClient } from '@rs/web-common';
import { createHelpEndedView } from './help-ended-view';
import { HelpFormView } from './help-form-view';
import { HelpRequestManager, helpTicket, readHelpLink, type HelpTicket } from './help-request';
import { WaitingRoom } from './waiting-room';
import { WaitingRoomView } from './waiting-room-view';

/**
 * The help page (/help, R1.1): the pre-session form, then the waiting room, then
 * the session in place through `enterSession` (the customer client's own session
 * view). A reload in the waiting room comes back to the same place.
 */
export class HelpFlow {
  private readonly manager: HelpRequestManager;
  private waiting: { room: WaitingRoom; view: WaitingRoomView } | null = null;

  constructor(
    private readonly main: HTMLElement,
    api: ApiClient,
    private readonly enterSession: (admission: Admission) => void,
  ) {
    this.manager = new HelpRequestManager(api);
  }

  start(): void {
    const ticket = helpTicket.get();
    if (ticket) this.wait(ticket);
    else void this.showForm();
  }

  private async showForm(): Promise<void> {
    this.stopWaiting();
    const loading = new StatusLine('help-loading');
    loading.show('help.loading', 'progress', undefined, 'loading');
    const card = h('section', { className: 'card help-card', testId: 'help-page' }, [h('h1', { className: 'card-title', i18n: 'help.title' }), loading.element]);
    replaceChildren(this.main, [card]);
    try {
      const queues = await this.manager.queues();
      if (queues.length === 0) return loading.show('help.noQueues', 'warning', undefined, 'no-queues');
      const form = new HelpFormView(this.manager, queues, readHelpLink(window.location.search));
      form.events.on('queued', (answer) => this.wait(answer));
      replaceChildren(this.main, [form.element]);
      form.focus();
    } catch {
      loading.show('help.loadFailed', 'error', undefined, 'failed');
      const retry = h('button', { className: 'btn btn-primary', testId: 'help-retry', i18n: 'help.retry', attrs: { type: 'button' }, on: { click: () => void this.showForm() } });
      card.appendChild(retry);
      retry.focus();
    }
  }

  private wait(ticket: HelpTicket): void {
    this.stopWaiting();
    const room = new WaitingRoom(ticket);
    const view = new WaitingRoomView(room);
    this.waiting = { room, view };
    room.events.on('admitted', (admission, agentName) => {
      view.showAccepted(agentName);
      helpTicket.clear();
      this.stopWaiting();
      this.enterSession(admission);
    });
    room.events.on('ended', (end) => {
      helpTicket.clear();
      this.stopWaiting();
      replaceChildren(this.main, [createHelpEndedView(end, () => void this.showForm())]);
    });
    replaceChildren(this.main, [view.element]);
    view.focus();
    room.start();
  }

  private stopWaiting(): void {
    if (!this.waiting) return;
    this.waiting.view.dispose();
    this.waiting.room.close();
    this.waiting = null;
  }
}
