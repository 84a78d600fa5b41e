import { ParticipantsView, askConfirmation, formatSessionNumber, h, type Toaster } from '@rs/web-common';
import { ScreenViewView } from '../screen-view/screen-view-view';
import type { AgentSession } from './agent-session';
import { InvitationView } from './invitation-view';

/** Everything of one session, shown as the panel of its tab. */
export class SessionView {
  readonly element: HTMLElement;
  private readonly participants: ParticipantsView;
  private readonly invitation: InvitationView;
  private readonly screen: ScreenViewView;
  private readonly endButton: HTMLButtonElement;
  private readonly endedNotice: HTMLElement;

  constructor(
    private readonly session: AgentSession,
    private readonly toaster: Toaster,
    closeTab: () => void,
  ) {
    this.invitation = new InvitationView(session.summary.number, session.invitation);
    this.participants = new ParticipantsView({
      selectable: (participant) => participant.role === 'customer',
      onSelect: (id) => session.select(id),
    });
    this.screen = new ScreenViewView({
      viewRequest: session.viewRequest,
      screenView: session.screenView,
      canRequestView: () => session.canRequestView,
      hasCustomer: () => session.roster.customers().some((customer) => customer.connected),
      requestView: () => session.requestView(),
    });
    this.endButton = h('button', {
      className: 'btn btn-danger',
      testId: 'end-session',
      i18n: 'session.end',
      attrs: { type: 'button' },
      on: { click: () => void this.confirmEnd() },
    });
    this.endedNotice = h('div', { className: 'ended-notice', testId: 'session-ended', attrs: { role: 'status' } }, [
      h('h2', { className: 'ended-title', i18n: 'session.endedTitle' }),
      h('p', { i18n: 'session.endedBody' }),
      h('button', { className: 'btn btn-secondary', testId: 'close-tab', i18n: 'session.closeTab', attrs: { type: 'button' }, on: { click: closeTab } }),
    ]);
    this.endedNotice.hidden = true;
    this.element = h('section', { className: 'session-view', testId: 'session-view', attrs: { role: 'tabpanel', 'data-session-id': session.id } }, [
      h('div', { className: 'session-toolbar' }, [
        h('h1', { className: 'session-heading', i18n: 'tab.label', params: { number: formatSessionNumber(session.summary.number) } }),
        this.endButton,
      ]),
      this.endedNotice,
      h('div', { className: 'session-layout' }, [
        h('div', { className: 'session-main' }, [this.screen.element]),
        h('div', { className: 'session-side' }, [this.invitation.element, this.participants.element, session.chat.view]),
      ]),
    ]);

    session.events.on('changed', () => this.render());
    session.roster.events.on('changed', () => this.render());
    session.roster.events.on('joined', (participant) => {
      if (participant.role === 'customer') toaster.show('participants.joined', { name: participant.displayName });
    });
    session.events.on('ended', () => this.render());
    this.render();
  }

  render(): void {
    const session = this.session;
    const customers = session.roster.customers();
    this.participants.render(session.roster.list(), session.roster.selfParticipantId, session.selectedCustomer?.id ?? null);
    this.invitation.setCustomerPresent(customers.length > 0);
    this.screen.render();
    this.element.dataset.state = session.ended ? 'ended' : 'open';
    this.endedNotice.hidden = !session.ended;
    this.endButton.hidden = session.ended;
    this.element.classList.toggle('is-ended', session.ended);
  }

  dispose(): void {
    this.screen.dispose();
  }

  private async confirmEnd(): Promise<void> {
    const confirmed = await askConfirmation({
      testId: 'end-session-dialog',
      title: 'session.endConfirmTitle',
      body: 'session.endConfirmBody',
      confirm: 'session.end',
      confirmTestId: 'confirm-end',
      cancelTestId: 'cancel-end',
      danger: true,
    });
    if (!confirmed) return;
    this.endButton.disabled = true;
    try {
      await this.session.end();
    } catch (error) {
      console.warn('session:end failed', error);
      this.toaster.show('session.endFailed', undefined, 'error');
    } finally {
      this.endButton.disabled = false;
    }
  }
}
