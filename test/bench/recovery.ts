/**
 * Recovery times (issue 7 §3), measured with real faults in real Chromium:
 * `kill -9` of the session's mediasoup worker -> frames decoded again on the
 * agent page; the customer offline for 5 s -> frames again, counted from the
 * moment the browser is back online; the server closed and started again on
 * the same port with the same Redis -> both pages back in the session (and
 * frames again). Nobody clicks anything during a recovery.
 */
import { randomBytes } from 'node:crypto';
import type { Browser } from 'puppeteer-core';
import { seedAccounts, type Credentials } from '../support/accounts';
import { startRedisServer } from '../support/redis-server';
import { TEST_ADMIN, startTestServer, type TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';
import { shareCustomerScreen } from '../e2e/media-helpers';
import { AgentConsolePage } from '../e2e/pages/agent-console-page';
import { CustomerPage } from '../e2e/pages/customer-page';
import { byTestId, isShown } from '../e2e/pages/page-helpers';
import { shownScreen, type ShownScreen } from '../e2e/recovery-helpers';
import { summarize, type Summary } from './stats';

const OFFLINE_MS = 5_000;
const POLL = { timeoutMs: 60_000, intervalMs: 20 };

interface SharingPages {
  agent: AgentConsolePage;
  customer: CustomerPage;
  sessionId: string;
}

export interface RecoveryResults {
  method: string;
  runs: number;
  workerKillToFramesMs: Summary;
  offlineBackOnlineToFramesMs: Summary;
  offlineBackOnlineToRejoinedMs: Summary;
  framesDecodedWhileOffline: number[];
  serverRestartToRejoinedMs: Summary;
  serverRestartToFramesMs: Summary;
}

/** First frames of a screen after `since`: a new producer decoding, or the same one moving again. */
function framesAgain(agent: AgentConsolePage, since: ShownScreen): Promise<ShownScreen> {
  return waitFor(
    'frames again',
    async () => {
      const now = await shownScreen(agent);
      if (now.producerId === null) return undefined;
      const base = now.producerId === since.producerId ? since.framesDecoded : 0;
      return now.framesDecoded > base + 1 ? now : undefined;
    },
    POLL,
  );
}

async function openSharing(browser: Browser, server: TestServer, account: Credentials): Promise<SharingPages> {
  const agent = await AgentConsolePage.open(browser, server.url);
  await agent.signIn(account);
  const number = await agent.startSession();
  const customer = await CustomerPage.open(browser, server.url);
  await customer.join(number, 'Bench Customer');
  await agent.waitForParticipant('Bench Customer');
  await shareCustomerScreen(agent, customer);
  await agent.framesDecodedAbove(10);
  const sessionId = await server.app.services.store.findSessionIdByNumber(number);
  if (!sessionId) throw new Error('session not found');
  return { agent, customer, sessionId };
}

/** Settled again: frames flowing for a while, so the next fault starts from a steady share. */
async function steady(agent: AgentConsolePage): Promise<void> {
  const now = await shownScreen(agent);
  await waitFor('a steady share', async () => ((await shownScreen(agent)).framesDecoded > now.framesDecoded + 30 ? true : undefined), POLL);
}

async function workerKills(server: TestServer, pages: SharingPages, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const room = await server.app.services.rooms.peek(pages.sessionId);
    if (!room) throw new Error('no media room');
    const before = await shownScreen(pages.agent);
    const killedAt = Date.now();
    process.kill(room.workerPid, 'SIGKILL');
    await framesAgain(pages.agent, { ...before, framesDecoded: Number.MAX_SAFE_INTEGER });
    times.push(Date.now() - killedAt);
    process.stderr.write(`worker kill ${i + 1}/${runs}: ${times[i]} ms\n`);
    await steady(pages.agent);
  }
  return times;
}

interface OfflineRuns {
  frames: number[];
  rejoined: number[];
  /** Frames the agent decoded during each outage (WebRTC kept flowing if > 0). */
  framesWhileOffline: number[];
}

