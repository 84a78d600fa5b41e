import { StatusLine, h, type ApiClient, type Toaster } from '@rs/web-common';
import { HistoryFiltersView } from './history-filters-view';
import { HistoryManager } from './history-manager';
import { openHistoryRecord } from './history-record-dialog';
import { HistoryTableView } from './history-table-view';

export interface HistoryScreen {
  element: HTMLElement;
  /** Loads the first page (and the agents to filter by) and moves focus to the screen's title. */
  show(): void;
}

/** The History screen (R10.1) for agents, supervisors and admins: what each sees is decided by the server. */
export function createHistoryScreen(api: ApiClient, token: string, toaster: Toaster, back: () => void, signOut: () => void): HistoryScreen {
  const manager = new HistoryManager(api, token);
  const filters = new HistoryFiltersView(manager.filters, (chosen) => void manager.search(chosen));
  const table = new HistoryTableView(manager, (row) => openHistoryRecord(() => api.sessionRecord(token, row.sessionId)));
  const exportStatus = new StatusLine('history-export-status');
  const exportButton = h('button', { className: 'btn btn-secondary', testId: 'history-export', i18n: 'history.export', attrs: { type: 'button' } });
  exportButton.addEventListener('click', () => void exportCsv());
  manager.events.on('agents', (agents) => filters.setAgents(agents));
  manager.events.on('unauthenticated', signOut);

  async function exportCsv(): Promise<void> {
    exportButton.disabled = true;
    exportStatus.show('history.exporting', 'progress');
    try {
      const { blob, fileName } = await manager.exportCsv();
      const link = h('a', { attrs: { href: URL.createObjectURL(blob), download: fileName } });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      exportStatus.clear();
      toaster.show('history.exported', { count: manager.total }, 'success');
    } catch (error) {
      console.warn('history export failed', error);
      exportStatus.show('history.exportFailed', 'error');
    } finally {
      exportButton.disabled = false;
    }
  }

  const title = h('h1', { className: 'history-title', i18n: 'history.title', attrs: { tabindex: '-1' } });
  const element = h('section', { className: 'history-screen', testId: 'history-screen' }, [
    h('div', { className: 'history-head' }, [
      h('button', { className: 'btn btn-ghost btn-small', testId: 'history-back', i18n: 'history.back', attrs: { type: 'button' }, on: { click: back } }),
      title,
      exportButton,
    ]),
    exportStatus.element,
    h('div', { className: 'panel' }, [filters.element]),
    h('div', { className: 'panel' }, [table.element]),
  ]);
  return {
    element,
    show() {
      void manager.loadAgents();
      void manager.load();
      title.focus();
    },
  };
}
