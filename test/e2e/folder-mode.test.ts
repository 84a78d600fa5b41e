import type { Page } from 'puppeteer-core';
import { useE2eWorld } from './e2e-world';
import { FilesPanel } from './file-helpers';
import { installPicker, opfsHas, treeHashes, type TreeFile } from './folder-helpers';
import type { CustomerPage } from './pages/customer-page';
import { isShown } from './pages/page-helpers';
import { waitFor } from '../support/wait-for';

const MB = 1024 * 1024;

/** Presses a button the way a keyboard user does: focus it, then Enter. */
async function pressKey(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { visible: true });
  await page.focus(selector);
  await page.keyboard.press('Enter');
}

/** With E2E_SCREENSHOT_PREFIX set (e.g. /tmp/h9-folder-), saves what a person would see at that step, for a look. */
async function shot(page: Page, name: string): Promise<void> {
  const prefix = process.env.E2E_SCREENSHOT_PREFIX;
  if (prefix) await page.screenshot({ path: `${prefix}${name}.png`, fullPage: true });
}

/** The same, for one element (a close look at it). */
async function shotOf(page: Page, selector: string, name: string): Promise<void> {
  const prefix = process.env.E2E_SCREENSHOT_PREFIX;
  if (prefix) await (await page.$(selector))?.screenshot({ path: `${prefix}${name}.png` });
}

/** Focuses a button that asks for a name, types it into the field that opens, and presses Enter. */
async function nameFromKeyboard(page: Page, button: string, name: string): Promise<void> {
  await pressKey(page, button);
  await page.waitForSelector('[data-testid="folder-name-input"]', { visible: true });
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

/** Something in the agent's open session tab. */
const inTab = (testId: string): string => `[data-testid="session-view"]:not([hidden]) ${testId}`;

/** Waits until the tree at `to` holds the same files with the same SHA-256 as the one at `from`; returns them. */
async function arrivesWhole(what: string, from: [Page, string[]], to: [Page, string[]]): Promise<Record<string, string>> {
  const source = (await treeHashes(...from)) ?? {};
  await waitFor(what, async () => JSON.stringify(await treeHashes(...to)) === JSON.stringify(source) || undefined, { timeoutMs: 90_000 });
  return source;
}

function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => element.textContent ?? '').catch(() => '');
}