async function offlineDrops(pages: SharingPages, runs: number): Promise<OfflineRuns> {
  const result: OfflineRuns = { frames: [], rejoined: [], framesWhileOffline: [] };
  const customerConnected = async () =>
    pages.agent.page.$$eval('[data-testid="participant-item"][data-role="customer"]', (items) => items.every((item) => item.getAttribute('data-connected') === 'true'));
  for (let i = 0; i < runs; i++) {
    const start = await shownScreen(pages.agent);
    await pages.customer.page.setOfflineMode(true);
    await waitFor('the customer shown disconnected', async () => ((await customerConnected()) ? undefined : true), POLL);
    await new Promise((resolve) => setTimeout(resolve, OFFLINE_MS)); // the outage being measured
    const since = await shownScreen(pages.agent);
    await pages.customer.page.setOfflineMode(false);
    const onlineAt = Date.now();
    await framesAgain(pages.agent, since);
    result.frames.push(Date.now() - onlineAt);
    await waitFor('the customer back in the session', async () => ((await customerConnected()) ? true : undefined), POLL);
    result.rejoined.push(Date.now() - onlineAt);
    result.framesWhileOffline.push(since.producerId === start.producerId ? since.framesDecoded - start.framesDecoded : 0);
    process.stderr.write(`offline 5 s ${i + 1}/${runs}: frames ${result.frames[i]} ms, rejoined ${result.rejoined[i]} ms, frames while offline ${result.framesWhileOffline[i]}\n`);
    await steady(pages.agent);
  }
  return result;
}

async function serverRestarts(browser: Browser, runs: number): Promise<{ rejoined: number[]; frames: number[] }> {
  const redis = await startRedisServer();
  const tokenSecret = randomBytes(32).toString('hex');
  let server = await startTestServer({ redisUrl: redis.url, tokenSecret });
  const port = Number(new URL(server.url).port);
  const rejoined: number[] = [];
  const frames: number[] = [];
  try {
    const { alice } = await seedAccounts(server.url, TEST_ADMIN);
    const pages = await openSharing(browser, server, alice);
    const banners = () => Promise.all([isShown(pages.agent.page, byTestId('connection-status')), isShown(pages.customer.page, byTestId('connection-status'))]);
    for (let i = 0; i < runs; i++) {
      const before = await shownScreen(pages.agent);
      await server.close();
      await waitFor('both pages see the server gone', async () => ((await banners()).every(Boolean) ? true : undefined), POLL);
      server = await startTestServer({ redisUrl: redis.url, tokenSecret, port });
      const upAt = Date.now();
      await waitFor('both pages back in the session', async () => ((await banners()).some(Boolean) ? undefined : true), POLL);
      rejoined.push(Date.now() - upAt);
      await framesAgain(pages.agent, { ...before, framesDecoded: Number.MAX_SAFE_INTEGER });
      frames.push(Date.now() - upAt);
      process.stderr.write(`server restart ${i + 1}/${runs}: rejoined ${rejoined[i]} ms, frames ${frames[i]} ms\n`);
      await steady(pages.agent);
    }
    await Promise.all([pages.agent.close(), pages.customer.close()]);
  } finally {
    await server.close();
    await redis.stop();
  }
  return { rejoined, frames };
}

/** `account` may run one more session on `server` (used for the worker and network series). */
export async function measureRecovery(browser: Browser, server: TestServer, account: Credentials, runs: number): Promise<RecoveryResults> {
  const pages = await openSharing(browser, server, account);
  const kills = await workerKills(server, pages, runs);
  const drops = await offlineDrops(pages, runs);
  await Promise.all([pages.agent.close(), pages.customer.close()]);
  const restarts = await serverRestarts(browser, runs);
  return {
    method:
      'Same browser and pages through each series, one fault at a time, a steady share (30 more frames) between faults; no clicks. ' +
      'Worker kill: SIGKILL of the session worker -> a new screen producer decoded on the agent page (getStats polled every 20 ms). ' +
      `Offline: puppeteer setOfflineMode(true) for ${OFFLINE_MS / 1000} s on the customer page (its socket drops; Chromium's emulation ` +
      'does not cut WebRTC on loopback, and the server keeps a disconnected participant\'s media for the reconnect grace); from ' +
      'setOfflineMode(false) -> agent frames advance, and -> the customer shown connected again on the agent page. ' +
      'Server restart: buildApp closed, a new one on the same port with the same Redis and token secret; from the new server listening -> ' +
      'both connection banners cleared (rejoined), and -> frames of the re-sent screen decoded on the agent page.',
    runs,
    workerKillToFramesMs: summarize(kills),
    offlineBackOnlineToFramesMs: summarize(drops.frames),
    offlineBackOnlineToRejoinedMs: summarize(drops.rejoined),
    framesDecodedWhileOffline: drops.framesWhileOffline,
    serverRestartToRejoinedMs: summarize(restarts.rejoined),
    serverRestartToFramesMs: summarize(restarts.frames),
  };
}
