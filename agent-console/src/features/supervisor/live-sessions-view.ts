import type { LiveSession } from '@rs/signaling';
import { StatusLine, formatClockTime, formatSessionNumber, h, replaceChildren, type MessageKey } from '@rs/web-common';
import type { LiveSessionsManager } from './live-sessions-manager';

export interface LiveSessionsActions {
  /** Watch the session, or bring its tab to the front when already watched. */
  watch: (session: LiveSession) => Promise<void>;
  isOpen: (sessionId: string) => boolean;
}

const ACTIVITY_LABELS: Record<string, MessageKey> = { screen: 'supervisor.activityScreen' };

/** The supervisor's list of live sessions: agent, customers, since when, what is active, Watch. */
export class LiveSessionsView {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly status = new StatusLine('live-sessions-status', 'form-error');

  constructor(
    private readonly manager: LiveSessionsManager,
    private readonly actions: LiveSessionsActions,
  ) {
    this.body = h('tbody', { testId: 'live-sessions-rows' });
    this.empty = h('p', { className: 'field-hint', testId: 'live-sessions-empty', i18n: 'supervisor.empty' });
    const header = (['supervisor.session', 'supervisor.agent', 'supervisor.customers', 'supervisor.since', 'supervisor.activity', 'supervisor.actions'] as const).map((key) =>
      h('th', { i18n: key, attrs: { scope: 'col' } }),
    );
    this.element = h('section', { className: 'panel live-sessions', testId: 'live-sessions' }, [
      h('h2', { className: 'panel-title', i18n: 'supervisor.liveTitle' }),
      h('table', { className: 'data-table' }, [h('thead', {}, [h('tr', {}, header)]), this.body]),
      this.empty,
      this.status.element,
    ]);
    manager.events.on('changed', (sessions) => this.render(sessions));
    manager.events.on('failed', () => this.status.show('supervisor.loadFailed', 'error', undefined, 'failed'));
    this.render(manager.list());
  }

  /** Re-renders (also when a tab opens or closes: the button says Watch or Open). */
  refresh(): void {
    this.render(this.manager.list());
  }

  private render(sessions: LiveSession[]): void {
    this.status.clear();
    replaceChildren(this.body, sessions.map((live) => this.row(live)));
    this.empty.hidden = sessions.length > 0;
  }

  private row(live: LiveSession): HTMLElement {
    const open = this.actions.isOpen(live.session.id);
    const button = h('button', {
      className: `btn btn-small ${open ? 'btn-secondary' : 'btn-primary'}`,
      testId: 'watch-session',
      i18n: open ? 'supervisor.open' : 'supervisor.watch',
      attrs: { type: 'button' },
    });
    button.addEventListener('click', () => {
      button.disabled = true;
      this.actions
        .watch(live)
        .catch((error: unknown) => {
          console.warn('session:watch failed', error);
          this.status.show('supervisor.watchFailed', 'error', undefined, 'watch-failed');
        })
        .finally(() => this.refresh());
    });
    const activity = live.active.length > 0
      ? live.active.map((name) => h('span', { className: 'participant-flag', i18n: ACTIVITY_LABELS[name] ?? 'supervisor.activityOther' }))
      : [h('span', { className: 'field-hint', i18n: 'supervisor.activityNone' })];
    return h('tr', { testId: 'live-session', attrs: { 'data-session-id': live.session.id, 'data-number': live.session.number, 'data-active': live.active.join(' ') } }, [
      h('td', { className: 'mono', text: formatSessionNumber(live.session.number) }),
      h('td', { testId: 'live-session-agent', userText: live.agentName }),
      h('td', { testId: 'live-session-customers' }, live.customers.length > 0 ? live.customers.flatMap((name, i) => [i > 0 ? ', ' : null, h('span', { userText: name })]) : ['—']),
      h('td', { text: formatClockTime(live.session.createdAt) }),
      h('td', { testId: 'live-session-activity' }, activity),
      h('td', {}, [button]),
    ]);
  }
}
