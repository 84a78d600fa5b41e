import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { useE2eWorld } from './e2e-world';
import { FilesPanel, randomFile } from './file-helpers';
import type { AgentConsolePage } from './pages/agent-console-page';
import { byTestId, textAppears } from './pages/page-helpers';

const MB = 1024 * 1024;
const SIZE = Number(process.env.E2E_RELOAD_FILE_BYTES ?? 100 * MB);
const LONG = 400_000;

/**
 * R7.3: the sender reloads mid-transfer. Its browser cannot keep access to the picked file, so the
 * reloaded page asks for it again; a different file (same name and size) is refused by its
 * fingerprint, the same file resumes from the receiver's verified prefix, and both sides end with
 * the file's SHA-256.
 */
describe('the sender reloads mid-transfer', () => {
  const world = useE2eWorld();
  let current: AgentConsolePage | null = null;
  afterEach(async () => {
    await current?.endSession().catch(() => undefined);
    current = null;
  });

  it('the reloaded sender re-selects the file, the app checks it is the same one, and the transfer resumes', async () => {
    const big = await randomFile(SIZE, 'resume-me.bin');
    // Same name and size, other bytes: what a person might pick by mistake.
    const otherDir = join(tmpdir(), `rs-e2e-${process.pid}-other`);
    mkdirSync(otherDir, { recursive: true });
    const other = join(otherDir, big.name);
    writeFileSync(other, randomBytes(SIZE));

    const { accounts } = world();
    const agent = await world().signedIn(accounts.alice);
    current = agent;
    const number = await agent.startSession();
    const customer = await world().customer(number, 'Ray');
    await agent.waitForParticipant('Ray');
    const agentFiles = new FilesPanel(agent.page, '[data-testid="session-view"]:not([hidden])');
    const customerFiles = new FilesPanel(customer.page);

    await customerFiles.send([big.path]);
    await agentFiles.waitState(big.name, 'offered');
    await agentFiles.press(big.name, 'file-accept');
    await agentFiles.waitBytes(big.name, SIZE * 0.2, LONG);
    const { id } = (await agentFiles.itemOf(big.name))!;

    await customer.page.reload({ waitUntil: 'load' });
    await customerFiles.open();
    const item = `[data-transfer-id="${id}"]`;
    await customer.page.waitForSelector(`${item} ${byTestId('file-reselect')}`, { visible: true, timeout: 60_000 });
    const store = world().server.app.services.store;
    const sessionId = await world().sessionIdOf(number);
    const kept = (await store.getTransfer(sessionId, id))!;
    expect(kept.verifiedChunks * kept.chunkSize).toBeGreaterThanOrEqual(SIZE * 0.2);

    // The wrong file: refused by its fingerprint, the transfer still waits for the right one.
    const input = async () => (await customer.page.$(`${item} ${byTestId('file-reselect-input')}`)) as unknown as { uploadFile(...p: string[]): Promise<void> };
    await (await input()).uploadFile(other);
    await textAppears(customer.page, byTestId('toast'), 'not the same file');
    expect((await customerFiles.itemOf(big.name))?.state).not.toBe('verified');
    await customer.page.waitForSelector(`${item} ${byTestId('file-reselect')}`, { visible: true });

    // The same file: it resumes from the verified prefix the server kept and ends verified on both sides.
    await (await input()).uploadFile(big.path);
    const received = await agentFiles.waitState(big.name, 'verified', LONG);
    const sent = await customerFiles.waitState(big.name, 'verified', 60_000);
    expect(received.sha256).toBe(big.sha256);
    expect(sent.sha256).toBe(big.sha256);
    const done = (await store.getTransfer(sessionId, id))!;
    expect(done.sha256).toBe(big.sha256);
  }, LONG);
});
