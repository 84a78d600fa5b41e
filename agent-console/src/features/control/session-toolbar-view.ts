import { StatusLine, askConfirmation, bindAttribute, bindText, formatSessionNumber, h, unbindAttribute, type Toaster } from '@rs/web-common';
import type { AgentSession } from '../session/agent-session';

/**
 * The session heading and who may do what (R1.4, R1.6): a line saying who is
 * in control, End (agent in control only, after confirmation), Leave (everyone
 * else), Take over (a watching supervisor).
 */
export class SessionToolbarView {
  readonly element: HTMLElement;
  private readonly note = new StatusLine('control-note', 'control-note');
  private readonly endButton: HTMLButtonElement;
  private readonly leaveButton: HTMLButtonElement;
  private readonly takeOverButton: HTMLButtonElement;
  private readonly actions: HTMLElement;
  private readonly heading: HTMLElement;

  constructor(
    private readonly session: AgentSession,
    private readonly toaster: Toaster,
  ) {
    this.endButton = this.button('end-session', 'btn-danger', 'session.end', () => this.confirmEnd());
    this.leaveButton = this.button('leave-session', 'btn-secondary', 'session.leave', () => this.leave());
    this.takeOverButton = this.button('take-over', 'btn-primary', 'session.takeOver', () => this.takeOver());
    this.element = h('div', { className: 'session-toolbar' }, [
      h('div', { className: 'session-title' }, [
        (this.heading = h('h1', { className: 'session-heading', i18n: 'tab.label', params: { number: formatSessionNumber(session.summary.number) } })),
        this.note.element,
      ]),
      (this.actions = h('div', { className: 'toolbar-actions' }, [this.takeOverButton, this.leaveButton, this.endButton])),
    ]);
  }

  /** Another feature's action (e.g. Transfer the session), before Leave and End. */
  addAction(button: HTMLElement): void {
    this.actions.prepend(button);
  }

  render(): void {
    const { session } = this;
    bindText(this.heading, 'tab.label', { number: formatSessionNumber(session.summary.number) });
    const controllerName = session.control.controller?.displayName ?? session.summary.agentName;
    if (session.ended) this.note.clear();
    else if (session.isController) this.note.show('session.inControl', 'success', undefined, 'in-control');
    else if (session.selfRole === 'supervisor') this.note.show('session.watching', 'info', { name: controllerName }, 'watching');
    else this.note.show('session.notInControl', 'warning', { name: controllerName }, 'observer');
    this.endButton.hidden = session.ended;
    this.endButton.disabled = !session.isController;
    if (session.isController) unbindAttribute(this.endButton, 'title');
    else bindAttribute(this.endButton, 'title', 'session.onlyControllerEnds');
    this.leaveButton.hidden = session.ended || session.isController || session.selfRole === null;
    this.takeOverButton.hidden = session.ended || session.selfRole !== 'supervisor';
  }

  private button(testId: string, variant: string, i18n: 'session.end' | 'session.leave' | 'session.takeOver', action: () => Promise<void>): HTMLButtonElement {
    const button = h('button', { className: `btn ${variant}`, testId, i18n, attrs: { type: 'button' } });
    button.addEventListener('click', () => {
      button.disabled = true;
      void action().finally(() => this.render());
    });
    return button;
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
    if (confirmed) await this.attempt(() => this.session.end(), 'session.endFailed');
  }

  private leave(): Promise<void> {
    return this.attempt(() => this.session.leave(), 'session.leaveFailed');
  }

  private async takeOver(): Promise<void> {
    const confirmed = await askConfirmation({
      testId: 'take-over-dialog',
      title: 'confirm.takeOverTitle',
      body: 'confirm.takeOverBody',
      confirm: 'confirm.takeOver',
      confirmTestId: 'confirm-take-over',
      cancelTestId: 'cancel-take-over',
    });
    if (confirmed) await this.attempt(() => this.session.control.takeOver(), 'session.takeOverFailed');
  }

  private async attempt(action: () => Promise<void>, failure: 'session.endFailed' | 'session.leaveFailed' | 'session.takeOverFailed'): Promise<void> {
    try {
      await action();
    } catch (error) {
      console.warn(failure, error);
      this.toaster.show(failure, undefined, 'error');
    }
  }
}
