import { ChosenPresenceSchema, type AgentPresence } from '@rs/signaling';
import { bindText, formatDuration, h, onEverySecond, type MessageKey, type Toaster } from '@rs/web-common';
import type { QueueManager } from './queue-manager';

const STATE_NAMES: Record<AgentPresence['state'], MessageKey> = {
  available: 'presence.available',
  away: 'presence.away',
  busy: 'presence.busy',
  'wrap-up': 'presence.wrap-up',
  offline: 'presence.offline',
};

/**
 * The agent's presence (R1.1): they choose available or away; the badge shows what
 * the server computed (busy at the maximum of sessions, wrap-up after a session,
 * away after missed offers) and the line below says why.
 */
export class PresenceView {
  readonly element: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly badge = h('span', { className: 'presence-badge', testId: 'presence-state' });
  private readonly detail = h('p', { className: 'presence-detail', testId: 'presence-detail', attrs: { 'aria-live': 'polite' } });
  private readonly stopTicking: () => void;

  constructor(
    private readonly manager: QueueManager,
    private readonly toaster: Toaster,
  ) {
    this.select = h(
      'select',
      { className: 'input input-small presence-select', testId: 'presence-select', attrs: { id: 'presence-select' }, on: { change: () => void this.choose() } },
      ChosenPresenceSchema.options.map((state) => h('option', { i18n: STATE_NAMES[state], attrs: { value: state } })),
    );
    this.element = h('div', { className: 'presence', testId: 'presence' }, [
      h('div', { className: 'presence-row' }, [h('label', { i18n: 'presence.label', attrs: { for: 'presence-select' } }), this.select, this.badge]),
      this.detail,
    ]);
    manager.events.on('changed', () => this.render());
    this.stopTicking = onEverySecond(() => this.renderDetail());
    this.render();
  }

  dispose(): void {
    this.stopTicking();
  }

  private render(): void {
    const presence = this.manager.presence;
    this.element.hidden = presence === null;
    if (!presence) return;
    if (!this.select.disabled) this.select.value = presence.chosen;
    this.badge.dataset.state = presence.state;
    this.element.dataset.state = presence.state;
    bindText(this.badge, STATE_NAMES[presence.state]);
    this.renderDetail();
  }

  private renderDetail(): void {
    const presence = this.manager.presence;
    if (!presence) return;
    if (presence.state === 'busy') bindText(this.detail, 'presence.busyDetail', { active: presence.activeSessions, max: presence.maxSessions });
    else if (presence.state === 'wrap-up') bindText(this.detail, 'presence.wrapUpDetail', { time: formatDuration((presence.wrapUpUntil ?? Date.now()) - Date.now()) });
    else if (presence.state === 'away' && presence.awayReason === 'missed-offers') bindText(this.detail, 'presence.awayMissed', { count: presence.missedOffers });
    else if (presence.state === 'away') bindText(this.detail, 'presence.awayDetail');
    else bindText(this.detail, 'presence.availableDetail');
  }

  private async choose(): Promise<void> {
    const chosen = ChosenPresenceSchema.safeParse(this.select.value);
    if (!chosen.success) return;
    this.select.disabled = true;
    try {
      await this.manager.setPresence(chosen.data);
    } catch {
      this.toaster.show('presence.failed', undefined, 'error');
    } finally {
      this.select.disabled = false;
      this.render();
    }
  }
}
