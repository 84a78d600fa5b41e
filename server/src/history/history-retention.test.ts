import { resolveConfig, type ConfigInput } from '../config/config';
import { createLogger } from '../logging/logger';
import { waitFor } from '../../../test/support/wait-for';
import type { HistoryEntry } from './history-store';
import { keepHistoryFor } from './history-retention';
import { MemoryHistoryStore } from './memory-history-store';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 11, 3);

function entry(daysAgo: number, state: HistoryEntry['state'] = 'ended'): HistoryEntry {
  const startedAt = NOW - daysAgo * DAY;
  return {
    sessionId: `s-${daysAgo}-${state}`, number: '123456789', state, startedAt, endedAt: state === 'ended' ? startedAt + 60_000 : null,
    durationSeconds: state === 'ended' ? 60 : null, agentId: 'a', agentName: 'Ann', customerNames: [], customerEmails: [],
    endedByName: null, queueName: null, notes: `${daysAgo} days`, staffIds: ['a'],
  };
}

describe('history retention', () => {
  it('deletes ended sessions older than the retention at start, keeps newer and running ones', async () => {
    const store = new MemoryHistoryStore();
    await store.upsertMany([entry(500), entry(401), entry(399), entry(10), entry(450, 'active')]);
    const stop = keepHistoryFor(store, 400, () => NOW, createLogger('silent'));
    try {
      await waitFor('the purge at start', async () => {
        const { rows } = await store.query({ from: 0, sort: 'startedAt', direction: 'asc' }, { kind: 'all' }, null);
        const kept = rows.map((r) => r.notes);
        return kept.join() === '450 days,399 days,10 days' ? kept : undefined;
      });
    } finally {
      stop();
    }
  });

  it('the configuration refuses a history kept for less time than the records it opens', () => {
    const config = (days: Partial<ConfigInput>) => resolveConfig({ media: {}, ...days } as ConfigInput);
    expect(() => config({ recordRetentionDays: 90, historyRetentionDays: 30 })).toThrow(/HISTORY_RETENTION_DAYS \(30\) must be at least RECORD_RETENTION_DAYS \(90\)/);
    expect(config({}).historyRetentionDays).toBe(400);
    expect(config({ recordRetentionDays: 400, historyRetentionDays: 400 }).historyRetentionDays).toBe(400);
  });
});
