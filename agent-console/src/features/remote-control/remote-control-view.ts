import { ControlPanelView, ControlSurface, h, type ScreenStage, type Toaster } from '@rs/web-common';
import type { AgentSession } from '../session/agent-session';

/**
 * The agent's side of remote control (R3.1, R3.7): "Request control" while the
 * agent in control views the customer's screen, "Let the customer control my
 * screen" while the agent shows theirs, the control panel (state, Stop control,
 * the helper download when the agent's own desktop is driven, special keys and
 * clipboard when the agent drives), and input capture on the shared view.
 */
export class RemoteControlView {
  readonly element: HTMLElement;
  private readonly requestButton: HTMLButtonElement;
  private readonly giveButton: HTMLButtonElement;
  private readonly panel: ControlPanelView;
  private readonly surface: ControlSurface;

  constructor(
    private readonly session: AgentSession,
    stage: ScreenStage,
    toaster: Toaster,
  ) {
    const remote = session.remoteControl;
    const failed = (error: unknown): void => {
      console.warn('remote control request failed', error);
      toaster.show('control.failed', undefined, 'error');
    };
    this.requestButton = h('button', {
      className: 'btn btn-primary', testId: 'control-request', i18n: 'control.request', attrs: { type: 'button' },
      on: { click: () => void this.act((customerId) => remote.request(customerId)).catch(failed) },
    });
    this.giveButton = h('button', {
      className: 'btn btn-secondary', testId: 'control-give', i18n: 'control.give', attrs: { type: 'button' },
      on: { click: () => void this.act((customerId) => remote.give(customerId)).catch(failed) },
    });
    this.panel = new ControlPanelView({
      control: remote,
      selfId: () => session.roster.selfParticipantId,
      nameOf: (id) => (id ? (session.roster.nameOf(id) ?? '') : ''),
      mayStop: () => session.isController,
      onError: (key) => toaster.show(key, undefined, 'error'),
    });
    this.surface = new ControlSurface(stage.surface, stage.video, (input) => remote.send(input));
    this.element = h('div', { className: 'remote-control', testId: 'remote-control' }, [
      h('div', { className: 'toolbar-actions' }, [this.requestButton, this.giveButton]),
      this.panel.element,
    ]);
    remote.events.on('changed', () => this.render());
    session.screenView.events.on('screen', () => this.render());
    session.agentScreen.events.on('changed', () => {
      const track = session.agentScreen.localTrack;
      const { width, height } = track?.getSettings() ?? {};
      remote.reportSurface(width && height ? { width, height } : null);
      this.render();
    });
    this.render();
  }

  render(): void {
    const { session } = this;
    const remote = session.remoteControl;
    const customer = session.selectedCustomer;
    const idle = !remote.running;
    const viewingCustomer = session.screenView.screen?.source === 'screen';
    this.requestButton.hidden = !(session.isController && viewingCustomer && idle);
    this.requestButton.disabled = !customer?.connected;
    this.giveButton.hidden = !(session.isController && session.agentScreen.sharing && idle);
    this.giveButton.disabled = !customer?.connected;
    this.panel.render();
    const live = remote.state?.state === 'active' || remote.state?.state === 'paused';
    this.surface.setActive(remote.isController && live && remote.state?.direction === 'customer-desktop');
  }

  dispose(): void {
    this.surface.dispose();
  }

  private async act(start: (customerId: string) => Promise<void>): Promise<void> {
    const customer = this.session.selectedCustomer;
    if (!customer) return;
    this.requestButton.disabled = true;
    this.giveButton.disabled = true;
    try {
      await start(customer.id);
    } finally {
      this.render();
    }
  }
}
