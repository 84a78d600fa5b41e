import { createConnectionBanner, formatSessionNumber, h, type MessageKey } from '@rs/web-common';
import type { StaffContext } from '../home/staff-context';
import type { AgentSession } from './agent-session';
import { SessionTabsView, type TabState } from './session-tabs-view';
import { SessionView } from './session-view';
import type { SessionWorkspace } from './session-workspace';

/** The sessions of a signed-in staff member: role-specific bar items, the tab strip, one SessionView per session. */
export class ConsoleView {
  readonly element: HTMLElement;
  private readonly tabs: SessionTabsView;
  private readonly panels: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly views = new Map<string, SessionView>();

  constructor(
    private readonly workspace: SessionWorkspace,
    private readonly context: StaffContext,
    options: { barItems: HTMLElement[]; emptyText: MessageKey },
  ) {
    this.tabs = new SessionTabsView((id) => workspace.activate(id));
    this.panels = h('div', { className: 'session-panels' });
    this.empty = h('div', { className: 'empty-state', testId: 'no-sessions' }, [h('p', { i18n: options.emptyText })]);
    this.element = h('div', { className: 'console', testId: 'console' }, [
      h('div', { className: 'console-bar' }, [this.tabs.element, h('div', { className: 'console-actions' }, options.barItems)]),
      createConnectionBanner(context.signaling),
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
    const view = new SessionView(session, this.context.toaster, () => this.workspace.closeTab(session.id));
    const panelId = `session-panel-${session.id}`;
    view.element.id = panelId;
    view.element.hidden = true;
    this.views.set(session.id, view);
    this.panels.appendChild(view.element);
    this.tabs.add(session.id, panelId, this.tabState(session));
    const refresh = (): void => this.tabs.update(session.id, this.tabState(session));
    session.events.on('changed', refresh);
    session.events.on('ended', refresh);
    session.chat.events.on('unread', refresh);
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
      role: session.selfRole,
      ended: session.ended,
      unread: session.chat.unreadCount,
    };
  }
}
