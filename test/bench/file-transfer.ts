/**
 * File transfer figures (issue 9, README "Files"): a 150 MiB random file from the agent console to
 * the customer client through the shipped apps, (a) peer to peer, (b) through the SFU relay
 * (FILE_TRANSFER_FORCE_RELAY), (c) a bare RTCDataChannel between the same two pages (the ceiling);
 * ratios a/c and b/c, mediasoup worker CPU during (b), peak JS heap of both pages, and the bytes
 * re-sent after the customer goes offline for 3 s at 30 %. Writes .bench/files.json.
 * Usage: npx tsx test/bench/file-transfer.ts   (FILE_BENCH_BYTES to change the size)
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { seedAccounts } from '../support/accounts';
import { launchBrowser } from '../support/browser';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import { AgentConsolePage } from '../e2e/pages/agent-console-page';
import { CustomerPage } from '../e2e/pages/customer-page';
import { FilesPanel, randomFile, type TestFile } from '../e2e/file-helpers';

const SIZE = Number(process.env.FILE_BENCH_BYTES ?? 150 * 1024 * 1024);
const TIMEOUT = 600_000;

/** CPU seconds (user + system) of every process below this one (the mediasoup workers). */
function childCpuSeconds(): number {
  let ticks = 0;
  for (const task of readdirSync(`/proc/${process.pid}/task`)) {
    for (const child of readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) {
      const fields = readFileSync(`/proc/${child}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  }
  return ticks / 100;
}

/** Samples the JS heap of pages until stopped; returns the peak per page (MB). */
function heapWatch(pages: Page[]): () => Promise<number[]> {
  const peaks = pages.map(() => 0);
  let running = true;
  const loop = (async () => {
    while (running) {
      await Promise.all(pages.map(async (page, i) => {
        const metrics = await page.metrics().catch(() => ({ JSHeapUsedSize: 0 }));
        peaks[i] = Math.max(peaks[i]!, (metrics.JSHeapUsedSize ?? 0) / 1e6);
      }));
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return peaks.map((p) => Math.round(p));
  };
}

interface AppRun { seconds: number; mbPerSecond: number; peakHeapMb: number[]; workerCpuSeconds: number; bytesResent: number; path: string }

async function appTransfer(forceRelay: boolean, file: TestFile, drop: boolean): Promise<{ run: AppRun; bare: number | null }> {
  const server = await startTestServer({ fileTransferForceRelay: forceRelay });
  const browser = await launchBrowser();
  try {
    const accounts = await seedAccounts(server.url, TEST_ADMIN);
    const agent = await AgentConsolePage.open(browser, server.url, '');
    await agent.signIn(accounts.alice);
    const number = await agent.startSession();
    const customer = await CustomerPage.open(browser, server.url);
    await customer.join(number, 'Bench');
    await agent.waitForParticipant('Bench');
    const agentFiles = new FilesPanel(agent.page, '[data-testid="session-view"]:not([hidden])');
    const customerFiles = new FilesPanel(customer.page);
    await agentFiles.send([file.path]);
    await customer.answerConsent(true);
    const stopHeap = heapWatch([agent.page, customer.page]);
    const cpu0 = childCpuSeconds();
    const t0 = Date.now();
    await customerFiles.press(file.name, 'file-accept');
    if (drop) {
      await customerFiles.waitBytes(file.name, file.size * 0.3, TIMEOUT);
      await customer.page.setOfflineMode(true);
      await new Promise((r) => setTimeout(r, 3000));
      await customer.page.setOfflineMode(false);
    }
    const received = await customerFiles.waitState(file.name, 'verified', TIMEOUT);
    const seconds = (Date.now() - t0) / 1000;
    const workerCpuSeconds = childCpuSeconds() - cpu0;
    const sent = await agentFiles.waitState(file.name, 'verified');
    if (received.sha256 !== file.sha256 || sent.sha256 !== file.sha256) throw new Error('hash mismatch');
    const run = { seconds, mbPerSecond: file.size / 1e6 / seconds, peakHeapMb: await stopHeap(), workerCpuSeconds, bytesResent: sent.bytesResent, path: sent.path };
    const bare = forceRelay || drop ? null : await bareChannel(agent.page, customer.page, file.size);
    return { run, bare };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The ceiling: a plain RTCDataChannel between the same two pages, 64 KiB messages, bufferedAmount flow control. */
async function bareChannel(sender: Page, receiver: Page, size: number): Promise<number> {
  const offer = await sender.evaluate(async () => {
    const pc = new RTCPeerConnection({ iceServers: [] });
    const channel = pc.createDataChannel('bench', { ordered: true });
    channel.binaryType = 'arraybuffer';
    Object.assign(window, { __bench: { pc, channel } });
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise<void>((r) => (pc.iceGatheringState === 'complete' ? r() : pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && r())));
    return pc.localDescription!.toJSON();
  });
  const answer = await receiver.evaluate(async (remote: RTCSessionDescriptionInit, total: number) => {
    const pc = new RTCPeerConnection({ iceServers: [] });
    const done = new Promise<number>((resolve) => {
      pc.addEventListener('datachannel', ({ channel }) => {
        channel.binaryType = 'arraybuffer';
        let got = 0;
        let start = 0;
        channel.onmessage = (event: MessageEvent<ArrayBuffer>) => {
          if (!start) start = performance.now();
          got += event.data.byteLength;
          if (got >= total) resolve((performance.now() - start) / 1000);
        };
      });
    });
    Object.assign(window, { __benchDone: done, __benchPc: pc });
    await pc.setRemoteDescription(remote);
    await pc.setLocalDescription(await pc.createAnswer());
    await new Promise<void>((r) => (pc.iceGatheringState === 'complete' ? r() : pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && r())));
    return pc.localDescription!.toJSON();
  }, offer, size);
  await sender.evaluate(async (remote: RTCSessionDescriptionInit, total: number) => {
    const { pc, channel } = (window as unknown as { __bench: { pc: RTCPeerConnection; channel: RTCDataChannel } }).__bench;
    await pc.setRemoteDescription(remote);
    await new Promise<void>((r) => (channel.readyState === 'open' ? r() : (channel.onopen = () => r())));
    const piece = crypto.getRandomValues(new Uint8Array(64 * 1024));
    channel.bufferedAmountLowThreshold = 1024 * 1024;
    for (let sent = 0; sent < total; ) {
      if (channel.bufferedAmount > 4 * 1024 * 1024) await new Promise((r) => (channel.onbufferedamountlow = r));
      const bytes = Math.min(piece.length, total - sent);
      channel.send(bytes === piece.length ? piece : piece.subarray(0, bytes));
      sent += bytes;
    }
  }, answer, size);
  const seconds = await receiver.evaluate(() => (window as unknown as { __benchDone: Promise<number> }).__benchDone);
  return size / 1e6 / seconds;
}

async function main(): Promise<void> {
  const file = await randomFile(SIZE, `bench-${SIZE}.bin`);
  const p2p = await appTransfer(false, file, false);
  const relay = await appTransfer(true, file, false);
  const drop = await appTransfer(false, file, true);
  const ceiling = p2p.bare ?? 0;
  const figures = {
    measuredAt: new Date().toISOString(),
    fileBytes: SIZE,
    p2p: p2p.run,
    relay: relay.run,
    bareChannelMbPerSecond: ceiling,
    ratioP2p: ceiling ? p2p.run.mbPerSecond / ceiling : null,
    ratioRelay: ceiling ? relay.run.mbPerSecond / ceiling : null,
    relayWorkerCpuShare: relay.run.workerCpuSeconds / relay.run.seconds,
    dropResume: { seconds: drop.run.seconds, bytesResent: drop.run.bytesResent, share: drop.run.bytesResent / SIZE },
  };
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/files.json', `${JSON.stringify(figures, null, 2)}\n`);
  console.log(JSON.stringify(figures, null, 2));
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
