import { ScreenStage, bindText, h } from '@rs/web-common';
import type { CustomerSession } from '../session/customer-session';
import type { AgentScreenManager } from './agent-screen-manager';

/**
 * What is shared, on the customer's side: the agent's screen (when the agent
 * shows it) and a preview of my own shared screen; both carry the annotations,
 * and the customer may annotate too (R3.6).
 */
export class SharedScreensView {
  readonly element: HTMLElement;
  readonly agentStage: ScreenStage;
  readonly myStage: ScreenStage;
  private readonly agentPanel: HTMLElement;
  private readonly agentTitle: HTMLElement;
  private readonly myPanel: HTMLElement;
  private readonly addButton: HTMLButtonElement;

  constructor(
    private readonly session: CustomerSession,
    private readonly agentScreen: AgentScreenManager,
  ) {
    const canAnnotate = (): boolean => true;
    const onAnnotating = (active: boolean): void => session.remoteControl.annotating(active);
    this.agentStage = new ScreenStage({ stageTestId: 'agent-screen-stage', videoTestId: 'agent-screen-video', placeholder: h('p', { className: 'screen-placeholder', i18n: 'agentScreen.placeholder' }), annotations: session.annotations, canAnnotate, surfaceTestId: 'control-surface', onAnnotating });
    this.myStage = new ScreenStage({ stageTestId: 'my-screen-stage', videoTestId: 'my-screen-video', placeholder: null, annotations: session.annotations, canAnnotate, onAnnotating });
    this.agentTitle = h('h2', { className: 'panel-title' });
    this.agentPanel = h('section', { className: 'panel shared-screen-panel', testId: 'agent-screen-panel' }, [this.agentTitle, this.agentStage.toolbar, this.agentStage.element]);
    this.addButton = h('button', { className: 'btn btn-secondary btn-small', testId: 'share-add-another', i18n: 'share.addAnother', attrs: { type: 'button' }, on: { click: () => void session.share.addAnother() } });
    this.myPanel = h('section', { className: 'panel shared-screen-panel', testId: 'my-screen-panel' }, [
      h('div', { className: 'voice-head' }, [h('h2', { className: 'panel-title', i18n: 'share.stop' }), this.addButton]),
      this.myStage.toolbar,
      this.myStage.element,
    ]);
    bindText(this.myPanel.querySelector('h2') as HTMLElement, 'share.banner', { name: session.agentName });
    this.element = h('div', { className: 'shared-screens' }, [this.agentPanel, this.myPanel]);
    agentScreen.events.on('changed', () => this.render());
    session.share.events.on('state', () => this.render());
    session.events.on('agentName', () => this.render());
    this.render();
  }

  render(): void {
    const agent = this.agentScreen.screen;
    this.agentPanel.hidden = !agent;
    if (this.agentStage.currentProducerId !== (agent?.producerId ?? null)) this.agentStage.show(agent?.track ?? null, agent?.producerId ?? null);
    bindText(this.agentTitle, 'agentScreen.title', { name: this.session.agentName });
    const mine = this.session.share.screens[this.session.share.screens.length - 1] ?? null;
    this.myPanel.hidden = !mine;
    if (this.myStage.currentProducerId !== (mine?.producerId ?? null)) this.myStage.show(mine?.track ?? null, mine?.producerId ?? null);
    bindText(this.myPanel.querySelector('h2') as HTMLElement, 'share.banner', { name: this.session.agentName });
    this.addButton.hidden = !this.session.share.canAddAnother;
    this.agentStage.refresh();
    this.myStage.refresh();
  }

  dispose(): void {
    this.agentStage.dispose();
    this.myStage.dispose();
  }
}
