import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { startSessionWithCustomer } from '../support/signaling-client';
import type { Credentials } from '../support/signaling-client';
import { waitFor } from '../support/wait-for';
import { useE2eWorld } from './e2e-world';
import { attribute, byTestId, click, texts, type, visible } from './pages/page-helpers';

/** Session history (R10.1) in the console: a supervisor filters by agent, sorts, opens a record and exports CSV. */
describe('session history', () => {
  const world = useE2eWorld();

  /** A finished session of `agent` (over the protocol, as the console would run it). */
  const finished = async (agent: Credentials, customer: string, notes: string) => {
    const s = await startSessionWithCustomer(world().server.url, agent, customer);
    await s.agent.call('notes:update', { sessionId: s.sessionId, text: notes });
    await s.agent.call('session:end', { sessionId: s.sessionId });
    s.agent.close();
    s.customer.close();
  };

  it('a supervisor filters history by agent, opens a record and exports the rows as CSV', async () => {
    const { alice, bob, sam } = world().accounts;
    // A word of this run only in every note (a retried test finds the first try's sessions too).
    const tag = `run${Date.now().toString(36)}`;
    await finished(alice, '林美玲', `Printer "HP, 2F" offline ${tag}`);
    await finished(bob, 'Bernard', `mail quota ${tag}`);
    await finished(alice, 'Amy', `VPN ${tag}`);

    const console = await world().signedIn(sam);
    const page = console.page;
    await click(page, byTestId('open-history'));
    await visible(page, byTestId('history-screen'));
    await waitFor('the sessions listed', async () => (await texts(page, byTestId('history-agent'))).length >= 3 || undefined);

    await page.select(byTestId('history-filter-agentId'), alice.id);
    await type(page, byTestId('history-filter-text'), tag);
    await click(page, byTestId('history-search'));
    await waitFor('alice only', async () => {
      const agents = await texts(page, byTestId('history-agent'));
      if (agents.length === 2 && agents.every((a) => a === alice.displayName)) return true;
      throw new Error(`agents ${agents.join()}`);
    });

    // Sort by customer, ascending (keyboard: Enter on the focused header button).
    await page.focus(byTestId('history-sort-customerName'));
    await page.keyboard.press('Enter');
    await waitFor('sorted by customer', async () => {
      const sorted = await attribute(page, 'th[data-sort="customerName"]', 'aria-sort');
      const customers = await texts(page, byTestId('history-customer'));
      if (sorted === 'ascending' && customers.join() === 'Amy,林美玲') return true;
      throw new Error(`aria-sort ${sorted}, customers ${customers.join()}`);
    });

    await click(page, `${byTestId('history-row')}:nth-child(2) ${byTestId('history-open')}`);
    await visible(page, byTestId('history-record-dialog'));
    await visible(page, byTestId('history-record') + ' ' + byTestId('session-record'));
    expect(await texts(page, byTestId('record-notes'))).toEqual([`Printer "HP, 2F" offline ${tag}`]);
    await click(page, byTestId('history-record-close'));

    const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-history-csv-'));
    try {
      const cdp = await page.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      await click(page, byTestId('history-export'));
      const file = await waitFor('the CSV file downloaded', async () =>
        fs.readdirSync(downloads).find((name) => name.endsWith('.csv')),
      );
      expect(file).toMatch(/^session-history-\d{4}-\d{2}-\d{2}\.csv$/);
      const bytes = fs.readFileSync(path.join(downloads, file));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
      expect(rows.map((r) => [r.agentName, r.customerNames, r.notes])).toEqual([
        [alice.displayName, 'Amy', `VPN ${tag}`],
        [alice.displayName, '林美玲', `Printer "HP, 2F" offline ${tag}`],
      ]);
    } finally {
      fs.rmSync(downloads, { recursive: true, force: true });
    }
  });
});
