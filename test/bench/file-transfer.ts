/**
 * File transfer figures (issue 9, README "Files"), in one run: a 150 MB random file from the agent
 * console to the customer client through the shipped apps (a) peer to peer, (b) through the SFU
 * relay (FILE_TRANSFER_FORCE_RELAY), (c) a bare RTCDataChannel between the same two pages (the
 * ceiling, best of 64 KiB and 256 KiB messages); ratios a/c and b/c; CPU of the mediasoup worker
 * and of the server process during (b); peak JS heap of both pages and peak RSS of their renderer
 * processes, at two file sizes (memory must be flat in file size); bytes re-sent after the customer
 * goes offline at 30 % until the server notices (sender shows paused), then comes back. Writes .bench/files.json and the `files.*` keys of .bench/results.json
 * (npm run bench:table prints them).
 * Usage: npx tsx test/bench/file-transfer.ts
 *   FILE_BENCH_BYTES (150 MB = 150 000 000), FILE_BENCH_SMALL_BYTES (30 MB: the second size), FILE_BENCH_ONLY=p2p,relay,drop,small
 *   FILE_BENCH_PROFILE=1: CPU profile of both pages during (a), top functions by self time
 *   FILE_BENCH_HUGE=1: also 4 GiB + 1 byte (sparse file) peer to peer, with its peak memory (long; never in CI)
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, ftruncateSync } from 'node:fs';
import os from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { seedAccounts } from '../support/accounts';
import { launchBrowser } from '../support/browser';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import { AgentConsolePage } from '../e2e/pages/agent-console-page';
import { CustomerPage } from '../e2e/pages/customer-page';
import { FilesPanel, randomFile, sha256File, type TestFile } from '../e2e/file-helpers';
import { ownCpuSeconds, profilePages, udpReceiveBufferErrors, watchMemory, workerCpuSeconds, type MemoryPeaks } from './file-bench-probes';

const MiB = 1024 * 1024;
const SIZE = Number(process.env.FILE_BENCH_BYTES ?? 150_000_000);
const SMALL = Number(process.env.FILE_BENCH_SMALL_BYTES ?? 30_000_000);
const HUGE = 4 * 1024 * MiB + 1;
const ONLY = new Set((process.env.FILE_BENCH_ONLY ?? 'p2p,relay,drop,small').split(','));
const PROFILE = process.env.FILE_BENCH_PROFILE === '1';
const DEBUG = process.env.FILE_BENCH_DEBUG === '1';
const TIMEOUT = Number(process.env.FILE_BENCH_TIMEOUT_MS ?? 900_000);
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

interface AppRun {
  seconds: number;
  mbPerSecond: number;
  memory: MemoryPeaks;
  workerCpuSeconds: number;
  serverProcessCpuSeconds: number;
  bytesResent: number;
  path: string;
  /** UDP datagrams dropped on a full receive buffer during the run (whole machine). */
  udpDrops: number;
}
interface CaseOptions {
  forceRelay: boolean;
  drop?: boolean;
  bare?: boolean;
  profile?: boolean;
  maxBytes?: number;
}

async function appTransfer(file: TestFile, options: CaseOptions): Promise<{ run: AppRun; bare: Record<string, number> | null; profile: string[][] | null }> {
  const server = await startTestServer({ fileTransferForceRelay: options.forceRelay, ...(options.maxBytes ? { fileTransferMaxBytes: options.maxBytes } : {}) });
  const browser = await launchBrowser();
  let watch: ReturnType<typeof setInterval> | undefined;
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
    for (const [who, page] of [['agent', agent.page], ['customer', customer.page]] as const) {
      page.on('console', (message) => (DEBUG || ['warn', 'error'].includes(message.type())) && console.error(`[${who}] ${message.text()}`));
    }
    watch = setInterval(() => {
      void Promise.all([agentFiles.itemOf(file.name), customerFiles.itemOf(file.name)]).then(
        ([a, c]) => console.error(`  sender ${a?.state ?? '-'} ${a?.bytesDone ?? 0}, receiver ${c?.state ?? '-'} ${c?.bytesDone ?? 0} (${file.size})`),
        () => undefined,
      );
    }, 10_000);
    await agentFiles.send([file.path]);
    await customer.answerConsent(true);
    const stopMemory = watchMemory(browser, [agent.page, customer.page]);
    const stopProfile = options.profile ? await profilePages([agent.page, customer.page]) : null;
    const cpu0 = workerCpuSeconds();
    const own0 = ownCpuSeconds();
    const drops0 = udpReceiveBufferErrors();
    const t0 = Date.now();
    await customerFiles.press(file.name, 'file-accept');
    if (options.drop) {
      // As in the e2e test: offline until the server noticed (the sender shows paused), then back.
      await customerFiles.waitBytes(file.name, file.size * 0.3, TIMEOUT);
      await customer.page.setOfflineMode(true);
      await agentFiles.waitState(file.name, 'paused', 60_000);
      await customer.page.setOfflineMode(false);
    }
    const received = await customerFiles.waitState(file.name, 'verified', TIMEOUT);
    const seconds = (Date.now() - t0) / 1000;
    const run = {
      seconds,
      mbPerSecond: round(file.size / 1e6 / seconds, 2),
      workerCpuSeconds: round(workerCpuSeconds() - cpu0, 2),
      serverProcessCpuSeconds: round(ownCpuSeconds() - own0, 2),
      udpDrops: udpReceiveBufferErrors() - drops0,
      memory: await stopMemory(),
      bytesResent: 0,
      path: '',
    };
    const profile = stopProfile ? await stopProfile() : null;
    const sent = await agentFiles.waitState(file.name, 'verified');
    if (received.sha256 !== file.sha256 || sent.sha256 !== file.sha256) throw new Error('hash mismatch');
    run.bytesResent = sent.bytesResent;
    run.path = sent.path;
    const bare = options.bare ? await bareCeiling(browser, agent.page, customer.page, file.size) : null;
    return { run, bare, profile };
  } finally {
    clearInterval(watch);
    await browser.close();
    await server.close();
  }
}

