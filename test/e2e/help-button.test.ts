import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Target } from 'puppeteer-core';
import { openWindow } from '../support/browser';
import { TEST_ADMIN } from '../support/test-server';
import { waitFor } from '../support/wait-for';
import { useE2eWorld } from './e2e-world';
import { HelpPage } from './pages/help-page';
import { byTestId, isShown, texts, visible } from './pages/page-helpers';
import { createQueue, queueSettings } from './queue-setup';

/**
 * The embeddable help button (issue 10): another website (another origin) adds it
 * with one <script>; clicking it opens our help page in a popup with the page the
 * visitor was on and the site's queue, and the customer can ask for help from there.
 */
describe('the help button on another website', () => {
  const world = useE2eWorld({ helpRequestsPerAddress: 10_000 });
  let site: Server;
  let siteOrigin = '';
  /** The queue the site's snippet names (set by the test once the queue exists). */
  let siteQueueId = '';

  beforeAll(async () => {
    site = createServer((_request, response) => {
      const { url } = world().server;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(`<!doctype html><html lang="fr"><head><title>Shop</title></head><body><h1>Shop</h1>
        <script src="${url}/help-button.js" async data-queue="${siteQueueId}"></script></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

  it('opens the help page with the referring page and the queue; the customer asks for help there', async () => {
    const { server, browser, accounts } = world();
    const queue = await createQueue(server.url, TEST_ADMIN, queueSettings('Shop help', [accounts.alice.id]));
    await createQueue(server.url, TEST_ADMIN, queueSettings('Other', [accounts.bob.id]));
    siteQueueId = queue.id;
    const context = await browser.createBrowserContext();
    try {
      const shop = await openWindow(context, `${siteOrigin}/products/printer?color=blue`);
      // The button's label follows the site's language (html lang="fr").
      await waitFor('the help button', async () => (await shop.$('>>> [data-testid="help-button"]')) !== null || undefined);
      expect(await shop.$eval('>>> [data-testid="help-button"]', (link) => link.textContent)).toBe('Obtenir de l’aide');
      const opened = new Promise<Target>((resolve) => context.once('targetcreated', resolve));
      await shop.click('>>> [data-testid="help-button"]');
      const popup = await (await opened).page();
      if (!popup) throw new Error('no popup page');
      await popup.waitForSelector(byTestId('help-form'));
      const url = new URL(popup.url());
      expect(url.pathname).toBe('/help');
      expect(url.searchParams.get('ref')).toBe(`${siteOrigin}/products/printer?color=blue`);
      expect(url.searchParams.get('queue')).toBe(queue.id);
      // The site chose the queue: no queue picker; the page says where the request comes from.
      expect(await isShown(popup, byTestId('help-queue'))).toBe(false);
      expect((await texts(popup, byTestId('help-referrer')))[0]).toContain('127.0.0.1');
      const help = HelpPage.adopt(popup, context);
      await help.askForHelp({ name: 'Hana' });
      await visible(popup, byTestId('waiting-position'));
      const [entry] = await server.app.queues.views.waitingEntries(queue.id);
      expect(entry).toMatchObject({ customerName: 'Hana', referrer: `${siteOrigin}/products/printer?color=blue` });
    } finally {
      await context.close();
    }
  });
});
