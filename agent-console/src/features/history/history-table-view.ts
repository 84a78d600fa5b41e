import type { HistoryPage, HistoryRow, HistorySort } from '@rs/signaling';
import { StatusLine, bindAttribute, formatDateTime, formatDuration, formatSessionNumber, h, replaceChildren, type MessageKey } from '@rs/web-common';
import type { HistoryManager } from './history-manager';

const COLUMNS: { sort: HistorySort; label: MessageKey }[] = [
  { sort: 'startedAt', label: 'history.colStarted' },
  { sort: 'endedAt', label: 'history.colEnded' },
  { sort: 'durationSeconds', label: 'history.colDuration' },
  { sort: 'agentName', label: 'history.colAgent' },
  { sort: 'customerName', label: 'history.colCustomer' },
  { sort: 'number', label: 'history.colNumber' },
  { sort: 'queueName', label: 'history.colQueue' },
  { sort: 'endedByName', label: 'history.colEndedBy' },
];

/**
 * The history table: a button in each column header sorts by it (aria-sort on the header says
 * how); rows open their record; paging below, with the count.
 */
export class HistoryTableView {
  readonly element: HTMLElement;
  private readonly headers: HTMLTableCellElement[];
  private readonly body = h('tbody', { testId: 'history-rows' });
  private readonly status = new StatusLine('history-status');
  private readonly summary = h('p', { className: 'history-summary', testId: 'history-summary', attrs: { 'aria-live': 'polite' } });
  private readonly prev: HTMLButtonElement;
  private readonly next: HTMLButtonElement;

  constructor(private readonly manager: HistoryManager, private readonly openRecord: (row: HistoryRow) => void) {
    this.headers = COLUMNS.map(({ sort, label }) =>
      h('th', { attrs: { scope: 'col', 'data-sort': sort } }, [
        h('button', { className: 'sort-button', testId: `history-sort-${sort}`, i18n: label, attrs: { type: 'button' }, on: { click: () => void manager.sortBy(sort) } }),
      ]),
    );
    const plain = (label: MessageKey) => h('th', { i18n: label, attrs: { scope: 'col' } });
    this.prev = h('button', { className: 'btn btn-secondary btn-small', testId: 'history-prev', i18n: 'history.prev', attrs: { type: 'button' }, on: { click: () => void manager.goTo(manager.page - 1) } });
    this.next = h('button', { className: 'btn btn-secondary btn-small', testId: 'history-next', i18n: 'history.next', attrs: { type: 'button' }, on: { click: () => void manager.goTo(manager.page + 1) } });
    this.element = h('div', { className: 'history-results' }, [
      this.status.element,
      h('div', { className: 'history-table-wrap' }, [
        h('table', { className: 'data-table history-table', testId: 'history-table' }, [
          h('thead', {}, [h('tr', {}, [...this.headers, plain('history.colNotes'), plain('history.colRecord')])]),
          this.body,
        ]),
      ]),
      h('div', { className: 'history-paging' }, [this.prev, this.summary, this.next]),
    ]);
    manager.events.on('loading', () => this.loading());
    manager.events.on('page', (page) => this.render(page));
    manager.events.on('failed', () => this.status.show('history.failed', 'error', undefined, 'failed'));
    this.markSort();
  }

  private loading(): void {
    this.status.show('history.loading', 'progress', undefined, 'loading');
    this.element.setAttribute('aria-busy', 'true');
  }

  private render(page: HistoryPage): void {
    this.element.removeAttribute('aria-busy');
    const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    if (page.total === 0) this.status.show('history.empty', 'info', undefined, 'empty');
    else this.status.clear();
    this.summary.dataset.total = String(page.total);
    replaceChildren(this.summary, [h('span', { i18n: 'history.summary', params: { count: page.total, page: page.page, pages } })]);
    this.prev.disabled = page.page <= 1;
    this.next.disabled = page.page >= pages;
    replaceChildren(this.body, page.rows.map((row) => this.row(row)));
    this.markSort();
  }

  private markSort(): void {
    for (const header of this.headers) {
      const sorted = header.dataset.sort === this.manager.sort;
      if (sorted) header.setAttribute('aria-sort', this.manager.direction === 'asc' ? 'ascending' : 'descending');
      else header.removeAttribute('aria-sort');
    }
  }

  private row(row: HistoryRow): HTMLElement {
    const customers = row.customerNames.filter(Boolean);
    const emails = row.customerEmails.filter(Boolean);
    return h('tr', { testId: 'history-row', attrs: { 'data-session-id': row.sessionId } }, [
      h('td', { text: formatDateTime(row.startedAt) }),
      row.endedAt === null ? h('td', { i18n: 'history.running' }) : h('td', { text: formatDateTime(row.endedAt) }),
      h('td', { text: row.durationSeconds === null ? '' : formatDuration(row.durationSeconds * 1000) }),
      h('td', { testId: 'history-agent', userText: row.agentName }),
      customers.length > 0
        ? h('td', { testId: 'history-customer' }, [h('span', { userText: customers.join(', ') }), emails.length > 0 ? h('span', { className: 'field-hint history-email', userText: emails.join(', ') }) : null])
        : h('td', { testId: 'history-customer', className: 'field-hint', i18n: 'history.noCustomer' }),
      h('td', { className: 'mono', text: formatSessionNumber(row.number) }),
      h('td', { userText: row.queueName ?? '' }),
      h('td', { userText: row.endedByName ?? '' }),
      h('td', { className: 'history-notes', userText: row.notes }),
      h('td', {}, [this.openButton(row)]),
    ]);
  }

  private openButton(row: HistoryRow): HTMLElement {
    const button = h('button', {
      className: 'btn btn-ghost btn-small', testId: 'history-open', i18n: 'history.openRecord',
      attrs: { type: 'button' }, on: { click: () => this.openRecord(row) },
    });
    bindAttribute(button, 'aria-label', 'history.openRecordOf', { time: formatDateTime(row.startedAt) });
    return button;
  }
}
