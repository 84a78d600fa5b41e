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

/** An agent's session with one customer (the e2e world ends it after the test). */
async function pairIn(world: () => E2eWorld, customerName: string): Promise<Pair> {
  const { accounts } = world();
  const agent = await world().signedIn(accounts.alice);
  const number = await agent.startSession();
  const customer = await world().customer(number, customerName);
  await agent.waitForParticipant(customerName);
  return { agent, customer, agentFiles: new FilesPanel(agent.page, '[data-testid="session-view"]:not([hidden])'), customerFiles: new FilesPanel(customer.page) };
}

/** The agent sends `file`; the customer allows and accepts it; resolves once `bytes` of it have arrived. */
async function downloadUnderway({ customer, agentFiles, customerFiles }: Pair, file: TestFile, bytes: number): Promise<void> {
  await agentFiles.send([file.path]);
  await customer.answerConsent(true);
  await customerFiles.press(file.name, 'file-accept');
  await customerFiles.waitBytes(file.name, bytes, LONG);
}

/** The interrupted download completes with the right SHA-256, having re-sent less than 10 % of it. */
async function resumedAndVerified({ agentFiles, customerFiles }: Pair, file: TestFile): Promise<void> {
  const received = await customerFiles.waitState(file.name, 'verified', LONG);
  const sent = await agentFiles.waitState(file.name, 'verified');
  expect(received.sha256).toBe(file.sha256);
  expect(sent.bytesResent).toBeLessThan(file.size * 0.1);
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
  const pair = (name: string) => pairIn(world, name);

  beforeAll(async () => {
    down = await randomFile(BIG, 'down.bin');
    up = await randomFile(BIG, 'up.bin');
  });

  it('agent -> customer and customer -> agent at once: consent, download with progress, same SHA-256 on both sides, direct path', async () => {
    const p = await pair('Ann');
    await bothWaysAtOnce(p, down, up, 'p2p');
  }, LONG);

  it('the customer goes offline mid-transfer and back: it resumes and re-sends less than 10 %', async () => {
    const p = await pair('Cid');
    await downloadUnderway(p, down, down.size * 0.3);
    await p.customer.page.setOfflineMode(true);
    await p.agentFiles.waitState(down.name, 'paused', 60_000);
    await p.customer.page.setOfflineMode(false);
    await resumedAndVerified(p, down);
  }, LONG);

  it('the receiver reloads mid-transfer: it resumes from its stored chunks', async () => {
    const p = await pair('Dee');
    await downloadUnderway(p, down, down.size * 0.3);
    await p.customer.page.reload({ waitUntil: 'load' });
    await resumedAndVerified(p, down);
  }, LONG);

  it('cancel stops both sides and drops the partial file', async () => {
    const p = await pair('Eve');
    const { customer, agentFiles, customerFiles } = p;
    await downloadUnderway(p, down, 1);
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

  it('agent -> customer and customer -> agent at once through the SFU: same SHA-256 on both sides', async () => {
    const p = await pairIn(world, 'Gus');
    await bothWaysAtOnce(p, await randomFile(BIG, 'down.bin'), await randomFile(BIG, 'up.bin'), 'relay');
  }, LONG);
});
