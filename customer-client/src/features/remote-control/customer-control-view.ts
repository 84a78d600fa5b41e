import { ControlPanelView, ControlSurface, type ScreenStage, type Toaster } from '@rs/web-common';
import type { CustomerSession } from '../session/customer-session';

/**
 * The customer's side of remote control (R3.1, R3.7, R9): who controls and
 * Stop control whenever it runs, the helper download and code once control is
 * allowed, the size of what I share (the helper picks that monitor), and, when
 * the agent lets me control their screen, input capture on the agent's screen.
 */
export class CustomerControlView {
  readonly element: HTMLElement;
  private readonly panel: ControlPanelView;
  private readonly surface: ControlSurface;

  constructor(
    private readonly session: CustomerSession,
    agentStage: ScreenStage,
    toaster: Toaster,
  ) {
    const remote = session.remoteControl;
    this.panel = new ControlPanelView({
      control: remote,
      selfId: () => session.roster.selfParticipantId,
      nameOf: (id) => (id ? (session.roster.nameOf(id) ?? session.agentName) : ''),
      mayStop: () => false,
      onError: (key) => toaster.show(key, undefined, 'error'),
    });
    this.element = this.panel.element;
    this.surface = new ControlSurface(agentStage.surface, agentStage.video, (input) => remote.send(input));
    remote.events.on('changed', () => this.render());
    session.roster.events.on('changed', () => this.panel.render());
    session.share.events.on('state', () => this.reportSurface());
    this.render();
  }

  render(): void {
    const remote = this.session.remoteControl;
    this.panel.render();
    const live = remote.state?.state === 'active' || remote.state?.state === 'paused';
    this.surface.setActive(remote.isController && live && remote.state?.direction === 'agent-desktop');
  }

  dispose(): void {
    this.surface.dispose();
  }

  private reportSurface(): void {
    const screens = this.session.share.screens;
    const settings = screens[screens.length - 1]?.track.getSettings();
    this.session.remoteControl.reportSurface(settings?.width && settings.height ? { width: settings.width, height: settings.height } : null);
  }
}