/** The bare channel at two message sizes (the best is the ceiling). */
async function bareCeiling(_browser: Browser, sender: Page, receiver: Page, size: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const messageBytes of [64 * 1024, 256 * 1024]) out[`${messageBytes / 1024}KiB`] = round(await bareChannel(sender, receiver, size, messageBytes), 2);
  return out;
}

/** The ceiling: a plain RTCDataChannel between the same two pages, bufferedAmount flow control (4 MiB high, 1 MiB low). */
async function bareChannel(sender: Page, receiver: Page, size: number, messageBytes: number): Promise<number> {
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
  await sender.evaluate(async (remote: RTCSessionDescriptionInit, total: number, pieceBytes: number) => {
    const { pc, channel } = (window as unknown as { __bench: { pc: RTCPeerConnection; channel: RTCDataChannel } }).__bench;
    await pc.setRemoteDescription(remote);
    await new Promise<void>((r) => (channel.readyState === 'open' ? r() : (channel.onopen = () => r())));
    const piece = new Uint8Array(pieceBytes);
    for (let at = 0; at < pieceBytes; at += 65536) crypto.getRandomValues(piece.subarray(at, at + 65536));
    channel.bufferedAmountLowThreshold = 1024 * 1024;
    for (let sent = 0; sent < total; ) {
      if (channel.bufferedAmount > 4 * 1024 * 1024) await new Promise((r) => (channel.onbufferedamountlow = r));
      const bytes = Math.min(piece.length, total - sent);
      channel.send(bytes === piece.length ? piece : piece.subarray(0, bytes));
      sent += bytes;
    }
  }, answer, size, messageBytes);
  const seconds = await receiver.evaluate(() => (window as unknown as { __benchDone: Promise<number> }).__benchDone);
  await sender.evaluate(() => (window as unknown as { __bench: { pc: RTCPeerConnection } }).__bench.pc.close());
  await receiver.evaluate(() => (window as unknown as { __benchPc: RTCPeerConnection }).__benchPc.close());
  return size / 1e6 / seconds;
}

/** A sparse file of HUGE bytes (zeros; reads cost no disk). */
async function sparseFile(size: number): Promise<TestFile> {
  const path = join(tmpdir(), `rs-bench-sparse-${size}.bin`);
  if (!existsSync(path) || statSync(path).size !== size) {
    const fd = openSync(path, 'w');
    ftruncateSync(fd, size);
    closeSync(fd);
  }
  return { path, name: `rs-bench-sparse-${size}.bin`, size, sha256: await sha256File(path) };
}

type Figures = Record<string, number | null>;

/** Adds the files.* keys to .bench/results.json (run-bench.ts writes the rest; this keeps it). */
function mergeResults(figures: Figures, chromium: string): void {
  const file = '.bench/results.json';
  const results = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { figures?: Figures }) : {};
  // A partial run (FILE_BENCH_ONLY) keeps the figures it did not measure.
  const measured = Object.fromEntries(Object.entries(figures).filter(([, value]) => value !== null));
  results.figures = { ...(results.figures ?? {}), ...measured };
  results.takenAt ??= new Date().toISOString();
  results.chromium ??= chromium;
  results.machine ??= { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg() };
  results.filesTakenAt = new Date().toISOString();
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

