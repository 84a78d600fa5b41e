import type { Page } from 'puppeteer-core';
import { useE2eWorld } from './e2e-world';
import { FilesPanel } from './file-helpers';
import { waitFor } from '../support/wait-for';

/** Runs in the page: the folder picker answers with an OPFS folder (only the picker call is replaced; MACHINE.md). */
function installPicker(folder: string, files: Record<string, string>): void {
  (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
    for (const [path, text] of Object.entries(files)) {
      const parts = path.split('/');
      let at = dir;
      for (const part of parts.slice(0, -1)) at = await at.getDirectoryHandle(part, { create: true });
      const writable = await (await at.getFileHandle(parts[parts.length - 1] ?? '', { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
    return dir;
  };
}

function readOpfs(page: Page, path: string[]): Promise<string | undefined> {
  return page.evaluate(async (parts: string[]) => {
    try {
      let dir = await navigator.storage.getDirectory();
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
      return await (await (await dir.getFileHandle(parts[parts.length - 1] ?? '')).getFile()).text();
    } catch {
      return undefined;
    }
  }, path);
}

/** R7.2 in both apps: the customer shares a folder; the agent browses it, writes into it and copies a nested folder out. */
describe('folder mode (R7.2)', () => {
  const world = useE2eWorld();

  it('the agent browses the shared folder, sends a file into it and copies a nested folder from it; each step consented', async () => {
    const { accounts } = world();
    const agent = await world().signedIn(accounts.alice);
    await agent.page.evaluate(installPicker, 'mine', { 'hello.txt': 'hello from the agent' });
    const number = await agent.startSession();
    const customer = await world().customer(number, 'Ann', {
      beforeLoad: (page) => page.evaluateOnNewDocument(installPicker, 'shared', { 'Reports/2026/q3.txt': 'quarter three' }),
    });
    await agent.waitForParticipant('Ann');
    const agentFiles = new FilesPanel(agent.page, '[data-testid="session-view"]:not([hidden])');
    const inTab = (testId: string): string => `[data-testid="session-view"]:not([hidden]) ${testId}`;
    await agentFiles.open();

    await agent.page.click(inTab('[data-testid="folder-ask"]'));
    await customer.page.waitForSelector('[data-testid="granted-folder-choose"]', { visible: true });
    await customer.page.click('[data-testid="granted-folder-choose"]');
    await agent.page.waitForSelector(inTab('[data-testid="folder-remote-entry"][data-name="Reports"]'), { visible: true });

    // Agent's folder -> the customer's: the customer consents, the file lands in the shared folder.
    await agent.page.click(inTab('[data-testid="folder-choose-local"]'));
    const send = inTab('[data-testid="folder-local-entry"][data-name="hello.txt"] [data-testid="folder-send"]');
    await agent.page.waitForSelector(send, { visible: true });
    await agent.page.click(send);
    await customer.answerConsent(true);
    expect(await waitFor('hello.txt in the shared folder', () => readOpfs(customer.page, ['shared', 'hello.txt']), { timeoutMs: 60_000 })).toBe('hello from the agent');

    // A nested folder of the customer's -> the agent: asked on the customer's side, verified on both.
    await agent.page.click(inTab('[data-testid="folder-remote-entry"][data-name="Reports"] [data-testid="folder-fetch"]'));
    await customer.page.waitForSelector('[data-testid="granted-folder-allow"]', { visible: true });
    await customer.page.click('[data-testid="granted-folder-allow"]');
    const fetched = await agentFiles.waitState('q3.txt', 'verified', 60_000);
    expect(fetched.sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 240_000);
});
