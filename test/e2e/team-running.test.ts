import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { parse } from 'csv-parse/sync';
import { waitFor } from '../support/wait-for';
import { useE2eWorld } from './e2e-world';
import { CustomerPage } from './pages/customer-page';
import { attribute, byTestId, click, isShown, textAppears, texts, type, visible } from './pages/page-helpers';

/** Saves a screenshot of a screen this issue changed (looked at by hand, never compared). */
async function shot(page: Page, name: string, selector?: string): Promise<void> {
  const file = path.join(os.tmpdir(), `h12-${name}.png`) as `${string}.png`;
  const element = selector ? await page.$(selector) : null;
  if (element) await element.screenshot({ path: file });
  else await page.screenshot({ path: file });
}

/** Puts a customer's tab in the background (another tab of their browser in front) and returns the way back. */
async function toBackground(customer: CustomerPage): Promise<() => Promise<void>> {
  const other = await customer.page.browserContext().newPage();
  await other.bringToFront();
  await waitFor('the customer tab hidden', async () => (await customer.page.evaluate(() => document.visibilityState === 'hidden')) || undefined);
  return async () => {
    await customer.page.bringToFront();
    await other.close();
  };
}

/** Issue 12: running a team — the customer's side of admission, cues and numbers; the record as CSV. */
describe('running a support team', () => {
  const world = useE2eWorld();

  it('a customer in the background is cued; an assistant\'s arrival is told; a declined customer is out; the record exports as CSV; history counts in the singular', async () => {
    const { alice, bob, sam } = world().accounts;
    const agent = await world().signedIn(alice);
    const number = await agent.startSession();
    const ada = await world().customer(number, 'Ada');
    await agent.waitForParticipant('Ada');
    // Focus is on who helps her once she joined (not on <body>).
    expect(await ada.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('agent-name');
    const baseTitle = await ada.page.title();

    // Ada's tab goes to the background: each message from the agent is counted in her tab title, with a tone.
    const back = await toBackground(ada);
    await agent.sendChat('Are you still there?');
    await waitFor('the title counts one message', async () => (await ada.page.title()) === `(1) New message · ${baseTitle}` || undefined);
    await agent.sendChat('I am checking your printer.');
    await waitFor('the title counts two messages', async () => (await ada.page.title()) === `(2) New messages · ${baseTitle}` || undefined);
    await waitFor('two tones played', async () => (await ada.debug<number>('soundCuesPlayed')) === 2 || undefined);

    // Another agent joins as assistant: the background tab says so; in view, Ada is told by a notice.
    const bobConsole = await world().signedIn(bob);
    await bobConsole.assist(number);
    await waitFor('the title names the assistant', async () => (await ada.page.title()).startsWith(`${bob.displayName} joined`) || undefined);
    await textAppears(ada.page, byTestId('toast'), `${bob.displayName} joined the session`);
    await back();
    await waitFor('the title back to normal', async () => (await ada.page.title()) === baseTitle || undefined);
    await shot(ada.page, 'customer-assistant-joined');

    // A second customer waits at the door; the agent declines: they see so, and the server closed their connection.
    const mallory = await world().customer(number, 'Mallory');
    await visible(mallory.page, byTestId('admission-wait'));
    await agent.answerAdmission('Mallory', false);
    await visible(mallory.page, byTestId('session-ended'));
    expect(await attribute(mallory.page, byTestId('session-ended'), 'data-reason')).toBe('declined');
    expect(await texts(mallory.page, byTestId('ended-message'))).toEqual(['The agent did not admit you to this session']);
    expect(await isShown(mallory.page, byTestId('ended-hint'))).toBe(false);
    // Waiting, her page asked the server for nothing it would refuse (no NOT_ADMITTED error shown).
    expect((await texts(mallory.page, byTestId('toast'))).filter((t) => t.includes('NOT_ADMITTED'))).toEqual([]);
    await shot(mallory.page, 'customer-declined');
    const events = (await mallory.receivedEvents()).map((e) => e.name);
    expect(events.filter((n) => /^(chat|media|voice|consent|annotation):/.test(n))).toEqual([]);

    // Notes, then the end: Ada is told how to get help again; the record lists everyone with a leave time.
    await agent.typeNotes('Printer queue cleared; 林 will call back.');
    await agent.endSession();
    await visible(ada.page, byTestId('ended-hint'));
    await shot(ada.page, 'customer-ended');
    await click(agent.page, agent.inSession('view-record'));
    await visible(agent.page, agent.inSession('session-record'));
    const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-record-csv-'));
    try {
      const cdp = await agent.page.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      await click(agent.page, agent.inSession('record-export-csv'));
      const file = await waitFor('the record CSV downloaded', async () => fs.readdirSync(downloads).find((name) => name.endsWith('.csv')));
      expect(file).toMatch(/^session-record-[0-9a-f-]{36}\.csv$/);
      const bytes = fs.readFileSync(path.join(downloads, file));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8')).not.toContain(number);
      const rows: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
      const participants = rows.filter((r) => r.type === 'participant');
      expect(participants.map((r) => r.who).sort()).toEqual(['Ada', alice.displayName, bob.displayName, 'Mallory'].sort());
      // Everyone has a leave time (those still there left at the end).
      for (const p of participants) expect(p.text).toMatch(/^\d{4}-\d\d-\d\dT.+Z – \d{4}-\d\d-\d\dT.+Z$/);
      expect(rows.filter((r) => r.type === 'chat').map((r) => r.text)).toEqual(['Are you still there?', 'I am checking your printer.']);
      expect(rows.map((r) => r.event)).toEqual(expect.arrayContaining([`${alice.displayName} edited the notes`, `${alice.displayName} declined Mallory`]));
      expect(rows.at(-1)).toMatchObject({ type: 'notes', text: 'Printer queue cleared; 林 will call back.' });
    } finally {
      fs.rmSync(downloads, { recursive: true, force: true });
    }
    await shot(agent.page, 'agent-record', agent.inSession('session-record'));

    // History, found by its number: "1 session", not "1 sessions".
    const supervisor = await world().signedIn(sam);
    await click(supervisor.page, byTestId('open-history'));
    await visible(supervisor.page, byTestId('history-screen'));
    await type(supervisor.page, byTestId('history-filter-number'), number);
    await click(supervisor.page, byTestId('history-search'));
    await textAppears(supervisor.page, byTestId('history-summary'), '1 session · page 1 of 1');
    await shot(supervisor.page, 'history-one-session');
  });
});

describe('a number that expired unused', () => {
  const world = useE2eWorld({ sessionNumberTtlSeconds: 12 });

  it('the console shows it expired when it does and offers a new number; the customer with the old number is told what to do', async () => {
    const agent = await world().signedIn(world().accounts.alice);
    const old = await agent.startSession();
    await visible(agent.page, agent.inSession('number-expiry'));
    expect(await attribute(agent.page, agent.inSession('number-expiry'), 'data-expired')).toBe('false');
    // No reload: the hint turns at the moment the number expires, and the button appears.
    await waitFor('the number shown expired', async () => (await attribute(agent.page, agent.inSession('number-expiry'), 'data-expired')) === 'true' || undefined, { timeoutMs: 30_000 });
    await visible(agent.page, agent.inSession('renew-number'));
    await shot(agent.page, 'agent-number-expired', agent.inSession('invitation'));

    const customer = await CustomerPage.open(world().browser, world().server.url);
    try {
      await customer.submitJoin(old, 'Casey');
      await textAppears(customer.page, byTestId('join-error'), 'not valid or has expired');
      await textAppears(customer.page, byTestId('join-hint'), 'Ask the person helping you for a new number');
      await shot(customer.page, 'customer-expired-number');

      await click(agent.page, agent.inSession('renew-number'));
      const renewed = await waitFor('a new number shown', async () => {
        const [shown] = await texts(agent.page, agent.inSession('session-number'));
        const digits = shown?.replace(/\D/g, '');
        return digits && digits !== old ? digits : undefined;
      });
      await textAppears(agent.page, agent.inSession('renew-status'), 'give the customer this one');
      expect(await attribute(agent.page, agent.inSession('number-expiry'), 'data-expired')).toBe('false');
      expect(await isShown(agent.page, agent.inSession('renew-number'))).toBe(false);
      expect(await attribute(agent.page, `${byTestId('session-tab')}[aria-selected="true"]`, 'data-number')).toBe(renewed);
      const link = await agent.page.$eval(agent.inSession('join-link'), (input) => (input as HTMLInputElement).value);
      expect(link).toContain(`#s=${renewed}`);
      await shot(agent.page, 'agent-number-renewed', agent.inSession('invitation'));

      await type(customer.page, byTestId('join-number'), renewed);
      await click(customer.page, byTestId('join-submit'));
      await visible(customer.page, byTestId('customer-session'));
      await agent.waitForParticipant('Casey');
      await agent.endSession();
    } finally {
      await customer.close();
    }
  });
});
