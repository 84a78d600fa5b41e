import type { AgentProfile } from '@rs/signaling';
import { StatusLine, bindText, createConnectionBanner, formatSessionNumber, h, type SignalingClient, type Toaster } from '@rs/web-common';
import type { AgentSession } from './agent-session';
import { SessionTabsView, type TabState } from './session-tabs-view';
import { SessionView } from './session-view';
import type { SessionWorkspace } from './session-workspace';

/** The signed-in console: Start session, the tab strip, one SessionView per session. */
export class ConsoleView {
  readonly element: HTMLElement;
  private readonly tabs: SessionTabsView;
  private readonly panels: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly startButton: HTMLButtonElement;
  private readonly startError = new StatusLine('start-error', 'form-error');
  private readonly views = new Map<string, SessionView>();

  constructor(
    private readonly workspace: SessionWorkspace,
    signaling: SignalingClient,
    private readonly toaster: Toaster,
  ) {
    this.tabs = new SessionTabsView((id) => workspace.activate(id));
    this.startButton = h('button', {
      className: 'btn btn-primary',
      testId: 'start-session',
      i18n: 'console.startSession',
      attrs: { type: 'button' },
      on: { click: () => void this.startSession() },
    });
    this.panels = h('div', { className: 'session-panels' });
    this.empty = h('div', { className: 'empty-state', testId: 'no-sessions' }, [h('p', { i18n: 'console.noSessions' })]);
    this.element = h('div', { className: 'console', testId: 'console' }, [
      h('div', { className: 'console-bar' }, [this.tabs.element, this.startButton]),
      this.startError.element,
      createConnectionBanner(signaling),
      this.empty,
      this.panels,
    ]);
    workspace.events.on('added', (session) => this.addSession(session));
    workspace.events.on('removed', (id) => this.removeSession(id));
    workspace.events.on('activated', (id) => this.showActive(id));
    for (const session of workspace.list()) this.addSession(session);
    this.showActive(workspace.active?.id ?? null);
  }

  dispose(): void {
    for (const view of this.views.values()) view.dispose();
  }

  private addSession(session: AgentSession): void {
    const view = new SessionView(session, this.toaster, () => this.workspace.closeTab(session.id));
    const panelId = `session-panel-${session.id}`;
    view.element.id = panelId;
    view.element.hidden = true;
    this.views.set(session.id, view);
    this.panels.appendChild(view.element);
    this.tabs.add(session.id, panelId, this.tabState(session));
    const refresh = (): void => this.tabs.update(session.id, this.tabState(session));
    session.events.on('changed', refresh);
    session.events.on('ended', refresh);
    session.roster.events.on('changed', refresh);
    session.chat.events.on('unread', refresh);
    session.events.on('unavailable', () => this.workspace.closeTab(session.id));
    this.empty.hidden = true;
  }

  private removeSession(id: string): void {
    this.views.get(id)?.dispose();
    this.views.get(id)?.element.remove();
    this.views.delete(id);
    this.tabs.remove(id);
    this.empty.hidden = this.views.size > 0;
  }

  private showActive(activeId: string | null): void {
    for (const [id, view] of this.views) view.element.hidden = id !== activeId;
    for (const session of this.workspace.list()) session.chat.setVisible(session.id === activeId);
    this.tabs.setActive(activeId);
  }

  private tabState(session: AgentSession): TabState {
    return {
      number: formatSessionNumber(session.summary.number),
      customerName: session.selectedCustomer?.displayName ?? null,
      ended: session.ended,
      unread: session.chat.unreadCount,
    };
  }

  private async startSession(): Promise<void> {
    this.startButton.disabled = true;
    bindText(this.startButton, 'console.starting');
    this.startError.clear();
    try {
      await this.workspace.startSession();
    } catch (error) {
      console.warn('session start failed', error);
      this.startError.show('console.startFailed', 'error');
    } finally {
      this.startButton.disabled = false;
      bindText(this.startButton, 'console.startSession');
    }
  }
}

/** Header items of the signed-in agent. */
export function createAgentHeaderItems(agent: AgentProfile, signOut: () => void): HTMLElement[] {
  return [
    h('span', { className: 'signed-in', testId: 'signed-in-as', i18n: 'console.signedInAs', params: { name: agent.displayName } }),
    h('button', { className: 'btn btn-ghost btn-small', testId: 'sign-out', i18n: 'console.signOut', attrs: { type: 'button' }, on: { click: signOut } }),
  ];
}
