import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame } from 'puppeteer-core';
import { launchBrowser, openWindow } from '../support/browser';
import { startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

/**
 * Clickjacking of the consent prompt: a foreign site frames the customer client and
 * overlays it. The app's pages refuse to be framed (frame-ancestors 'none', X-Frame-Options).
 */
describe('the apps refuse to be framed by another site', () => {
  let server: TestServer;
  let browser: Browser;
  let framer: http.Server;
  let framerOrigin: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    // Another origin (localhost vs 127.0.0.1) framing the customer client and the agent console,
    // and, as a control, a page of its own that has no such headers.
    framer = http.createServer((req, res) => {
      res.setHeader('content-type', 'text/html');
      if (req.url === '/own') return res.end('<p id="own">framed fine</p>');
      res.end(`<iframe id="customer" src="${server.url}/"></iframe><iframe id="console" src="${server.url}/console/"></iframe><iframe id="own" src="/own"></iframe>`);
    });
    framer.listen(0, '127.0.0.1');
    await new Promise((resolve) => framer.once('listening', resolve));
    framerOrigin = `http://localhost:${(framer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((resolve) => framer?.close(resolve));
  });

  it('a page framing the customer client or the console gets nothing; its own frame loads', async () => {
    const page = await openWindow(browser, `${framerOrigin}/`);
    const frameOf = async (id: string): Promise<Frame> => {
      const handle = await page.$(`iframe#${id}`);
      const frame = await handle?.contentFrame();
      if (!frame) throw new Error(`no frame ${id}`);
      return frame;
    };
    await waitFor('the control frame to load', async () => (await (await frameOf('own')).$('#own')) !== null);
    for (const id of ['customer', 'console']) {
      const frame = await frameOf(id);
      // A blocked frame shows Chromium's error page instead of the app; nothing of the app runs in it.
      await waitFor(`frame ${id} to settle`, () => frame.url() !== '' && frame.url() !== 'about:blank');
      expect(frame.url()).not.toContain(server.url);
      expect(await frame.evaluate(() => document.querySelector('#app'))).toBeNull();
    }
    const direct = await openWindow(browser, `${server.url}/`);
    expect(await direct.$('#app')).not.toBeNull();
    await Promise.all([page.close(), direct.close()]);
  });
});
