import { HISTORY_COLUMNS, containsPattern, historyOrder, historySelect, historyUpsert, historyWhere } from './history-sql';
import type { HistoryFilter } from './history-store';

const base: HistoryFilter = { from: 1000, sort: 'startedAt', direction: 'desc' };

describe('history SQL', () => {
  it('puts the caller\'s scope first, as parameters, and only the date for an empty filter', () => {
    expect(historyWhere(base, { kind: 'all' })).toEqual({ text: 'started_at >= $1', params: [1000] });
    expect(historyWhere(base, { kind: 'some', agentIds: ['a1', 'a2'], staffId: 's1' })).toEqual({
      text: '(agent_id = ANY($1::text[]) OR staff_ids @> ARRAY[$2::text]) AND started_at >= $3',
      params: [['a1', 'a2'], 's1', 1000],
    });
  });

  it('turns every filter into a parameterised term (never text in the SQL)', () => {
    const where = historyWhere(
      { ...base, to: 2000, agentId: 'a1', number: '1234', customer: "O'Brien", text: 'printer  JAM' },
      { kind: 'all' },
    );
    expect(where.text).toBe(
      'started_at >= $1 AND started_at < $2 AND agent_id = $3 AND number LIKE $4 AND customers_text ILIKE $5 AND notes ILIKE $6 AND notes ILIKE $7',
    );
    expect(where.params).toEqual([1000, 2000, 'a1', '1234%', "%O'Brien%", '%printer%', '%jam%']);
  });

  it('escapes LIKE pattern characters in searched text', () => {
    expect(containsPattern('100%_done\\')).toBe('%100\\%\\_done\\\\%');
  });

  it('orders by the column, empty values last, then newest first and session id', () => {
    expect(historyOrder('customerName', 'asc')).toBe('lower(customer_sort) COLLATE "C" ASC NULLS LAST, started_at DESC, session_id ASC');
    expect(historyOrder('durationSeconds', 'desc')).toBe('duration_seconds DESC NULLS LAST, started_at DESC, session_id ASC');
  });

  it('pages with LIMIT/OFFSET and counts with the same WHERE; the CSV takes every row', () => {
    const { rows, count } = historySelect(base, { kind: 'all' }, { offset: 100, limit: 50 });
    expect(rows.text).toMatch(/ WHERE started_at >= \$1 ORDER BY .* LIMIT 50 OFFSET 100$/);
    expect(count).toEqual({ text: 'SELECT count(*)::int AS total FROM session_history WHERE started_at >= $1', params: [1000] });
    expect(historySelect(base, { kind: 'all' }, null).rows.text).not.toContain('LIMIT');
  });

  it('upserts many rows with one placeholder per column', () => {
    const sql = historyUpsert(2);
    expect(sql).toContain(`($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16), ($17,`);
    expect(sql).toContain(`$${2 * HISTORY_COLUMNS.length})`);
    expect(sql).toContain('ON CONFLICT (session_id) DO UPDATE SET number = EXCLUDED.number');
  });
});
