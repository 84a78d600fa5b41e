import { VideoPanelView, VoicePanelView, annotationErrorMessage, h, type ParticipantsView, type Toaster } from '@rs/web-common';
import { AdmissionView } from '../control/admission-view';
import { announceControlChanges } from '../control/control-notices';
import { SessionToolbarView } from '../control/session-toolbar-view';
import { createStaffParticipants } from '../control/staff-participants';
import { NotesReviewView } from '../notes/notes-review-view';
import { NotesView } from '../notes/notes-view';
import { RemoteControlView } from '../remote-control/remote-control-view';
import { ScreenViewView } from '../screen-view/screen-view-view';
import { createSessionQueueTools, type SessionQueueTools } from '../queue/session-queue-tools';
import { StreamStatsView } from '../screen-view/stream-stats-view';
import type { AgentSession } from './agent-session';
import { InvitationView } from './invitation-view';
import { createAgentFiles, type AgentFiles } from '../files/agent-files';

/** The view of each open session (the debug hooks read the stage and the readout). */
export const sessionViews = new WeakMap<AgentSession, SessionView>();

/** Everything of one session, shown as the panel of its tab. */
export class SessionView {
  readonly element: HTMLElement;
  private readonly toolbar: SessionToolbarView;
  private readonly participants: ParticipantsView;
  private readonly admission: AdmissionView;
  private readonly invitation: InvitationView;
  readonly screen: ScreenViewView;
  private readonly remoteControl: RemoteControlView;
  readonly stats: StreamStatsView;
  private readonly voice: VoicePanelView;
  private readonly video: VideoPanelView;
  private readonly notes: NotesView;
  private readonly endedNotice: HTMLElement;
  private readonly review: NotesReviewView;
  private readonly queueTools: SessionQueueTools;
  readonly files: AgentFiles;

  constructor(
    private readonly session: AgentSession,
    toaster: Toaster,
    closeTab: () => void,
  ) {
    const { context } = session;
    this.toolbar = new SessionToolbarView(session, toaster);
    this.invitation = new InvitationView(session);
    this.queueTools = createSessionQueueTools(session, toaster, closeTab);
    this.toolbar.addAction(this.queueTools.transferButton);
    this.files = createAgentFiles(session, toaster);
    this.toolbar.addAction(this.files.toggle);
    this.participants = createStaffParticipants(session, toaster);
    this.admission = new AdmissionView(session, toaster, () => this.participants.element);
    this.participants.element.tabIndex = -1;
    this.screen = new ScreenViewView({
      viewRequest: session.viewRequest,
      screenView: session.screenView,
      agentScreen: session.agentScreen,
      annotations: session.annotations,
      inControl: () => session.isController,
      watchesLowLayer: () => session.selfRole === 'supervisor' && !session.isController,
      canRequestView: () => session.canRequestView,
      hasCustomer: () => session.roster.customers().some((customer) => customer.connected),
      requestView: (surface) => session.requestView(surface),
      onAnnotating: (active) => session.remoteControl.annotating(active),
    });
    this.remoteControl = new RemoteControlView(session, this.screen.stage, toaster);
    session.annotations.events.on('error', (code) => toaster.show(annotationErrorMessage(code), undefined, 'error'));
    session.agentScreen.events.on('failed', () => toaster.show('view.showMineFailed', undefined, 'error'));
    this.stats = new StreamStatsView(session.media, session.roster, (id) => session.producers.get(id) ?? null);
    this.voice = new VoicePanelView({
      voice: session.voice,
      roster: session.roster,
      canManage: () => session.isController,
      helpedCustomerId: () => session.summary.selectedCustomerId,
      onError: () => toaster.show('voice.error', undefined, 'error'),
    });
    this.video = new VideoPanelView({
      video: session.video,
      roster: session.roster,
      canStart: () => session.isController,
      largeFrom: () => session.selectedCustomer?.id ?? null,
      onError: () => undefined,
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
        h('div', { className: 'session-main' }, [this.remoteControl.element, this.files.panel.element, this.screen.element, this.stats.element, this.notes.element]),
        h('div', { className: 'session-side' }, [this.queueTools.intake, this.admission.element, this.participants.element, this.voice.element, this.video.element, session.chat.view, this.invitation.element]),
      ]),
    ]);

    sessionViews.set(session, this);
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
    this.queueTools.render();
    this.participants.render(session.roster.list(), session.roster.selfParticipantId, session.selectedCustomer?.id ?? null);
    this.admission.render();
    this.invitation.setCustomerPresent(session.roster.customers().length > 0);
    this.screen.render();
    this.remoteControl.render();
    this.voice.render();
    this.video.render();
    this.files.render();
    this.notes.setEditable(!session.ended);
    this.element.dataset.state = session.ended ? 'ended' : 'open';
    this.element.dataset.role = session.selfRole ?? '';
    this.element.dataset.inControl = String(session.isController);
    this.endedNotice.hidden = !session.ended;
    this.element.classList.toggle('is-ended', session.ended);
  }

  dispose(): void {
    this.invitation.dispose();
    this.remoteControl.dispose();
    this.screen.dispose();
    this.stats.dispose();
    this.voice.dispose();
    this.files.close();
  }
}
