import { useE2eWorld, type E2eWorld } from './e2e-world';
import { FilesPanel, randomFile, type TestFile } from './file-helpers';
import type { AgentConsolePage } from './pages/agent-console-page';
import type { CustomerPage } from './pages/customer-page';
import { waitFor } from '../support/wait-for';

/** 150 MB = 150 000 000 bytes: the default limit, in the decimal units the apps show (README "Files"). */
const BIG = Number(process.env.E2E_FILE_BYTES ?? 150_000_000);
/** Two 150 MB transfers at once take 60-240 s on a loaded 2-core machine (README "Files"). */
const LONG = 480_000;

/** Part files the customer's browser keeps in its Origin Private File System. */
function partFiles(page: CustomerPage['page']): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('file-transfers', { create: true });
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names;
  });
}

interface Pair {
  agent: AgentConsolePage;
  customer: CustomerPage;
  agentFiles: FilesPanel;
  customerFiles: FilesPanel;
}

/** An agent's session with one customer; its id goes to `started` (ended after the test). */
async function pairIn(world: () => E2eWorld, customerName: string, started: string[]): Promise<Pair> {
  const { accounts } = world();
  const agent = await world().signedIn(accounts.alice);
  const number = await agent.startSession();
  started.push(await world().sessionIdOf(number));
  const customer = await world().customer(number, customerName);
  await agent.waitForParticipant(customerName);
  return { agent, customer, agentFiles: new FilesPanel(agent.page, '[data-testid="session-view"]:not([hidden])'), customerFiles: new FilesPanel(customer.page) };
}

/** Agents may hold 2 sessions: each test's session ends afterwards (on the server: a busy page may not answer in time). */
async function endStarted(world: () => E2eWorld, started: string[]): Promise<void> {
  const { store, sessions } = world().server.app.services;
  for (const sessionId of started.splice(0)) {
    const session = await store.getSession(sessionId);
    const participant = session && (await store.getParticipant(sessionId, session.controllerId));
    if (session && participant && session.state !== 'ended') await sessions.end({ session, participant });
  }
}

/**
 * R7.1/R7.3: a 150 MB file each way at the same time between the two real apps, the same SHA-256 on
 * both sides, over the path `expectedPath` (over the relay this needs one send and one recv
 * transport per page: both directions at once).
 */
async function bothWaysAtOnce({ customer, agentFiles, customerFiles }: Pair, down: TestFile, up: TestFile, expectedPath: string): Promise<void> {
  await agentFiles.send([down.path]);
  await customer.answerConsent(true);
  await customerFiles.waitState(down.name, 'offered');
  await customerFiles.send([up.path]);
  await agentFiles.waitState(up.name, 'offered');
  await customerFiles.press(down.name, 'file-accept');
  await agentFiles.press(up.name, 'file-accept');
  const [downReceived, upReceived] = await Promise.all([customerFiles.waitState(down.name, 'verified', LONG), agentFiles.waitState(up.name, 'verified', LONG)]);
  const [downSent, upSent] = await Promise.all([agentFiles.waitState(down.name, 'verified'), customerFiles.waitState(up.name, 'verified')]);
  expect([downReceived.sha256, downSent.sha256]).toEqual([down.sha256, down.sha256]);
  expect([upReceived.sha256, upSent.sha256]).toEqual([up.sha256, up.sha256]);
  expect([downSent.path, downReceived.path, upSent.path, upReceived.path]).toEqual([expectedPath, expectedPath, expectedPath, expectedPath]);
}

describe('file transfer (peer to peer)', () => {
  const world = useE2eWorld({ fileTransferForceRelay: false });
  let down: TestFile;
  let up: TestFile;
  const started: string[] = [];
  const pair = (name: string) => pairIn(world, name, started);

  beforeAll(async () => {
    down = await randomFile(BIG, 'down.bin');
    up = await randomFile(BIG, 'up.bin');
  });
  afterEach(() => endStarted(world, started));

  it('agent -> customer and customer -> agent at once: consent, download with progress, same SHA-256 on both sides, direct path', async () => {
    const p = await pair('Ann');
    await bothWaysAtOnce(p, down, up, 'p2p');
  }, LONG);

  it('the customer goes offline mid-transfer and back: it resumes and re-sends less than 10 %', async () => {
    const { customer, agentFiles, customerFiles } = await pair('Cid');
    await agentFiles.send([down.path]);
    await customer.answerConsent(true);
    await customerFiles.press(down.name, 'file-accept');
    await customerFiles.waitBytes(down.name, down.size * 0.3, LONG);
    await customer.page.setOfflineMode(true);
    await agentFiles.waitState(down.name, 'paused', 60_000);
    await customer.page.setOfflineMode(false);
    const received = await customerFiles.waitState(down.name, 'verified', LONG);
    const sent = await agentFiles.waitState(down.name, 'verified');
    expect(received.sha256).toBe(down.sha256);
    expect(sent.bytesResent).toBeLessThan(down.size * 0.1);
  }, LONG);

  it('the receiver reloads mid-transfer: it resumes from its stored chunks', async () => {
    const { customer, agentFiles, customerFiles } = await pair('Dee');
    await agentFiles.send([down.path]);
    await customer.answerConsent(true);
    await customerFiles.press(down.name, 'file-accept');
    await customerFiles.waitBytes(down.name, down.size * 0.3, LONG);
    await customer.page.reload({ waitUntil: 'load' });
    const received = await customerFiles.waitState(down.name, 'verified', LONG);
    const sent = await agentFiles.waitState(down.name, 'verified');
    expect(received.sha256).toBe(down.sha256);
    expect(sent.bytesResent).toBeLessThan(down.size * 0.1);
  }, LONG);

  it('cancel stops both sides and drops the partial file', async () => {
    const { customer, agentFiles, customerFiles } = await pair('Eve');
    await agentFiles.send([down.path]);
    await customer.answerConsent(true);
    await customerFiles.press(down.name, 'file-accept');
    await customerFiles.waitBytes(down.name, 1, LONG);
    await agentFiles.press(down.name, 'file-cancel');
    await customerFiles.waitState(down.name, 'cancelled');
    await agentFiles.waitState(down.name, 'cancelled');
    await waitFor('the partial file is gone', async () => (await partFiles(customer.page)).length === 0 || undefined);
  }, LONG);

  it('deny: nothing moves', async () => {
    const { customer, agentFiles, customerFiles } = await pair('Fox');
    await agentFiles.send([down.path]);
    await customer.answerConsent(false);
    const denied = await agentFiles.waitState(down.name, 'denied');
    expect(denied.bytesDone).toBe(0);
    // The customer's page may never have listed it, or lists it as denied once the event arrives.
    await waitFor('the customer sees it denied or not at all', async () => ((await customerFiles.itemOf(down.name))?.state ?? 'denied') === 'denied' || undefined);
    expect(await partFiles(customer.page)).toEqual([]);
  });
});

/** The relay carries the same engine: the path-independent cases (resume, cancel, deny) run once, above. */
describe('file transfer (forced relay)', () => {
  const world = useE2eWorld({ fileTransferForceRelay: true });
  const started: string[] = [];
  afterEach(() => endStarted(world, started));

  it('agent -> customer and customer -> agent at once through the SFU: same SHA-256 on both sides', async () => {
    const p = await pairIn(world, 'Gus', started);
    await bothWaysAtOnce(p, await randomFile(BIG, 'down.bin'), await randomFile(BIG, 'up.bin'), 'relay');
  }, LONG);
});
