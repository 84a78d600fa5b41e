/**
 * Annotation and chat abuse, measured against a real server and mediasoup
 * worker on loopback (run: `npx tsx --expose-gc test/bench/abuse-figures.ts`).
 * One customer draws 500 maximal strokes (1,000 unrounded points each) and
 * floods the chat; prints what the server accepted, kept and relayed, its heap
 * growth after GC, and the size of a late joiner's snapshot. Measurements, no targets.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LIMITS, ROUTES } from '@rs/signaling';
import type { ConfigInput } from '../../server/src/config/config';
import type { CustomerJoinResponse } from '@rs/signaling';
import { TestClient, newAgent, postJson, startSessionWithCustomer, unwrap } from '../support/signaling-client';
import { shareScreen } from '../support/share-screen';
import { TEST_ADMIN, startTestServer } from '../support/test-server';

const STROKES = 500;
const CHAT_MESSAGES = 2_000;
const MiB = 1024 * 1024;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

function heapAfterGc(clients: TestClient[]): number {
  for (const client of clients) client.events.length = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  return process.memoryUsage().heapUsed;
}

function maxStroke(producerId: string) {
  return {
    id: randomUUID(), producerId, tool: 'pen', color: '#ff0000', width: 0.05,
    points: Array.from({ length: LIMITS.strokePoints }, () => [Math.random(), Math.random()]),
  };
}

async function measure(label: string, overrides: Partial<ConfigInput>): Promise<Record<string, unknown>> {
  const server = await startTestServer(overrides);
  try {
    const s = await startSessionWithCustomer(server.url, await newAgent(server.url, TEST_ADMIN));
    const producerId = await shareScreen(s.agent, s.customer, s.sessionId, s.joined.participantId);
    const heapBefore = heapAfterGc([s.agent, s.customer]);

    let sent = 0;
    let relayed = 0;
    s.agent.socket.onAny((name: string, payload: unknown) => {
      if (name.startsWith('annotation:')) relayed += bytes(payload);
    });
    const drawStart = performance.now();
    const drawn = await Promise.all(Array.from({ length: STROKES }, () => {
      const stroke = maxStroke(producerId);
      sent += bytes(stroke);
      return s.customer.request('annotation:draw', { sessionId: s.sessionId, stroke });
    }));
    const drawMs = performance.now() - drawStart;

    const chatStart = performance.now();
    const chats = await Promise.all(Array.from({ length: CHAT_MESSAGES }, (_, i) => s.customer.request('chat:send', { sessionId: s.sessionId, text: `${i} ${'x'.repeat(LIMITS.chatTextLength - 10)}` })));
    const chatMs = performance.now() - chatStart;

    const joined = unwrap(await postJson<CustomerJoinResponse>(server.url, ROUTES.join, { sessionNumber: s.created.session.number, displayName: 'Late' }));
    const late = await TestClient.connect(server.url, joined.token);
    const joinStart = performance.now();
    const snapshot = await late.call('session:join', { sessionId: s.sessionId });
    const joinMs = performance.now() - joinStart;
    const heapAfter = heapAfterGc([s.agent, s.customer, late]);
    const kept = server.app.services.annotations.size(s.sessionId);
    for (const client of [s.agent, s.customer, late]) client.close();
    return {
      label,
      strokesAccepted: drawn.filter((r) => r.ok).length,
      strokesRefused: drawn.filter((r) => !r.ok).length,
      strokeMiBSent: +(sent / MiB).toFixed(1),
      drawSeconds: +(drawMs / 1000).toFixed(1),
      annotationMiBRelayedToAgent: +(relayed / MiB).toFixed(2),
      strokesKept: kept.strokes,
      inkKiBKept: +(kept.bytes / 1024).toFixed(0),
      chatAccepted: chats.filter((r) => r.ok).length,
      chatAcceptedPerSecond: +(chats.filter((r) => r.ok).length / (chatMs / 1000)).toFixed(1),
      lateSnapshotKiB: +(bytes(snapshot) / 1024).toFixed(0),
      lateSnapshotStrokes: snapshot.strokes.length,
      lateSnapshotChat: snapshot.chat.length,
      lateJoinMs: +joinMs.toFixed(0),
      serverHeapGrowthMiB: +((heapAfter - heapBefore) / MiB).toFixed(1),
    };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const results = [
    await measure('default limits', {}),
    await measure('rates lifted (storage caps only)', { drawBurstPoints: 1e9, drawPointsPerSecond: 1e9, chatBurst: 1e6, chatPerSecond: 1e6 }),
  ];
  console.table(results);
  const outDir = path.resolve(__dirname, '..', '..', '.bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'abuse.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), results }, null, 2)}\n`);
}

void main().then(() => process.exit(0), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
