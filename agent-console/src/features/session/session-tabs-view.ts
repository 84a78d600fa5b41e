import type { SessionRole } from '@rs/signaling';
import { ROLE_LABELS, bindText, h, type MessageKey } from '@rs/web-common';

export interface TabState {
  /** Formatted session number. */
  number: string;
  customerName: string | null;
  /** This console's role in the session; shown unless it is the agent in control. */
  role: SessionRole | null;
  ended: boolean;
  unread: number;
}

interface Tab {
  button: HTMLButtonElement;
  label: HTMLElement;
  customer: HTMLElement;
  role: HTMLElement;
  badge: HTMLElement;
}

/** The tab strip of open sessions (role=tablist; arrow keys, Home and End move between tabs). */
export class SessionTabsView {
  readonly element: HTMLElement;
  private readonly tabs = new Map<string, Tab>();

  constructor(private readonly onSelect: (id: string) => void) {
    this.element = h('div', { className: 'session-tabs', testId: 'session-tabs', i18nAttrs: { 'aria-label': 'console.sessions' }, attrs: { role: 'tablist' } });
    this.element.addEventListener('keydown', (event) => this.onKeyDown(event));
  }

  add(id: string, panelId: string, state: TabState): void {
    const label = h('span', { className: 'tab-label', i18n: 'tab.label', params: { number: state.number } });
    const customer = h('span', { className: 'tab-customer', testId: 'tab-customer' });
    const role = h('span', { className: 'tab-role', testId: 'tab-role' });
    const badge = h('span', { className: 'tab-badge' });
    const button = h(
      'button',
      {
        className: 'session-tab',
        testId: 'session-tab',
        attrs: { type: 'button', role: 'tab', 'aria-selected': 'false', 'aria-controls': panelId, tabindex: -1, 'data-session-id': id, 'data-number': state.number.replace(/\D/g, '') },
        on: { click: () => this.onSelect(id) },
      },
      [label, customer, role, badge],
    );
    this.tabs.set(id, { button, label, customer, role, badge });
    this.element.appendChild(button);
    this.update(id, state);
  }

  update(id: string, state: TabState): void {
    const tab = this.tabs.get(id);
    if (!tab) return;
    // The number changes when the agent gets a new one for an expired number.
    bindText(tab.label, 'tab.label', { number: state.number });
    tab.button.dataset.number = state.number.replace(/\D/g, '');
    tab.customer.textContent = state.customerName ?? '';
    tab.customer.hidden = !state.customerName;
    tab.role.hidden = state.role === null || state.role === 'agent';
    if (state.role) bindText(tab.role, ROLE_LABELS[state.role]);
    tab.button.dataset.role = state.role ?? '';
    const badge: MessageKey | null = state.ended ? 'tab.ended' : state.unread > 0 ? 'tab.unread' : null;
    tab.badge.hidden = badge === null;
    tab.badge.className = `tab-badge${state.ended ? ' tab-badge-ended' : ' tab-badge-unread'}`;
    if (badge) bindText(tab.badge, badge);
    tab.button.dataset.state = state.ended ? 'ended' : 'open';
  }

  remove(id: string): void {
    this.tabs.get(id)?.button.remove();
    this.tabs.delete(id);
  }

  setActive(activeId: string | null): void {
    for (const [id, tab] of this.tabs) {
      const active = id === activeId;
      tab.button.setAttribute('aria-selected', String(active));
      tab.button.tabIndex = active ? 0 : -1;
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    const ids = [...this.tabs.keys()];
    const current = ids.findIndex((id) => this.tabs.get(id)?.button === document.activeElement);
    if (current < 0) return;
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: ids.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const id = ids[(target + ids.length) % ids.length];
    if (id === undefined) return;
    this.onSelect(id);
    this.tabs.get(id)?.button.focus();
  }
}
