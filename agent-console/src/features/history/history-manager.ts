import { HISTORY_LIMITS, defaultHistoryFrom } from '@rs/signaling';
import type { HistoryAgent, HistoryPage, HistoryQueryInput, HistorySort } from '@rs/signaling';
import { ApiError, TypedEmitter, type ApiClient } from '@rs/web-common';

/** The filters a person sets on the History screen (dates are local calendar days, yyyy-mm-dd). */
export interface HistoryFilters {
  fromDay: string;
  toDay: string;
  agentId: string;
  customer: string;
  number: string;
  text: string;
}

export type HistoryEvents = {
  loading: [];
  page: [HistoryPage];
  failed: [];
  agents: [HistoryAgent[]];
  unauthenticated: [];
};

/** yyyy-mm-dd of a moment, in local time (what an <input type=date> shows). */
export function localDay(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight at the start of a yyyy-mm-dd day, or undefined for ''. */
function dayStart(day: string, addDays = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays).getTime();
}

export function defaultFilters(now = Date.now()): HistoryFilters {
  return { fromDay: localDay(defaultHistoryFrom(now)), toDay: '', agentId: '', customer: '', number: '', text: '' };
}

/** The filters as a request: the end day is included (up to the next local midnight). */
export function toQuery(filters: HistoryFilters, sort: HistorySort, direction: 'asc' | 'desc', page: number): HistoryQueryInput {
  return {
    from: dayStart(filters.fromDay) ?? 0,
    to: dayStart(filters.toDay, 1),
    agentId: filters.agentId || undefined,
    customer: filters.customer.trim() || undefined,
    number: filters.number.replace(/\D/g, '') || undefined,
    text: filters.text.trim() || undefined,
    sort, direction, page, pageSize: HISTORY_LIMITS.pageSizeDefault,
  };
}

/** Session history for the signed-in account (R10.1): filters, sort, paging, CSV export. */
export class HistoryManager {
  readonly events = new TypedEmitter<HistoryEvents>();
  filters: HistoryFilters = defaultFilters();
  sort: HistorySort = 'startedAt';
  direction: 'asc' | 'desc' = 'desc';
  page = 1;
  /** Rows matching the filters, from the last page loaded. */
  total = 0;
  private loads = 0;

  constructor(
    private readonly api: ApiClient,
    private readonly token: string,
  ) {}

  async loadAgents(): Promise<void> {
    try {
      this.events.emit('agents', await this.api.historyAgents(this.token));
    } catch (error) {
      this.failed(error);
    }
  }

  search(filters: HistoryFilters): Promise<void> {
    this.filters = filters;
    this.page = 1;
    return this.load();
  }

  /** A column header: a new column sorts descending first for times and durations, ascending for names. */
  sortBy(column: HistorySort): Promise<void> {
    if (this.sort === column) this.direction = this.direction === 'asc' ? 'desc' : 'asc';
    else this.direction = ['startedAt', 'endedAt', 'durationSeconds'].includes(column) ? 'desc' : 'asc';
    this.sort = column;
    this.page = 1;
    return this.load();
  }

  goTo(page: number): Promise<void> {
    this.page = Math.max(1, page);
    return this.load();
  }

  async load(): Promise<void> {
    const mine = ++this.loads;
    this.events.emit('loading');
    try {
      const page = await this.api.history(this.token, toQuery(this.filters, this.sort, this.direction, this.page));
      if (mine !== this.loads) return;
      this.total = page.total;
      this.events.emit('page', page);
    } catch (error) {
      if (mine === this.loads) this.failed(error);
    }
  }

  /** Every row of the current filters and sort, as the server's CSV file. */
  async exportCsv(): Promise<{ blob: Blob; fileName: string; }> {
    const { page: _page, pageSize: _size, ...query } = toQuery(this.filters, this.sort, this.direction, 1);
    try {
      return await this.api.historyCsv(this.token, query);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') this.events.emit('unauthenticated');
      throw error;
    }
  }

  private failed(error: unknown): void {
    console.warn('history failed', error);
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') this.events.emit('unauthenticated');
    else this.events.emit('failed');
  }
}
