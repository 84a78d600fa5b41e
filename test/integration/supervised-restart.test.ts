import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROUTES } from '@rs/signaling';
import type { SessionRecordResponse } from '@rs/signaling';
import { TestClient, login, newAgent, startSessionWithCustomer } from '../support/signaling-client';
import { startSupervised, waitUntilServing } from '../support/supervised-server';
import type { SupervisedServer } from '../support/supervised-server';
import { TEST_ADMIN } from '../support/test-server';
import { isRunning } from '../support/process-alive';
import { waitFor } from '../support/wait-for';


/** `npm start` with no configuration: a crash of the server costs seconds, not state. */
describe('the start command under its supervisor, with the default durable state', () => {
  let dataDir: string;
  let server: SupervisedServer | undefined;
  const clients: TestClient[] = [];
  beforeAll(() => {
    dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'rs-start-')), 'data');
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await server?.stop();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('kill -9 of the server: the supervisor restarts it; accounts, the session, chat and a signed-in token survive', async () => {
    server = await startSupervised(dataDir);
    const [firstPid] = server.serverPids();
    const agentAccount = await newAgent(server.url, TEST_ADMIN);
    const s = await startSessionWithCustomer(server.url, agentAccount);
    clients.push(s.agent, s.customer);
    await s.agent.call('chat:send', { sessionId: s.sessionId, text: 'before the crash' });

    process.kill(firstPid as number, 'SIGKILL');
    await waitFor('a new server process', () => server!.serverPids().length === 2);
    await waitUntilServing(server);

    const record = await fetch(`${server.url}${ROUTES.sessionRecord(s.sessionId)}`, { headers: { authorization: `Bearer ${s.signedIn.token}` } });
    expect(record.status).toBe(200);
    const { data } = (await record.json()) as { data: SessionRecordResponse };
    expect(data.chat.map((m) => m.text)).toEqual(['before the crash']);
    expect(data.participants.map((p) => p.role).sort()).toEqual(['agent', 'customer']);
    await expect(login(server.url, agentAccount)).resolves.toMatchObject({ token: expect.any(String) });

    const agent = await TestClient.connect(server.url, s.signedIn.token);
    clients.push(agent);
    const snapshot = await agent.call('session:join', { sessionId: s.sessionId });
    expect(snapshot.chat.map((m) => m.text)).toEqual(['before the crash']);
  });

  it('SIGTERM stops the server and its private redis-server; the next start reads the same state', async () => {
    const redisPid = Number(readFileSync(path.join(dataDir, 'redis', 'redis.pid'), 'utf8'));
    const adminToken = (await login(server!.url, TEST_ADMIN)).token;
    expect(await server!.stop()).toBe(0);
    // Exited before the server did; an adopted one (its parent was killed) is then reaped by init.
    await waitFor('the private redis-server to be gone', () => !isRunning(redisPid));

    server = await startSupervised(dataDir);
    const me = await fetch(`${server.url}${ROUTES.me}`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(me.status).toBe(200);
  });
});
