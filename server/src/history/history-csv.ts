import { stringify } from 'csv-stringify/sync';
import { HISTORY_CSV_COLUMNS } from '@rs/signaling';
import type { HistoryRow } from '@rs/signaling';

/** Byte order mark: spreadsheet programs read the file as UTF-8 (Traditional Chinese names intact). */
export const UTF8_BOM = '\uFEFF';

function cell(row: HistoryRow, column: (typeof HISTORY_CSV_COLUMNS)[number]): string | number {
  const value = row[column];
  if (column === 'startedAt' || column === 'endedAt') return value === null ? '' : new Date(value as number).toISOString();
  if (Array.isArray(value)) return value.join('; ');
  return value ?? '';
}

/** The history rows as CSV (RFC 4180 quoting by csv-stringify), with a header row and a BOM. */
export function historyCsv(rows: readonly HistoryRow[]): string {
  const body = stringify(rows.map((row) => HISTORY_CSV_COLUMNS.map((c) => cell(row, c))), {
    header: true,
    columns: [...HISTORY_CSV_COLUMNS],
  });
  return UTF8_BOM + body;
}
