import { h, type ParticipantsView, type Toaster } from '@rs/web-common';
import { announceControlChanges } from '../control/control-notices';
import { SessionToolbarView } from '../control/session-toolbar-view';
import { createStaffParticipants } from '../control/staff-participants';
import { NotesReviewView } from '../notes/notes-review-view';
import { NotesView } from '../notes/notes-view';
import { ScreenViewView } from '../screen-view/screen-view-view';
import type { AgentSession } from './agent-session';
import { InvitationView } from './invitation-view';

/** Everything of one session, shown as the panel of its tab. */
export class SessionView {
  readonly element: HTMLElement;
  private readonly toolbar: SessionToolbarView;
  private readonly participants: ParticipantsView;
  private readonly invitation: InvitationView;
  private readonly screen: ScreenViewView;
  private readonly notes: NotesView;
  private readonly endedNotice: HTMLElement;
  private readonly review: NotesReviewView;

  constructor(
    private readonly session: AgentSession,
    toaster: Toaster,
    closeTab: () => void,
  ) {
    const { context } = session;
    this.toolbar = new SessionToolbarView(session, toaster);
    this.invitation = new InvitationView(session.summary.number, session.invitation);
    this.participants = createStaffParticipants(session, toaster);
    this.screen = new ScreenViewView({
      viewRequest: session.viewRequest,
      screenView: session.screenView,
      inControl: () => session.isController,
      canRequestView: () => session.canRequestView,
      hasCustomer: () => session.roster.customers().some((customer) => customer.connected),
      requestView: () => session.requestView(),
    });
    this.notes = new NotesView(session.notes);
    this.review = new NotesReviewView(() => context.api.sessionRecord(context.token, session.id), () => session.notes.text);
    this.endedNotice = h('div', { className: 'ended-notice', testId: 'session-ended', attrs: { role: 'status' } }, [
      h('h2', { className: 'ended-title', i18n: 'session.endedTitle' }),
      h('p', { i18n: 'session.endedBody' }),
      this.review.element,
      h('button', { className: 'btn btn-secondary', testId: 'close-tab', i18n: 'session.closeTab', attrs: { type: 'button' }, on: { click: closeTab } }),
    ]);
    this.endedNotice.hidden = true;
    this.element = h('section', { className: 'session-view', testId: 'session-view', attrs: { role: 'tabpanel', 'data-session-id': session.id } }, [
      this.toolbar.element,
      this.endedNotice,
      h('div', { className: 'session-layout' }, [
        h('div', { className: 'session-main' }, [this.screen.element, this.notes.element]),
        h('div', { className: 'session-side' }, [this.participants.element, session.chat.view, this.invitation.element]),
      ]),
    ]);

    announceControlChanges(session, toaster);
    session.events.on('changed', () => this.render());
    session.events.on('ended', () => {
      this.render();
      void this.review.show();
    });
    this.render();
  }

  render(): void {
    const { session } = this;
    this.toolbar.render();
    this.participants.render(session.roster.list(), session.roster.selfParticipantId, session.selectedCustomer?.id ?? null);
    this.invitation.setCustomerPresent(session.roster.customers().length > 0);
    this.screen.render();
    this.notes.setEditable(!session.ended);
    this.element.dataset.state = session.ended ? 'ended' : 'open';
    this.element.dataset.role = session.selfRole ?? '';
    this.element.dataset.inControl = String(session.isController);
    this.endedNotice.hidden = !session.ended;
    this.element.classList.toggle('is-ended', session.ended);
  }

  dispose(): void {
    this.screen.dispose();
  }
}
