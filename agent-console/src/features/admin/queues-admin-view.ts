import { localized, type Queue } from '@rs/signaling';
import { StatusLine, askConfirmation, getLanguage, h, replaceChildren } from '@rs/web-common';
import { QueueAdminManager } from './queue-admin-manager';
import type { QueueEditorView } from './queue-editor-view';

/** Every queue: name, routing, members; Edit fills the editor, Delete asks first. */
export class QueuesAdminView {
  readonly element: HTMLElement;
  private readonly body = h('tbody', { testId: 'queue-rows' });
  private readonly empty = h('p', { className: 'field-hint', i18n: 'queueAdmin.none' });
  private readonly status = new StatusLine('queues-status', 'form-error');

  constructor(
    private readonly manager: QueueAdminManager,
    private readonly editor: QueueEditorView,
  ) {
    const header = (['board.queue', 'queueAdmin.routing', 'queueAdmin.members', 'admin.actions'] as const).map((key) => h('th', { i18n: key, attrs: { scope: 'col' } }));
    this.element = h('section', { className: 'panel', testId: 'queues-admin' }, [
      h('h2', { className: 'panel-title', i18n: 'queueAdmin.title' }),
      h('table', { className: 'data-table' }, [h('thead', {}, [h('tr', {}, header)]), this.body]),
      this.empty,
      this.status.element,
    ]);
    manager.events.on('changed', () => this.render());
    this.render();
  }

  private render(): void {
    this.empty.hidden = this.manager.queues.length > 0;
    replaceChildren(this.body, this.manager.queues.map((queue) => this.row(queue)));
  }

  private row(queue: Queue): HTMLElement {
    const names = this.manager.agents.filter((agent) => queue.members.includes(agent.id)).map((agent) => agent.displayName);
    return h('tr', { testId: 'queue-row', attrs: { 'data-queue-id': queue.id } }, [
      h('td', { userText: localized(queue.name, getLanguage()) }),
      h('td', { i18n: `queues.routing.${queue.routing}` }),
      h('td', { userText: names.join(', ') || '—' }),
      h('td', { className: 'row-actions' }, [
        h('button', { className: 'btn btn-secondary btn-small', testId: 'queue-edit', i18n: 'queueAdmin.edit', attrs: { type: 'button' }, on: { click: () => this.editor.edit(queue) } }),
        h('button', { className: 'btn btn-ghost btn-small', testId: 'queue-delete', i18n: 'queueAdmin.delete', attrs: { type: 'button' }, on: { click: () => void this.remove(queue) } }),
      ]),
    ]);
  }

  private async remove(queue: Queue): Promise<void> {
    const sure = await askConfirmation({
      testId: 'queue-delete-dialog',
      title: 'queueAdmin.deleteTitle',
      body: 'queueAdmin.deleteBody',
      confirm: 'queueAdmin.delete',
      confirmTestId: 'queue-delete-confirm',
      cancelTestId: 'queue-delete-cancel',
      danger: true,
    });
    if (!sure) return;
    try {
      await this.manager.deleteQueue(queue.id);
      this.editor.edit(null);
    } catch (error) {
      this.status.show(QueueAdminManager.messageFor(error, 'queueAdmin.failed'), 'error', undefined, 'failed');
    }
  }
}
