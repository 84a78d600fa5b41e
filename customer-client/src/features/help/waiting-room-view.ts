import { localized, type WaitStatus } from '@rs/signaling';
import { StatusLine, askConfirmation, bindText, estimateMinutes, formatDuration, getLanguage, h, onEverySecond, onLanguageChange } from '@rs/web-common';
import { createFirstMessageView } from './first-message-view';
import { MaxWaitView } from './max-wait-view';
import type { WaitingRoom } from './waiting-room';

/**
 * The waiting room (R1.1): live position and estimated wait as the server pushes
 * them, time waited, the queue's greeting, the first chat message, the maximum-wait
 * choice, and a clear way out.
 */
export class WaitingRoomView {
  readonly element: HTMLElement;
  private readonly queueName = h('p', { className: 'waiting-queue', testId: 'waiting-queue' });
  private readonly greeting = h('p', { className: 'waiting-greeting', testId: 'waiting-greeting' });
  private readonly position = h('p', { className: 'waiting-position', testId: 'waiting-position', attrs: { 'aria-live': 'polite' } });
  private readonly estimate = h('p', { className: 'waiting-estimate', testId: 'waiting-estimate', attrs: { 'aria-live': 'polite' } });
  private readonly waited = h('p', { className: 'waiting-time', testId: 'waiting-time' });
  private readonly state = new StatusLine('waiting-state');
  private readonly maxWait: MaxWaitView;
  private readonly stopTicking: () => void;
  private readonly offLanguage: () => void;
  private status: WaitStatus | null = null;

  constructor(private readonly room: WaitingRoom) {
    this.maxWait = new MaxWaitView(room);
    const leave = h('button', { className: 'btn btn-ghost', testId: 'waiting-leave', i18n: 'waiting.leave', attrs: { type: 'button' }, on: { click: () => void this.confirmLeave(leave) } });
    this.element = h('section', { className: 'card waiting-card', testId: 'waiting-room', attrs: { 'aria-busy': 'true' } }, [
      h('div', { className: 'waiting-pulse', attrs: { 'aria-hidden': 'true' } }),
      h('h1', { className: 'card-title', i18n: 'waiting.title', attrs: { tabindex: -1 } }),
      this.queueName,
      this.greeting,
      h('div', { className: 'waiting-figures' }, [this.position, this.estimate, this.waited]),
      this.state.element,
      this.maxWait.element,
      createFirstMessageView(room),
      h('p', { className: 'field-hint', i18n: 'waiting.keepOpen' }),
      h('div', { className: 'waiting-actions' }, [leave]),
    ]);
    this.state.show('waiting.connecting', 'progress', undefined, 'connecting');
    room.events.on('status', (status) => this.render(status));
    room.events.on('connection', (state) => {
      if (state === 'reconnecting') this.state.show('connection.reconnecting', 'warning', undefined, 'reconnecting');
      else if (state === 'failed') this.state.show('waiting.failed', 'error', undefined, 'failed');
      else if (state === 'connected' && this.status) this.renderState(this.status);
    });
    this.stopTicking = onEverySecond(() => this.renderWaited());
    this.offLanguage = onLanguageChange(() => this.status && this.renderTexts(this.status));
    if (room.status) this.render(room.status);
  }

  focus(): void {
    this.element.querySelector<HTMLElement>('h1')?.focus();
  }

  /** Shown when an agent accepted, for the moment the session takes to open. */
  showAccepted(agentName: string): void {
    this.state.show('waiting.accepted', 'success', { name: agentName }, 'accepted');
  }

  dispose(): void {
    this.stopTicking();
    this.offLanguage();
  }

  private render(status: WaitStatus): void {
    this.status = status;
    this.element.setAttribute('aria-busy', 'false');
    this.element.dataset.state = status.state;
    this.position.dataset.position = String(status.position);
    if (status.position <= 1) bindText(this.position, 'waiting.next');
    else bindText(this.position, 'waiting.position', { position: status.position });
    const seconds = status.estimatedWaitSeconds;
    this.estimate.dataset.seconds = seconds === null ? '' : String(seconds);
    if (seconds === null) bindText(this.estimate, 'waiting.estimateUnknown');
    else if (estimateMinutes(seconds * 1000) === 0) bindText(this.estimate, 'waiting.estimateSoon');
    else bindText(this.estimate, 'waiting.estimate', { minutes: estimateMinutes(seconds * 1000) });
    this.renderTexts(status);
    this.renderState(status);
    this.renderWaited();
    this.maxWait.render(status.maxWaitReached && !status.keepWaiting);
  }

  /** The admin's texts (queue name, greeting) in the page's language. */
  private renderTexts(status: WaitStatus): void {
    const language = getLanguage();
    this.queueName.hidden = status.queueName === null;
    if (status.queueName) bindText(this.queueName, 'waiting.queue', { name: localized(status.queueName, language) });
    const greeting = status.greeting ? localized(status.greeting, language) : '';
    this.greeting.hidden = greeting.length === 0;
    this.greeting.textContent = greeting;
    this.greeting.dir = 'auto';
  }

  private renderState(status: WaitStatus): void {
    if (status.state === 'offered') this.state.show('waiting.offered', 'progress', undefined, 'offered');
    else if (status.queueId === null) this.state.show('waiting.transferredToAgents', 'info', undefined, 'waiting');
    else this.state.clear();
  }

  private renderWaited(): void {
    if (!this.status) return;
    bindText(this.waited, 'waiting.waited', { time: formatDuration(Date.now() - this.status.enqueuedAt) });
  }

  private async confirmLeave(button: HTMLButtonElement): Promise<void> {
    const sure = await askConfirmation({
      testId: 'waiting-leave-dialog',
      title: 'waiting.leaveTitle',
      body: 'waiting.leaveBody',
      confirm: 'waiting.leaveConfirm',
      confirmTestId: 'waiting-leave-confirm',
      cancelTestId: 'waiting-leave-cancel',
      danger: true,
    });
    if (!sure) return;
    button.disabled = true;
    try {
      await this.room.leave();
    } catch {
      this.state.show('error.generic', 'error', undefined, 'failed');
      button.disabled = false;
    }
  }
}
