import { ParticipantsView, StatusLine, askConfirmation, VideoPanelView, VoicePanelView, annotationErrorMessage, bindText, createConnectionBanner, h, type Toaster } from '@rs/web-common';
import { SharedScreensView } from '../agent-screen/shared-screens-view';
import { ConsentPromptView } from '../consent/consent-prompt-view';
import { createWithdrawView } from '../consent/withdraw-view';
import { CustomerControlView } from '../remote-control/customer-control-view';
import { SharingBannerView } from '../screen-share/sharing-banner-view';
import { ShareStartPrompt } from '../screen-share/share-start-prompt';
import type { CustomerSession } from './customer-session';
import { AttentionCues } from './attention-cues';
import { createAdmissionWaitView } from './admission-wait-view';
import { createTransferWaitView } from './transfer-wait-view';
import { createCustomerFiles, type CustomerFiles } from '../files/customer-files';

/** The customer's in-session screen: agent name, Leave, Withdraw permissions, sharing banner, participants and chat. */
export class SessionScreenView {
  readonly element: HTMLElement;
  private readonly consentPrompt: ConsentPromptView;
  private readonly startPrompt: ShareStartPrompt;
  readonly screens: SharedScreensView;
  private readonly voice: VoicePanelView;
  private readonly video: VideoPanelView;
  private readonly control: CustomerControlView;
  readonly files: CustomerFiles;
  private readonly agentLine: HTMLElement;
  /** Tab title and sound cues while the page is in the background. */
  readonly cues: AttentionCues;

  constructor(session: CustomerSession, toaster: Toaster) {
    const agentLine = h('p', { className: 'agent-line', testId: 'agent-name', i18n: 'customer.rejoining', attrs: { tabindex: -1 } });
    this.agentLine = agentLine;
    session.events.on('agentName', (name) => bindText(agentLine, 'customer.agentIs', { name }));
    const helpingOther = new StatusLine('helping-other', 'helping-other');
    session.events.on('helped', (helped) => (helped ? helpingOther.clear() : helpingOther.show('customer.helpingOther', 'info', undefined, 'waiting')));

    const participants = new ParticipantsView();
    const renderParticipants = (): void => participants.render(session.roster.list(), session.roster.selfParticipantId);
    session.roster.events.on('changed', renderParticipants);
    session.roster.events.on('joined', (participant) => {
      if (participant.id === session.roster.selfParticipantId) return;
      // R1.2: when another customer joins, the first is told.
      toaster.show(participant.role === 'customer' ? 'customer.otherCustomerJoined' : 'participants.joined', { name: participant.displayName });
    });

    // Leaving while the screen is shared stops the share: asked first.
    const leaveAfterConfirming = async (): Promise<void> => {
      const sharing = session.share.state !== 'idle';
      const confirmed = !sharing || await askConfirmation({
        testId: 'leave-dialog', title: 'confirm.leaveTitle', body: 'confirm.leaveBody', confirm: 'confirm.leave',
        confirmTestId: 'confirm-leave', cancelTestId: 'cancel-leave',
      });
      if (!confirmed) return;
      leaveButton.disabled = true;
      void session.leave();
    };
    const leaveButton = h('button', {
      className: 'btn btn-secondary',
      testId: 'leave-session',
      i18n: 'customer.leave',
      attrs: { type: 'button' },
      on: {
        click: () => void leaveAfterConfirming(),
      },
    });

    const banner = new SharingBannerView(session.share, () => session.agentName);
    session.events.on('agentName', () => banner.render());
    session.share.events.on('notice', (key) => toaster.show(key, undefined, key === 'share.failed' ? 'error' : 'info'));

    this.consentPrompt = new ConsentPromptView({
      allow: (request, grantAll) => {
        // Control needs no capture here: the grant issues the helper's pairing code (shown in the control panel).
        if (request.activity === 'control-desktop') session.consent.answer(request.id, true, grantAll).catch(() => toaster.show('control.failed', undefined, 'error'));
        // Files need no capture either: the grant lets the offered transfers through (R7.1).
        else if (request.activity === 'file-transfer') session.consent.answer(request.id, true, grantAll).catch(() => toaster.show('files.error.generic', { code: 'CONSENT' }, 'error'));
        else void session.share.allow(request, grantAll);
      },
      deny: (request) => session.share.deny(request),
      requesterName: (request) => session.roster.nameOf(request.requestedBy) ?? session.agentName,
    });
    session.consent.events.on('prompt', (request) => this.consentPrompt.show(request));
    session.consent.events.on('settled', (requestId, status) => {
      this.consentPrompt.hide(requestId);
      if (status === 'cancelled') toaster.show('consent.cancelledByAgent');
    });
    session.consent.events.on('unsupported', (request) => this.consentPrompt.showUnsupported(request));
    this.startPrompt = new ShareStartPrompt(session.share, () => session.agentName);

    this.screens = new SharedScreensView(session, session.agentScreen);
    this.control = new CustomerControlView(session, this.screens.agentStage, toaster);
    session.annotations.events.on('error', (code) => toaster.show(annotationErrorMessage(code), undefined, 'error'));
    this.voice = new VoicePanelView({ voice: session.voice, roster: session.roster, canManage: () => false, onError: () => toaster.show('voice.error', undefined, 'error') });
    // The customer is told when a call starts, and that joining makes them heard (issue 11).
    let callWasActive = session.voice.active;
    session.voice.events.on('changed', () => {
      if (session.voice.active && !callWasActive) toaster.show('voice.callStarted', undefined, 'info', 15000);
      callWasActive = session.voice.active;
    });
    const agentCameraOn = (): boolean => session.controllerId !== null && session.video.cameraOf(session.controllerId) !== null;
    this.files = createCustomerFiles(session, toaster);
    this.video = new VideoPanelView({ video: session.video, roster: session.roster, canStart: agentCameraOn, largeFrom: () => session.controllerId, onError: () => undefined });
    session.video.events.on('changed', () => this.video.render());
    this.cues = new AttentionCues(session);
    const agentCard = h('div', { className: 'agent-card' }, [h('span', { className: 'avatar', attrs: { 'aria-hidden': 'true' } }), agentLine]);
    const inSession = h('div', { className: 'customer-session-body' }, [
      helpingOther.element,
      this.control.element,
      createTransferWaitView(session.signaling),
      banner.element,
      this.files.sharedFolderLine,
      this.files.panel.element,
      this.screens.element,
      h('div', { className: 'customer-grid' }, [participants.element, session.chat.view.element]),
      h('div', { className: 'customer-grid' }, [this.voice.element, this.video.element]),
    ]);
    const waitCard = createAdmissionWaitView(session, (waiting) => {
      inSession.hidden = waiting;
      agentCard.hidden = waiting;
    });
    this.element = h('section', { className: 'customer-session', testId: 'customer-session' }, [
      h('div', { className: 'session-bar' }, [
        agentCard,
        h('div', { className: 'session-actions' }, [this.cues.toggle, this.files.toggle, createWithdrawView(session.ledger, session.share, toaster), leaveButton]),
      ]),
      createConnectionBanner(session.signaling, session.channel),
      waitCard,
      inSession,
    ]);
    renderParticipants();
  }

  /** After joining, focus goes to who is helping (never left on <body> once the join form is gone). */
  focus(): void {
    this.agentLine.focus();
  }

  /** Removes what lives outside the element (the modals). */
  dispose(): void {
    this.consentPrompt.hide();
    this.startPrompt.hide();
    this.control.dispose();
    this.screens.dispose();
    this.voice.dispose();
    this.files.close();
    this.cues.dispose();
  }
}
