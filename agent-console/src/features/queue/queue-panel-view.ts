import { localized, type QueueView } from '@rs/signaling';
import { ApiError, StatusLine, bindAttribute, getLanguage, h, onEverySecond, onLanguageChange, replaceChildren, type MessageKey } from '@rs/web-common';
import type { QueueManager } from './queue-manager';
import { createQueueEntryView } from './queue-entry-view';

/** Why an accept failed, for the agent. */
export function acceptFailure(error: unknown): MessageKey {
  const code = error instanceof ApiError ? error.code : 'INTERNAL';
  if (code === 'ALREADY_TAKEN' || code === 'QUEUE_EMPTY' || code === 'ENTRY_NOT_FOUND') return 'queues.taken';
  if (code === 'AGENT_UNAVAILABLE' || code === 'SESSION_LIMIT') return 'queues.unavailable';
  return 'queues.acceptFailed';
}

/**
 * The queues an agent belongs to (R1.1), each with every waiting customer in
 * queue order, Accept next (all my queues, or one) and Accept per customer.
 */
export class QueuePanelView {
  readonly element: HTMLElement;
  private readonly list = h('ul', { className: 'queue-list', testId: 'queue-list' });
  private readonly none = h('p', { className: 'queue-none', testId: 'queue-none', i18n: 'queues.none' });
  private readonly status = new StatusLine('queue-status', 'queue-status');
  private readonly acceptNextButton: HTMLButtonElement;
  private ticks: (() => void)[] = [];
  private readonly stopTicking: () => void;
  private readonly offLanguage: () => void;

  constructor(
    private readonly manager: QueueManager,
    header: HTMLElement[],
  ) {
    this.acceptNextButton = h('button', {
      className: 'btn btn-primary',
      testId: 'accept-next',
      i18n: 'queues.acceptNext',
      attrs: { type: 'button' },
      on: { click: () => void this.accept(this.acceptNextButton, () => manager.acceptNext()) },
    });
    this.element = h('section', { className: 'panel queue-panel', testId: 'queue-panel', attrs: { 'aria-labelledby': 'queue-panel-title' } }, [
      h('div', { className: 'queue-panel-head' }, [h('h2', { className: 'panel-title', i18n: 'queues.title', attrs: { id: 'queue-panel-title' } }), ...header]),
      this.acceptNextButton,
      this.status.element,
      this.none,
      this.list,
    ]);
    manager.events.on('changed', () => this.render());
    this.stopTicking = onEverySecond(() => this.ticks.forEach((tick) => tick()));
    this.offLanguage = onLanguageChange(() => this.render());
    this.render();
  }

  dispose(): void {
    this.stopTicking();
    this.offLanguage();
  }

  private render(): void {
    const queues = this.manager.queues;
    this.none.hidden = queues.length > 0 || this.manager.presence === null;
    this.acceptNextButton.disabled = this.manager.waitingCount === 0;
    this.ticks = [];
    replaceChildren(this.list, queues.map((view) => this.renderQueue(view)));
  }

  private renderQueue({ queue, entries }: QueueView): HTMLElement {
    const name = localized(queue.name, getLanguage());
    const waiting = entries.filter((entry) => entry.state === 'waiting').length;
    const next = h('button', {
      className: 'btn btn-secondary btn-small',
      testId: 'accept-next-queue',
      i18n: 'queues.acceptNext',
      attrs: { type: 'button', disabled: waiting === 0 },
    });
    bindAttribute(next, 'aria-label', 'queues.acceptNextIn', { queue: name });
    next.addEventListener('click', () => void this.accept(next, () => this.manager.acceptNext(queue.id)));
    const rows = entries.map((entry) => {
      const row = createQueueEntryView(entry, (button) => void this.accept(button, () => this.manager.accept(entry.id)));
      this.ticks.push(row.tick);
      return row.element;
    });
    return h('li', { className: 'queue', testId: 'queue', attrs: { 'data-queue-id': queue.id, 'data-waiting': waiting } }, [
      h('div', { className: 'queue-head' }, [
        h('h3', { className: 'queue-name', testId: 'queue-name', userText: name }),
        h('span', { className: 'queue-count', testId: 'queue-count', i18n: 'queues.waiting', params: { count: waiting } }),
        next,
      ]),
      h('p', { className: 'queue-routing', i18n: `queues.routing.${queue.routing}` }),
      rows.length > 0 ? h('ol', { className: 'queue-entries' }, rows) : h('p', { className: 'queue-empty', i18n: 'queues.empty' }),
    ]);
  }

  private async accept(button: HTMLButtonElement, action: () => Promise<unknown>): Promise<void> {
    button.disabled = true;
    this.status.clear();
    try {
      await action();
    } catch (error) {
      this.status.show(acceptFailure(error), 'warning', undefined, 'refused');
      button.disabled = false;
    }
  }
}
