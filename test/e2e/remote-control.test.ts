import type { Browser, Page } from 'puppeteer-core';
import { seedAccounts } from '../support/accounts';
import type { SeededAccounts } from '../support/accounts';
import { launchBrowser } from '../support/browser';
import { startTestServer, TEST_ADMIN } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';
import { startXvfb, xdotool } from '../support/xvfb';
import type { XvfbHandle } from '../support/xvfb';
import {
  agentVideo, assertHelperBuilt, controlStateOf, grantControl, launchDesktopBrowser, placeWindow, TARGET_PAGE, targetClicks, targetSize, targetText, waitForColour,
} from './control-desktop';
import type { ControlledDesktop, RunningHelper } from './control-desktop';
import { AgentConsolePage } from './pages/agent-console-page';
import { byTestId, click } from './pages/page-helpers';

/**
 * Remote control end to end on a real display: Xvfb :92 is the customer's desktop; a
 * headful Chromium on it runs the customer client and shares the entire screen; another
 * window there is the application the agent works in; the BUILT helper file, downloaded
 * from the server, injects the agent's input. The agent (headless Chromium) aims at what
 * it sees in the decoded video.
 */
describe('remote control of a real desktop', () => {
  let xvfb: XvfbHandle;
  let server: TestServer;
  let accounts: SeededAccounts;
  let agentBrowser: Browser;
  let desktopBrowser: Browser;
  let targetBrowser: Browser;
  let target: Page;
  const opened: { close(): Promise<void> }[] = [];
  /** Agents whose sessions end after each test (alice may hold only two at a time). */
  const sessions: AgentConsolePage[] = [];
  const helpers: RunningHelper[] = [];

  beforeAll(async () => {
    assertHelperBuilt();
    xvfb = await startXvfb(92, 1280, 720);
    server = await startTestServer();
    accounts = await seedAccounts(server.url, TEST_ADMIN);
    agentBrowser = await launchBrowser();
    desktopBrowser = await launchDesktopBrowser(xvfb);
    targetBrowser = await launchDesktopBrowser(xvfb, ['--window-position=640,0']);
    target = (await targetBrowser.pages())[0] ?? (await targetBrowser.newPage());
    await target.setContent(TARGET_PAGE);
    await placeWindow(target, { left: 640, top: 0, width: 640, height: 720 });
  });

  afterEach(async () => {
    await Promise.all(helpers.splice(0).map((helper) => helper.stop()));
    for (const agent of sessions.splice(0)) await agent.endSession().catch(() => undefined);
    await Promise.all(opened.splice(0).map((page) => page.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await agentBrowser?.close();
    await desktopBrowser?.close();
    await targetBrowser?.close();
    await server?.close();
    await xvfb?.stop();
  });


  const controlGranted = async (): Promise<ControlledDesktop> => {
    const granted = await grantControl({ serverUrl: server.url, agentBrowser, desktopBrowser, xvfb, agentAccount: accounts.alice });
    opened.push(granted.agent.page, granted.customer);
    sessions.push(granted.agent);
    helpers.push(granted.helper);
    return granted;
  };

  /** The agent clicks on the magenta field as it sees it in the shared video, then focuses nothing else. */
  async function agentClicksTarget(agent: AgentConsolePage): Promise<void> {
    const found = await waitForColour(agent.page, agentVideo(agent), 'magenta');
    await agent.page.mouse.click(found.client.x, found.client.y);
  }

  it('the agent clicks and types on the customer desktop; local input pauses; Stop control ends it for good', async () => {
    const { agent, customer, helper } = await controlGranted();
    await target.$eval('#target', (el) => void ((el as HTMLInputElement).value = ''));
    const before = (await targetClicks(target)).length;

    await agentClicksTarget(agent);
    const clicks = await waitFor('the click on the target', async () => {
      const all = await targetClicks(target);
      return all.length > before ? all : undefined;
    });
    const size = await targetSize(target);
    const click1 = clicks[clicks.length - 1]!;
    // Within a few pixels of the field's centre, where the agent aimed.
    expect(Math.abs(click1.x - size.width / 2)).toBeLessThanOrEqual(4);
    expect(Math.abs(click1.y - size.height / 2)).toBeLessThanOrEqual(4);

    await agent.page.keyboard.type('Hello, World 123! @#');
    await waitFor('the typed text on the customer desktop', async () => (await targetText(target)) === 'Hello, World 123! @#' || undefined, { timeoutMs: 10_000 }).catch(async () => {
      throw new Error(`the target holds ${JSON.stringify(await targetText(target))}`);
    });

    // The customer's own hand: remote input pauses, both sides are told.
    await xdotool(xvfb.display, 'mousemove', '900', '600');
    await waitFor('paused on the agent page', async () => (await controlStateOf(agent.page, true)) === 'paused' || undefined);
    await waitFor('paused on the customer page', async () => (await controlStateOf(customer.page)) === 'paused' || undefined);
    await waitFor('active again after the pause', async () => (await controlStateOf(agent.page, true)) === 'active' || undefined);
    await agentClicksTarget(agent);
    // The click put the caret in the middle of the text: End (a key, not text) moves it back.
    await agent.page.keyboard.press('End');
    await agent.page.keyboard.type('!');
    await waitFor('input flows again after the pause', async () => (await targetText(target)) === 'Hello, World 123! @#!' || undefined).catch(async (err: Error) => {
      throw new Error(`${err.message}; target ${JSON.stringify(await targetText(target))}, ${(await targetClicks(target)).length} clicks; helper said:\n${helper.output()}`);
    });

    // Stop control on the customer page: the helper ends, later input goes nowhere.
    await click(customer.page, byTestId('control-stop'));
    expect(await helper.exited).toBe(0);
    expect(helper.output()).toMatch(/Control was stopped|You stopped control/);
    await waitFor('control gone on the agent page', async () => (await controlStateOf(agent.page, true)) !== 'active' || undefined);
    const textBefore = await targetText(target);
    const clicksBefore = (await targetClicks(target)).length;
    await agentClicksTarget(agent);
    await agent.page.keyboard.type('ignored');
    await new Promise((done) => setTimeout(done, 1000));
    expect(await targetText(target)).toBe(textBefore);
    expect((await targetClicks(target)).length).toBe(clicksBefore);
  });

  it('handing control to an assistant ends remote control (the helper exits)', async () => {
    const { agent, number, helper } = await controlGranted();
    const bob = await AgentConsolePage.open(agentBrowser, server.url);
    opened.push(bob.page);
    sessions.unshift(bob);
    await bob.signIn(accounts.bob);
    await bob.assist(number);
    await agent.waitForParticipant('Bob Agent');
    await agent.transferControlTo('Bob Agent');
    expect(await helper.exited).toBe(0);
    expect(helper.output()).toMatch(/handed to someone else/);
    const textBefore = await targetText(target);
    await bob.page.keyboard.type('nobody');
    await new Promise((done) => setTimeout(done, 500));
    expect(await targetText(target)).toBe(textBefore);
  });

  it('the customer stops control from the helper itself (S in its terminal)', async () => {
    const { agent, customer, helper } = await controlGranted();
    helper.process.stdin?.write('s\n');
    expect(await helper.exited).toBe(0);
    expect(helper.output()).toMatch(/You stopped control/);
    await waitFor('control gone on the customer page', async () => (await controlStateOf(customer.page)) !== 'active' || undefined);
    await waitFor('control gone on the agent page', async () => (await controlStateOf(agent.page, true)) !== 'active' || undefined);
  });
});