/** R7.2 in both apps: the customer shares a folder, the agent works in it beside a folder of their own. */
describe('folder mode (R7.2)', () => {
  const world = useE2eWorld();
  describe('between the two apps', () => {
    /** Alice's session with a customer, prepared before their pages load; Alice has asked for a folder. */
    async function folderAsked(customerName: string, agentSetup: (page: Page) => Promise<unknown>, customerSetup: (page: Page) => Promise<unknown>) {
      const agent = await world().signedIn(world().accounts.alice);
      await agentSetup(agent.page);
      const number = await agent.startSession();
      const customer: CustomerPage = await world().customer(number, customerName, { beforeLoad: customerSetup });
      await agent.waitForParticipant(customerName);
      const agentFiles = new FilesPanel(agent.page, '[data-testid="session-view"]:not([hidden])');
      await agentFiles.open();
      await pressKey(agent.page, inTab('[data-testid="folder-ask"]'));
      return { agent, customer, agentFiles, number };
    }

    /** Alice helps a customer who shares the OPFS folder "shared"; Alice's own folder is "mine". */
    async function sharedFolder(customerName: string, mine: Record<string, TreeFile>, shared: Record<string, TreeFile>) {
      const { agent, customer, agentFiles, number } = await folderAsked(
        customerName,
        (page) => page.evaluate(installPicker, 'mine', mine),
        (page) => page.evaluateOnNewDocument(installPicker, 'shared', shared),
      );
      await customer.page.waitForSelector('[data-testid="granted-folder-choose"]', { visible: true });
      await customer.page.click('[data-testid="granted-folder-choose"]');
      await agent.page.waitForSelector(inTab('[data-testid="folder-remote-entry"]'), { visible: true });
      const remote = (name: string, testId: string) => inTab(`[data-testid="folder-remote-entry"][data-name="${name}"] [data-testid="${testId}"]`);
      const local = (name: string, testId: string) => inTab(`[data-testid="folder-local-entry"][data-name="${name}"] [data-testid="${testId}"]`);
      const status = (): Promise<string> => textOf(agent.page, inTab('[data-testid="folder-status"]'));
      return { agent, customer, remote, local, status, agentFiles, customerFiles: new FilesPanel(customer.page), sessionId: await world().sessionIdOf(number) };
    }

    /** The customer answers a folder operation's question (shown on their page, naming what is asked). */
    async function customerAnswers(customer: CustomerPage, allow: boolean, mentions: string): Promise<void> {
      await customer.page.waitForSelector('[data-testid="granted-folder-confirm"]', { visible: true });
      expect(await textOf(customer.page, '[data-testid="granted-folder-confirm"]')).toContain(mentions);
      await shot(customer.page, `customer-prompt-${mentions.replace(/\W/g, '')}`);
      await customer.page.click(`[data-testid="granted-folder-${allow ? 'allow' : 'deny'}"]`);
    }

    it('nested folders go both ways into the other side\'s folder, every file with the same SHA-256', async () => {
      const { agent, customer, remote, local, status } = await sharedFolder(
        'Ann',
        { 'Outbox/a.bin': { random: 700_000 }, 'Outbox/Sub/b.txt': 'bravo', 'Outbox/Sub/Deep/c.bin': { random: 300_000 }, 'hello.txt': 'hi' },
        { 'Reports/notes.txt': 'notes', 'Reports/2026/q3.bin': { random: 600_000 }, 'Reports/2026/Q4/x.txt': 'x' },
      );
      // The customer always sees that a folder is shared (and can stop), with the Files panel closed.
      await customer.page.waitForSelector('[data-testid="granted-folder"]', { visible: true });
      expect(await isShown(customer.page, '[data-testid="files-panel"]')).toBe(false);
      expect(await textOf(customer.page, '[data-testid="granted-folder"]')).toContain('shared');

      // The agent's folder beside the customer's: the Outbox tree goes into the customer's folder.
      await pressKey(agent.page, inTab('[data-testid="folder-choose-local"]'));
      await pressKey(agent.page, local('Outbox', 'folder-send'));
      await customer.answerConsent(true);
      const sent = await arrivesWhole('Outbox arrived whole in the shared folder', [agent.page, ['mine', 'Outbox']], [customer.page, ['shared', 'Outbox']]);
      expect(Object.keys(sent).sort()).toEqual(['Sub/Deep/c.bin', 'Sub/b.txt', 'a.bin']);
      await waitFor('the status line says what completed', async () => (await status()).includes('3 of 3 files copied to shared') || undefined);
      await agent.page.waitForSelector(remote('Outbox', 'folder-fetch'), { visible: true });

      // The customer's Reports tree comes into my folder (asked on their side).
      await pressKey(agent.page, remote('Reports', 'folder-fetch'));
      await customerAnswers(customer, true, 'Reports');
      const fetched = await arrivesWhole('Reports arrived whole in my folder', [customer.page, ['shared', 'Reports']], [agent.page, ['mine', 'Reports']]);
      expect(Object.keys(fetched).sort()).toEqual(['2026/Q4/x.txt', '2026/q3.bin', 'notes.txt']);
      await waitFor('the status line says where', async () => (await status()).includes('3 of 3 files copied to mine') || undefined);
      await agent.page.waitForSelector(local('Reports', 'folder-send'), { visible: true });
      await shot(agent.page, 'agent-side-by-side');
      await shotOf(agent.page, inTab('[data-testid="folder-browser"]'), 'agent-folder-view');
      await shot(customer.page, 'customer-main');

      // Stop sharing from the main page: the agent is told, and can no longer work in it.
      await customer.page.click('[data-testid="granted-folder-stop"]');
      await waitFor('the agent sees the folder is no longer shared', async () => !(await isShown(agent.page, inTab('[data-testid="folder-remote"] li'))) || undefined);
      expect(await isShown(customer.page, '[data-testid="granted-folder"]')).toBe(false);
    }, 300_000);

    it('create, rename and delete in the customer\'s folder from the keyboard, each asked on the customer\'s side and audited', async () => {
      const { agent, customer, remote, status, sessionId } = await sharedFolder('Bea', {}, { 'notes.txt': 'notes', 'old.log': 'log' });

      await nameFromKeyboard(agent.page, inTab('[data-testid="folder-mkdir"]'), 'Logs');
      await customerAnswers(customer, true, 'Logs');
      await waitFor('Logs exists', async () => (await opfsHas(customer.page, ['shared', 'Logs'])) || undefined);
      await agent.page.waitForSelector(remote('Logs', 'folder-rename'), { visible: true });
      expect(await status()).toContain('Logs');

      await nameFromKeyboard(agent.page, remote('notes.txt', 'folder-rename'), 'notes-2026.txt');
      await customerAnswers(customer, true, 'notes-2026.txt');
      await waitFor('notes.txt renamed', async () => ((await opfsHas(customer.page, ['shared', 'notes-2026.txt'])) && !(await opfsHas(customer.page, ['shared', 'notes.txt']))) || undefined);

      // Refused: nothing happens and the agent is told.
      await pressKey(agent.page, remote('old.log', 'folder-delete'));
      await customerAnswers(customer, false, 'old.log');
      await waitFor('the agent sees the refusal', async () => (await status()).includes('refused') || undefined);
      expect(await opfsHas(customer.page, ['shared', 'old.log'])).toBe(true);

      await pressKey(agent.page, remote('old.log', 'folder-delete'));
      await customerAnswers(customer, true, 'old.log');
      await waitFor('old.log deleted', async () => !(await opfsHas(customer.page, ['shared', 'old.log'])) || undefined);

      const audit = (await world().server.app.services.store.listAudit(sessionId)).map((e) => `${e.action} ${e.subject}`);
      expect(audit).toEqual(expect.arrayContaining(['files:mkdir /Logs: ok', 'files:rename /notes.txt -> notes-2026.txt: ok', 'files:delete /old.log: DENIED', 'files:delete /old.log: ok']));
    }, 300_000);

    it('a browser without folder access: basic mode, said on both sides (Firefox, Safari)', async () => {
      const { agent, customer } = await folderAsked(
        'Dan',
        async () => undefined,
        (page) => page.evaluateOnNewDocument(() => delete (window as unknown as { showDirectoryPicker?: unknown }).showDirectoryPicker),
      );
      await customer.page.waitForSelector('[data-testid="granted-folder-unsupported"]', { visible: true });
      await shot(customer.page, 'customer-unsupported');
      await customer.page.click('[data-testid="granted-folder-unsupported-ok"]');
      await waitFor('the agent is told: basic mode', async () => (await textOf(agent.page, inTab('[data-testid="folder-state"]'))).includes('basic mode') || undefined);
      await new FilesPanel(customer.page).open();
      expect(await textOf(customer.page, '[data-testid="granted-folder-basic"]')).toContain('basic mode');
      // Basic mode still works: a single file goes to the customer.
      expect(await isShown(customer.page, '[data-testid="files-choose"]')).toBe(true);
    }, 300_000);

    it('a running folder transfer is cancelled from the folder view', async () => {
      const { agent, customer, local, status } = await sharedFolder('Cid', { 'Big/large.bin': { random: 100 * MB }, 'Big/small.txt': 'small' }, { 'keep.txt': 'keep' });
      await pressKey(agent.page, inTab('[data-testid="folder-choose-local"]'));
      await pressKey(agent.page, local('Big', 'folder-send'));
      await customer.answerConsent(true);
      const customerFiles = new FilesPanel(customer.page);
      await customerFiles.waitBytes('large.bin', 1, 120_000);
      await agent.page.waitForSelector(inTab('[data-testid="folder-progress"]'), { visible: true });
      await shot(agent.page, 'agent-progress');
      await pressKey(agent.page, inTab('[data-testid="folder-cancel"]'));
      await customerFiles.waitState('large.bin', 'cancelled');
      await waitFor('the status line says it was cancelled', async () => {
        const line = await status();
        if (!line.startsWith('Cancelled')) throw new Error(line);
        return line;
      });
      expect(await opfsHas(customer.page, ['shared', 'Big', 'large.bin'])).toBe(false);
      expect(await isShown(agent.page, inTab('[data-testid="folder-progress"]'))).toBe(false);
    }, 300_000);
  });
});
