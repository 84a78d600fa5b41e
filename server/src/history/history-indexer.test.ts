import { randomUUID } from 'node:crypto';
import { createLogger } from '../logging/logger';
import { MemorySessionStore } from '../store/memory-session-store';
import type { ParticipantRecord, SessionRecord } from '../store/session-store';
import { HistoryIndexer } from './history-indexer';
import { indexedSessionStore } from './indexed-session-store';
import { MemoryHistoryStore } from './memory-history-store';

const agentId = randomUUID();
const all = { kind: 'all' } as const;
const everything = { from: 0, sort: 'startedAt', direction: 'asc' } as const;

function session(id: string): SessionRecord {
  return {
    id, number: '123456789', state: 'active', agentName: 'Ann', createdAt: 10_000, endedAt: null, controllerId: randomUUID(),
    selectedCustomerId: null, agentId, endedBy: null,
  } as SessionRecord;
}

function person(role: ParticipantRecord['role'], displayName: string, joinedAt: number, accountId: string | null = null): ParticipantRecord {
  return { id: randomUUID(), role, displayName, connected: true, joinedAt, leftAt: null, grantsAll: false, accountId };
}

describe('history indexing through the session store', () => {
  const sessions = new MemorySessionStore();
  const history = new MemoryHistoryStore();
  const indexer = new HistoryIndexer({
    sessions, history, log: createLogger('silent'),
    queueRecordOf: async () => null,
  });
  const store = indexedSessionStore(sessions, (id) => indexer.touch(id));

  it('indexes a session as it starts, as people join, as notes change and when it ends', async () => {
    const id = randomUUID();
    await store.createSession(session(id));
    await indexer.idle();
    expect((await history.query(everything, all, null)).rows).toMatchObject([{ sessionId: id, state: 'active', customerNames: [] }]);

    const agent = person('agent', 'Ann', 10_000, agentId);
    const helper = person('assistant', 'Hal', 10_500, randomUUID());
    await store.putParticipant(id, agent);
    await store.putParticipant(id, person('customer', 'Zed', 12_000));
    await store.putParticipant(id, person('customer', '陳小明', 11_000));
    await store.putParticipant(id, helper);
    await store.setNotes(id, 'printer');
    await store.updateSession(id, { state: 'ended', endedAt: 70_400, endedBy: agent.id });
    await indexer.idle();

    const [entry] = (await history.query(everything, all, null)).rows;
    expect(entry).toMatchObject({
      state: 'ended', customerNames: ['陳小明', 'Zed'], customerEmails: ['', ''], notes: 'printer', endedByName: 'Ann', durationSeconds: 60,
    });
    // Whoever took part sees it (the assistant's account), nobody else.
    expect((await history.query(everything, { kind: 'some', agentIds: [], staffId: helper.accountId ?? '' }, null)).total).toBe(1);
    expect((await history.query(everything, { kind: 'some', agentIds: [], staffId: randomUUID() }, null)).total).toBe(0);
  });

  it('a rebuild indexes what the session store holds and the index lacks', async () => {
    const missed = randomUUID();
    await sessions.createSession({ ...session(missed), state: 'ended', endedAt: 20_000 });
    await sessions.linkAgentSession(agentId, missed);
    expect(await indexer.rebuild([agentId])).toBe(1);
    expect((await history.endedAmong([missed])).has(missed)).toBe(true);
    expect(await indexer.rebuild([agentId])).toBe(0);
  });
});
