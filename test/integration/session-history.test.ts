import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ROUTES } from '@rs/signaling';
import type { HistoryAgent, HistoryPage, HistoryQueryInput, Result } from '@rs/signaling';
import { login, newAgent, newSupervisor, startSessionWithCustomer } from '../support/signaling-client';
import type { Credentials } from '../support/signaling-client';
import { TEST_ADMIN, startTestServer, useTestServer } from '../support/test-server';

/** Session history (R10.1): who sees what, filters, sort, paging, CSV. */
describe('session history', () => {
  const world = useTestServer();
  let sup: Credentials & { id: string };
  let ann: Credentials & { id: string };
  let ben: Credentials & { id: string };
  let other: Credentials & { id: string };
  const sessions: Record<string, { sessionId: string; number: string }> = {};

  const get = async (path: string, who: Credentials) => {
    const { token } = await login(world.server.url, who);
    return fetch(`${world.server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  };
  const query = (q: HistoryQueryInput) => new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();
  const history = async (who: Credentials, q: HistoryQueryInput = {}): Promise<HistoryPage> => {
    const body = (await (await get(`${ROUTES.history}?${query(q)}`, who)).json()) as Result<HistoryPage>;
    if (!body.ok) throw new Error(`${body.error.code}: ${body.error.message}`);
    return body.data;
  };
  /** One finished session of `agent` with a customer, notes, ended by the agent. */
  const finished = async (agent: Credentials, customer: string, notes: string) => {
    const s = await startSessionWithCustomer(world.server.url, agent, customer);
    world.clients.push(s.agent, s.customer);
    await s.agent.call('notes:update', { sessionId: s.sessionId, text: notes });
    await s.agent.call('session:end', { sessionId: s.sessionId });
    s.agent.close();
    s.customer.close();
    sessions[customer] = { sessionId: s.sessionId, number: s.created.session.number };
  };

  beforeAll(async () => {
    const url = world.server.url;
    sup = await newSupervisor(url, TEST_ADMIN, 'Sue Supervisor');
    ann = await newAgent(url, TEST_ADMIN, 3, 'Ann', sup.id);
    ben = await newAgent(url, TEST_ADMIN, 3, 'Ben', sup.id);
    other = await newAgent(url, TEST_ADMIN, 3, 'Olga');
    await finished(ann, '陳小明', 'printer "HP, 4th floor" jammed');
    await finished(ann, 'Zoe', 'VPN reset; password expired');
    await finished(ben, 'Yann', 'printer driver reinstalled');
    await finished(other, 'Xavier', 'mailbox full');
  });

  it('an agent sees only their own sessions; a supervisor only their agents\'; an admin all', async () => {
    const customersSeenBy = async (who: Credentials) => (await history(who)).rows.flatMap((r) => r.customerNames).sort();
    expect(await customersSeenBy(ann)).toEqual(['Zoe', '陳小明']);
    expect(await customersSeenBy(ben)).toEqual(['Yann']);
    expect(await customersSeenBy(other)).toEqual(['Xavier']);
    expect(await customersSeenBy(sup)).toEqual(['Yann', 'Zoe', '陳小明']);
    expect(await customersSeenBy(TEST_ADMIN)).toEqual(['Xavier', 'Yann', 'Zoe', '陳小明']);
    // Filtering by another agent's id shows nothing outside one's scope.
    expect((await history(ann, { agentId: ben.id })).rows).toEqual([]);
    expect((await history(sup, { agentId: other.id })).total).toBe(0);
    const agentsOfSup = (await (await (await get(ROUTES.historyAgents, sup)).json()) as Result<HistoryAgent[]>);
    expect(agentsOfSup.ok && agentsOfSup.data.map((a) => a.name).sort()).toEqual(['Ann', 'Ben']);
  });

  it('rows carry agent, customers, duration, who ended and the notes', async () => {
    const [row] = (await history(ben)).rows;
    expect(row).toMatchObject({
      sessionId: sessions.Yann?.sessionId, agentName: 'Ben', customerNames: ['Yann'], state: 'ended', endedByName: 'Ben',
      notes: 'printer driver reinstalled', number: sessions.Yann?.number,
    });
    expect(row?.durationSeconds).toBeGreaterThanOrEqual(0);
    expect(row?.endedAt).toBeGreaterThanOrEqual(row?.startedAt ?? Infinity);
  });

  it('filters by agent, customer name, session number, notes words and date range', async () => {
    const names = async (q: HistoryQueryInput) => (await history(TEST_ADMIN, q)).rows.map((r) => r.customerNames[0]).sort();
    expect(await names({ agentId: ann.id })).toEqual(['Zoe', '陳小明']);
    expect(await names({ customer: '小明' })).toEqual(['陳小明']);
    expect(await names({ customer: 'zo' })).toEqual(['Zoe']);
    expect(await names({ number: sessions.Xavier?.number ?? '' })).toEqual(['Xavier']);
    expect(await names({ text: 'PRINTER' })).toEqual(['Yann', '陳小明']);
    expect(await names({ text: 'printer floor' })).toEqual(['陳小明']);
    expect(await names({ from: Date.now() + 60_000 })).toEqual([]);
    expect(await names({ to: 1 , from: 0 })).toEqual([]);
  });

  it('sorts by any column both ways and pages', async () => {
    const order = async (q: HistoryQueryInput) => (await history(TEST_ADMIN, q)).rows.map((r) => r.customerNames[0]);
    expect(await order({ sort: 'customerName', direction: 'asc' })).toEqual(['Xavier', 'Yann', 'Zoe', '陳小明']);
    expect(await order({ sort: 'customerName', direction: 'desc' })).toEqual(['陳小明', 'Zoe', 'Yann', 'Xavier']);
    const byAgent = (await history(TEST_ADMIN, { sort: 'agentName', direction: 'asc' })).rows.map((r) => r.agentName);
    expect(byAgent).toEqual(['Ann', 'Ann', 'Ben', 'Olga']);
    // Ties are newest first: Ann's second session (Zoe) before her first.
    expect((await history(TEST_ADMIN, { sort: 'agentName', direction: 'asc' })).rows.map((r) => r.customerNames[0]).slice(0, 2)).toEqual(['Zoe', '陳小明']);
    const first = await history(TEST_ADMIN, { sort: 'startedAt', direction: 'asc', pageSize: 3 });
    const second = await history(TEST_ADMIN, { sort: 'startedAt', direction: 'asc', pageSize: 3, page: 2 });
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(first.rows.map((r) => r.customerNames[0])).toEqual(['陳小明', 'Zoe', 'Yann']);
    expect(second).toMatchObject({ total: 4, page: 2 });
    expect(second.rows.map((r) => r.customerNames[0])).toEqual(['Xavier']);
  });

  it('exports the filtered rows as CSV: BOM, quoting and Traditional Chinese survive a round trip', async () => {
    const response = await get(`${ROUTES.historyCsv}?${query({ agentId: ann.id, sort: 'startedAt', direction: 'asc' })}`, sup);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="session-history-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
    expect(records.map((r) => [r.customerNames, r.agentName, r.notes])).toEqual([
      ['陳小明', 'Ann', 'printer "HP, 4th floor" jammed'],
      ['Zoe', 'Ann', 'VPN reset; password expired'],
    ]);
    expect(records[0]?.number).toBe(sessions['陳小明']?.number);
  });

  it('refuses signed-out callers, customers and bad queries', async () => {
    expect((await fetch(`${world.server.url}${ROUTES.history}`)).status).toBe(401);
    const s = await startSessionWithCustomer(world.server.url, ann, 'Curious');
    world.clients.push(s.agent, s.customer);
    for (const path of [ROUTES.history, ROUTES.historyCsv, ROUTES.historyAgents]) {
      expect((await fetch(`${world.server.url}${path}`, { headers: { authorization: `Bearer ${s.joined.token}` } })).status).toBe(403);
    }
    expect((await get(`${ROUTES.history}?sort=password`, ann)).status).toBe(400);
    expect((await get(`${ROUTES.history}?pageSize=100000`, ann)).status).toBe(400);
  });
});

/** The durable default: PGlite in the data folder keeps the history across a restart. */
describe('session history across a restart (PGlite)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-history-restart-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('an ended session is still listed after the server restarts', async () => {
    const first = await startTestServer({ historyDir: dir });
    let sessionId: string;
    try {
      const agent = await newAgent(first.url, TEST_ADMIN, 3, 'Pia');
      const s = await startSessionWithCustomer(first.url, agent, '黃志明');
      sessionId = s.sessionId;
      await s.agent.call('session:end', { sessionId });
      s.agent.close();
      s.customer.close();
    } finally {
      await first.close();
    }
    const second = await startTestServer({ historyDir: dir });
    try {
      const { token } = await login(second.url, TEST_ADMIN);
      const body = (await (await fetch(`${second.url}${ROUTES.history}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Result<HistoryPage>;
      expect(body.ok && body.data.rows.map((r) => [r.sessionId, r.agentName, r.customerNames])).toEqual([[sessionId, 'Pia', ['黃志明']]]);
    } finally {
      await second.close();
    }
  });
});
