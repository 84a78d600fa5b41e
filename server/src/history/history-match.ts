import type { HistorySort } from '@rs/signaling';
import type { HistoryEntry, HistoryFilter, HistoryScope } from './history-store';

/** Words of a notes search: every one must appear (case-insensitive). */
export function searchWords(text: string | undefined): string[] {
  return text ? text.toLowerCase().split(/\s+/).filter(Boolean) : [];
}

/** What the customer filter searches: every customer's name and e-mail. */
export function customersText(entry: Pick<HistoryEntry, 'customerNames' | 'customerEmails'>): string {
  return [...entry.customerNames, ...entry.customerEmails].join('\n');
}

/** The customer column's sort key: the names in join order. */
export function customerSortKey(entry: Pick<HistoryEntry, 'customerNames'>): string {
  return entry.customerNames.join(', ');
}

/** The filter as a predicate (the memory store; the SQL stores say the same in history-sql.ts). */
export function matches(entry: HistoryEntry, filter: HistoryFilter, scope: HistoryScope): boolean {
  if (scope.kind === 'some' && !scope.agentIds.includes(entry.agentId) && !entry.staffIds.includes(scope.staffId)) return false;
  if (entry.startedAt < filter.from || (filter.to !== undefined && entry.startedAt >= filter.to)) return false;
  if (filter.agentId && entry.agentId !== filter.agentId) return false;
  if (filter.number && !entry.number.startsWith(filter.number)) return false;
  if (filter.customer && !customersText(entry).toLowerCase().includes(filter.customer.toLowerCase())) return false;
  const notes = entry.notes.toLowerCase();
  return searchWords(filter.text).every((word) => notes.includes(word));
}

type SortValue = string | number | null;

function sortValue(entry: HistoryEntry, sort: HistorySort): SortValue {
  switch (sort) {
    case 'customerName': return customerSortKey(entry).toLowerCase();
    case 'agentName': return entry.agentName.toLowerCase();
    case 'queueName': return entry.queueName?.toLowerCase() ?? null;
    case 'endedByName': return entry.endedByName?.toLowerCase() ?? null;
    default: return entry[sort];
  }
}

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * The order of every store: the sort column in the asked direction with empty values last,
 * then newest start first, then session id (a stable order for paging).
 */
export function compareEntries(sort: HistorySort, direction: 'asc' | 'desc') {
  const sign = direction === 'asc' ? 1 : -1;
  return (a: HistoryEntry, b: HistoryEntry): number => {
    const va = sortValue(a, sort);
    const vb = sortValue(b, sort);
    const nulls = va === null || vb === null;
    const first = nulls ? compareValues(va, vb) : sign * compareValues(va, vb);
    return first || b.startedAt - a.startedAt || (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0);
  };
}
