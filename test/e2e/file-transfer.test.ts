import { useE2eWorld } from './e2e-world';
import { FilesPanel, randomFile, type TestFile } from './file-helpers';
import type { AgentConsolePage } from './pages/agent-console-page';
import type { CustomerPage } from './pages/customer-page';

const MB = 1024 * 1024;
const BIG = Number(process.env.E2E_FILE_BYTES ?? 150 * MB);

interface Pair {
  agent: AgentConsolePage;
  customer: CustomerPage;
  agentFiles: FilesPanel;
  customerFiles: FilesPanel;
}

/** R7.1/R7.3: files both ways between the two real apps, verified by SHA-256 on both sides. */
describe.each([
  ['peer to peer', false, 'p2p'],
  ['forced relay', true, 'relay'],
] as const)('file transfer (%s)', (_label, forceRelay, expectedPath) => {
  const world = useE2eWorld({ fileTransferForceRelay: forceRelay });
  let big: TestFile;

  beforeAll(async () => {
    big = await randomFile(BIG);
  });

  async function pair(customerName: string): Promise<Pair> {
    const { accounts } = world();
    const agent = await world().signedIn(accounts.alice);
    agent.page.on('console', (m) => process.stderr.write(`[agent console] ${m.type()} ${m.text()}\n`));
    const number = await agent.startSession();
    const customer = await world().customer(number, customerName);
    await agent.waitForParticipant(customerName);
    return { agent, customer, agentFiles: new FilesPanel(agent.page, '[data-testid="session-view"]:not([hidden])'), customerFiles: new FilesPanel(customer.page) };
  }

  it('agent -> customer: consent, download with progress, same SHA-256 on both sides', async () => {
    const { customer, agentFiles, customerFiles } = await pair('Ann');
    await agentFiles.send([big.path]);
    await customer.answerConsent(true);
    await customerFiles.waitState(big.name, 'offered');
    await customerFiles.press(big.name, 'file-accept');
    await customerFiles.waitBytes(big.name, 1);
    const received = await customerFiles.waitState(big.name, 'verified', 300_000);
    const sent = await agentFiles.waitState(big.name, 'verified');
    expect(received.sha256).toBe(big.sha256);
    expect(sent.sha256).toBe(big.sha256);
    expect(sent.path).toBe(expectedPath);
    expect(received.path).toBe(expectedPath);
  });

  it('customer -> agent: same SHA-256 on both sides', async () => {
    const { customer, agentFiles, customerFiles } = await pair('Bea');
    await customerFiles.send([big.path]);
    await customer.answerConsent(true).catch(() => undefined);
    await agentFiles.waitState(big.name, 'offered');
    await agentFiles.press(big.name, 'file-accept');
    const received = await agentFiles.waitState(big.name, 'verified', 300_000);
    const sent = await customerFiles.waitState(big.name, 'verified');
    expect(received.sha256).toBe(big.sha256);
    expect(sent.sha256).toBe(big.sha256);
    expect(sent.path).toBe(expectedPath);
  });
});