async function chromiumVersion(): Promise<string> {
  const browser = await launchBrowser();
  try {
    return await browser.version();
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const file = await randomFile(SIZE, `bench-${SIZE}.bin`);
  const p2p = ONLY.has('p2p') ? await appTransfer(file, { forceRelay: false, bare: true, profile: PROFILE }) : null;
  if (p2p?.profile) console.log(`profile (agent = sender, customer = receiver):\n${p2p.profile.map((lines, i) => `${i ? 'customer' : 'agent'}:\n  ${lines.join('\n  ')}`).join('\n')}`);
  const relay = ONLY.has('relay') ? await appTransfer(file, { forceRelay: true }) : null;
  const drop = ONLY.has('drop') ? await appTransfer(file, { forceRelay: false, drop: true }) : null;
  const small = ONLY.has('small') ? await appTransfer(await randomFile(SMALL, `bench-${SMALL}.bin`), { forceRelay: false }) : null;
  const huge = process.env.FILE_BENCH_HUGE === '1' ? await appTransfer(await sparseFile(HUGE), { forceRelay: false, maxBytes: 5 * 1024 * MiB }) : null;
  const ceiling = p2p?.bare ? Math.max(...Object.values(p2p.bare)) : null;
  const ratio = (run: AppRun | undefined) => (run && ceiling ? round(run.mbPerSecond / ceiling, 2) : null);
  const memory = (prefix: string, run: AppRun | undefined): Figures => ({
    [`${prefix}.agentHeapMb`]: run?.memory.jsHeapMb[0] ?? null,
    [`${prefix}.customerHeapMb`]: run?.memory.jsHeapMb[1] ?? null,
    [`${prefix}.rendererRssMaxMb`]: run?.memory.rendererRssMb[0] ?? null,
  });
  const figures: Figures = {
    'files.fileMB': round(SIZE / 1e6, 0),
    'files.p2p.mbPerSecond': p2p?.run.mbPerSecond ?? null,
    'files.relay.mbPerSecond': relay?.run.mbPerSecond ?? null,
    'files.bare.mbPerSecond': ceiling,
    'files.bare64k.mbPerSecond': p2p?.bare?.['64KiB'] ?? null,
    'files.bare256k.mbPerSecond': p2p?.bare?.['256KiB'] ?? null,
    'files.ratio.p2pToBare': ratio(p2p?.run),
    'files.ratio.relayToBare': ratio(relay?.run),
    'files.relay.workerCpuPercentOfCore': relay ? round((100 * relay.run.workerCpuSeconds) / relay.run.seconds) : null,
    'files.relay.serverProcessCpuPercentOfCore': relay ? round((100 * relay.run.serverProcessCpuSeconds) / relay.run.seconds) : null,
    'files.p2p.udpDrops': p2p?.run.udpDrops ?? null,
    'files.relay.udpDrops': relay?.run.udpDrops ?? null,
    'files.p2p.serverProcessCpuPercentOfCore': p2p ? round((100 * p2p.run.serverProcessCpuSeconds) / p2p.run.seconds) : null,
    ...memory('files.p2p', p2p?.run),
    ...memory('files.relay', relay?.run),
    'files.small.fileMB': small ? round(SMALL / 1e6, 0) : null,
    'files.small.mbPerSecond': small?.run.mbPerSecond ?? null,
    ...memory('files.small', small?.run),
    'files.drop.bytesResent': drop?.run.bytesResent ?? null,
    'files.drop.resentPercent': drop ? round((100 * drop.run.bytesResent) / SIZE, 2) : null,
    'files.drop.seconds': drop ? round(drop.run.seconds) : null,
    ...(huge ? { 'files.huge.bytes': HUGE, 'files.huge.mbPerSecond': huge.run.mbPerSecond, ...memory('files.huge', huge.run) } : {}),
  };
  const details = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg() },
    method:
      'One headless Chromium, the agent console and the customer client in their own windows and browser contexts (own renderer processes), ' +
      'real server in this process (memory store) and one mediasoup worker, loopback. Throughput = file bytes / (Accept click -> the customer page shows verified, ' +
      'including the final whole-file SHA-256 on both sides). Bare channel: RTCDataChannel between the same two pages, random bytes, no hashing or disk. ' +
      'Worker CPU from /proc/<worker>/stat; server process CPU from /proc/self/stat (includes the puppeteer driver). JS heap: CDP Performance.getMetrics every 250 ms; renderer RSS: /proc/<pid>/status VmRSS.',
    figures,
    runs: { p2p: p2p?.run, relay: relay?.run, drop: drop?.run, small: small?.run, huge: huge?.run, bare: p2p?.bare },
  };
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/files.json', `${JSON.stringify(details, null, 2)}\n`);
  mergeResults(figures, await chromiumVersion());
  console.log(JSON.stringify(details, null, 2));
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
