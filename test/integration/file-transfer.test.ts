import { ROUTES } from '@rs/signaling';
import type { FileDescriptor, FileTransfer, FileTransferTarget, FsAnswer, FsRequestEvent, SessionRecordResponse } from '@rs/signaling';
import { TestClient, newAgent, startSessionWithCustomer, startSessionWithTwoCustomers } from '../support/signaling-client';
import type { Credentials } from '../support/signaling-client';
import { startRedisServer } from '../support/redis-server';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

const MiB = 1024 * 1024;
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const DOWNLOAD: FileTransferTarget = { kind: 'download' };
/** What a browser's data channel would send; mediasoup checks only its shape here (no bytes move in these tests). */
const SCTP_STREAM = { streamId: 1, ordered: true };

const file = (name: string, size = 1000, path: string[] = []): FileDescriptor => ({ name, size, lastModified: 1_700_000_000_000, path, fingerprint: 'c'.repeat(64) });

describe.each(['memory', 'redis'] as const)('file transfer (%s store)', (storeKind) => {
  let server: TestServer;
  let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  const closables: { close(): void }[] = [];

  beforeAll(async () => {
    redis = storeKind === 'redis' ? await startRedisServer() : undefined;
    server = await startTestServer({ redisUrl: redis?.url, folderRequestTimeoutSeconds: 1 });
    expect(server.app.services.store.kind).toBe(storeKind);
  });
  afterEach(() => closables.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  /** Each test's own agent (an agent runs at most 20 sessions). */
  async function session() {
    const s = await startSessionWithCustomer(server.url, await newAgent(server.url, TEST_ADMIN, 5, 'Ann Agent'));
    closables.push(s.agent, s.customer);
    return { ...s, agentId: s.agentSnapshot.self.id, customerId: s.joined.participantId };
  }
  type Session = Awaited<ReturnType<typeof session>>;

  /** The agent offers files to the customer; the customer answers the consent prompt. */
  async function offerToCustomer(s: Session, files: FileDescriptor[], answer: 'grant' | 'deny' | 'none' = 'grant', target = DOWNLOAD): Promise<FileTransfer[]> {
    const { transfers } = await s.agent.call('file:offer', { sessionId: s.sessionId, receiverId: s.customerId, files, target });
    if (answer === 'none') return transfers;
    const prompt = await s.customer.waitForEvent('consent:prompt', (p) => p.activity === 'file-transfer' && p.status === 'pending' && !answered.has(p.id));
    answered.add(prompt.id);
    await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: prompt.id, granted: answer === 'grant' });
    const settled = answer === 'grant' ? ['offered', 'accepted'] : ['denied'];
    return Promise.all(transfers.map((t) => transferState(s.customer, t.transferId, settled)));
  }
  const answered = new Set<string>();

  const transferState = (client: TestClient, transferId: string, states: string[]) =>
    client.waitForEvent('file:transfer', (e) => e.transfer.transferId === transferId && states.includes(e.transfer.state)).then((e) => e.transfer);

  const ref = (s: Session, t: FileTransfer) => ({ sessionId: s.sessionId, transferId: t.transferId });

  async function record(s: Session): Promise<SessionRecordResponse> {
    const response = await fetch(`${server.url}${ROUTES.sessionRecord(s.sessionId)}`, { headers: { authorization: `Bearer ${s.signedIn.token}` } });
    return ((await response.json()) as { data: SessionRecordResponse }).data;
  }

  const relayCounts = async (sessionId: string) => (await server.app.services.rooms.peek(sessionId))?.existingFiles?.counts;

  it('agent -> customer under consent: awaiting-consent, granted, accepted, receiver-only monotonic progress, verified with equal hashes', async () => {
    const s = await session();
    const [offered] = await offerToCustomer(s, [file('report.pdf', 600_000)], 'none');
    expect(offered).toMatchObject({ state: 'awaiting-consent', senderId: s.agentId, receiverId: s.customerId, chunkCount: 3, verifiedChunks: 0 });
    // Before the grant nothing moves: no progress, no signal, no relay.
    expect(await s.customer.request('file:accept', ref(s, offered!))).toMatchObject({ ok: false, error: { code: 'TRANSFER_STATE' } });
    expect(await s.agent.request('file:signal', { sessionId: s.sessionId, peerId: s.customerId, data: { type: 'offer' } })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    expect(await s.agent.request('file:relay-transport', { sessionId: s.sessionId, direction: 'send' })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    const prompt = await s.customer.waitForEvent('consent:prompt', (p) => p.activity === 'file-transfer');
    await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: prompt.id, granted: true });
    const t = await transferState(s.agent, offered!.transferId, ['offered']);
    expect(await s.agent.request('file:accept', ref(s, t))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.customer.call('file:accept', ref(s, t))).toMatchObject({ state: 'accepted' });
    // Signals now reach the other party.
    await s.agent.call('file:signal', { sessionId: s.sessionId, peerId: s.customerId, data: { type: 'offer', sdp: 'v=0' } });
    expect(await s.customer.waitForEvent('file:signal')).toEqual({ sessionId: s.sessionId, fromId: s.agentId, data: { type: 'offer', sdp: 'v=0' } });
    await s.agent.call('file:path', { ...ref(s, t), path: 'p2p' });
    // Progress: receiver only, never backwards, never past the end.
    expect(await s.agent.request('file:progress', { ...ref(s, t), verifiedChunks: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.customer.call('file:progress', { ...ref(s, t), verifiedChunks: 2 })).toMatchObject({ state: 'running', verifiedChunks: 2, path: 'p2p' });
    expect(await s.customer.request('file:progress', { ...ref(s, t), verifiedChunks: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await s.customer.request('file:progress', { ...ref(s, t), verifiedChunks: 4 })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    await s.customer.call('file:resend', { ...ref(s, t), fromChunk: 2 });
    expect(await s.agent.waitForEvent('file:resend')).toEqual({ ...ref(s, t), fromChunk: 2 });
    await s.customer.call('file:progress', { ...ref(s, t), verifiedChunks: 3 });
    expect(await s.agent.call('file:complete', { ...ref(s, t), sha256: HASH_A })).toMatchObject({ state: 'running', sha256: null });
    expect(await s.customer.call('file:complete', { ...ref(s, t), sha256: HASH_A })).toMatchObject({ state: 'verified', sha256: HASH_A });
    await transferState(s.agent, t.transferId, ['verified']);
    // Finished: the pair may no longer signal.
    expect(await s.agent.request('file:signal', { sessionId: s.sessionId, peerId: s.customerId, data: {} })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    const rec = await record(s);
    expect(rec.files).toEqual([expect.objectContaining({ transferId: t.transferId, state: 'verified', sha256: HASH_A, senderId: s.agentId, file: expect.objectContaining({ name: 'report.pdf', size: 600_000 }) })]);
    expect(rec.files[0]).not.toHaveProperty('senderSha256');
    expect(rec.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['file:offered', 'file:accepted', 'file:verified']));
    expect(rec.consents.find((c) => c.activity === 'file-transfer')?.status).toBe('ended');
  });

  it('customer progress events reach only the parties and staff; different hashes fail with HASH_MISMATCH', async () => {
    const s = await session();
    const [t] = await offerToCustomer(s, [file('a.bin', 10)]);
    await s.customer.call('file:accept', ref(s, t!));
    await s.customer.call('file:complete', { ...ref(s, t!), sha256: HASH_A });
    expect(await s.agent.call('file:complete', { ...ref(s, t!), sha256: HASH_B })).toMatchObject({ state: 'failed', reason: 'HASH_MISMATCH', sha256: null });
    expect(await s.customer.request('file:progress', { ...ref(s, t!), verifiedChunks: 1 })).toMatchObject({ ok: false, error: { code: 'TRANSFER_STATE' } });
  });

  it('deny: transfers are denied and nothing moves (no accept, progress, signal or relay)', async () => {
    const s = await session();
    const [t] = await offerToCustomer(s, [file('x.txt')], 'deny');
    expect(t).toMatchObject({ state: 'denied', reason: 'DENIED' });
    expect(await s.customer.request('file:accept', ref(s, t!))).toMatchObject({ ok: false, error: { code: 'TRANSFER_STATE' } });
    expect(await s.customer.request('file:progress', { ...ref(s, t!), verifiedChunks: 1 })).toMatchObject({ ok: false, error: { code: 'TRANSFER_STATE' } });
    expect(await s.agent.request('file:relay-transport', { sessionId: s.sessionId, direction: 'send' })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    expect(await s.agent.request('file:relay-produce', { sessionId: s.sessionId, peerId: s.customerId, sctpStreamParameters: SCTP_STREAM, label: 'f', protocol: '' })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    expect(await relayCounts(s.sessionId)).toBeUndefined();
    expect((await record(s)).audit.map((a) => a.action)).toContain('file:denied');
  });

  it('a revoked grant stops what it allowed: running transfers are cancelled REVOKED, waiting ones denied', async () => {
    const s = await session();
    const [running] = await offerToCustomer(s, [file('a.bin', 5 * MiB)]);
    await s.customer.call('file:accept', ref(s, running!));
    await s.customer.call('file:progress', { ...ref(s, running!), verifiedChunks: 1 });
    const [waiting] = await offerToCustomer(s, [file('b.bin')], 'none');
    await s.customer.call('consent:revoke', { sessionId: s.sessionId });
    expect(await transferState(s.agent, running!.transferId, ['cancelled'])).toMatchObject({ reason: 'REVOKED' });
    expect(await transferState(s.agent, waiting!.transferId, ['denied'])).toMatchObject({ reason: 'REVOKED' });
    expect(await s.agent.request('file:signal', { sessionId: s.sessionId, peerId: s.customerId, data: {} })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
  });

  it('refuses an over-limit file with FILE_TOO_LARGE and too many files with TOO_MANY_FILES; nothing is created', async () => {
    const s = await session();
    const big = await s.agent.request('file:offer', { sessionId: s.sessionId, receiverId: s.customerId, files: [file('ok.bin'), file('big.iso', 150_000_000 + 1)], target: DOWNLOAD });
    expect(big).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
    const many = Array.from({ length: 1001 }, (_, i) => file(`f${i}`));
    expect(await s.customer.request('file:offer', { sessionId: s.sessionId, receiverId: s.agentId, files: many, target: DOWNLOAD })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_FILES' } });
    expect((await s.agent.call('file:list', { sessionId: s.sessionId })).transfers).toEqual([]);
    expect(s.customer.received('consent:prompt')).toEqual([]);
    const list = await s.customer.call('file:list', { sessionId: s.sessionId });
    expect(list).toEqual({ transfers: [], forceRelay: false, maxBytes: 150_000_000 });
  });

  it.each([
    ['..', []],
    ['.', []],
    ['a/b.txt', []],
    ['a\\b.txt', []],
    ['bell\u0007.txt', []],
    ['nul\u0000', []],
    ['CON', []],
    ['lpt1.log', []],
    ['what?.txt', []],
    ['trailing.', []],
    ['ok.txt', ['..']],
    ['ok.txt', ['docs', 'a/b']],
    ['ok.txt', ['AUX']],
  ])('refuses the name %j under %j with INVALID_FILE_NAME', async (name, path) => {
    const s = await session();
    const offered = await s.agent.request('file:offer', { sessionId: s.sessionId, receiverId: s.customerId, files: [file(name, 10, path)], target: DOWNLOAD });
    expect(offered).toMatchObject({ ok: false, error: { code: 'INVALID_FILE_NAME' } });
    const fromCustomer = await s.customer.request('file:offer', { sessionId: s.sessionId, receiverId: s.agentId, files: [file(name, 10, path)], target: DOWNLOAD });
    expect(fromCustomer).toMatchObject({ ok: false, error: { code: 'INVALID_FILE_NAME' } });
    expect((await s.agent.call('file:list', { sessionId: s.sessionId })).transfers).toEqual([]);
  });

  it('a participant outside the transfer cannot see, signal, relay or act on it; customers see only their own', async () => {
    const s = await startSessionWithTwoCustomers(server.url, TEST_ADMIN);
    closables.push(s.agent, s.a, s.b);
    const agentId = s.agentSnapshot.self.id;
    const { transfers } = await s.agent.call('file:offer', { sessionId: s.sessionId, receiverId: s.aId, files: [file('for-ada.txt')], target: DOWNLOAD });
    const prompt = await s.a.waitForEvent('consent:prompt', (p) => p.activity === 'file-transfer');
    await s.a.call('consent:answer', { sessionId: s.sessionId, requestId: prompt.id, granted: true });
    const t = transfers[0]!;
    await s.a.call('file:accept', { sessionId: s.sessionId, transferId: t.transferId });
    expect((await s.b.call('file:list', { sessionId: s.sessionId })).transfers).toEqual([]);
    expect((await s.a.call('file:list', { sessionId: s.sessionId })).transfers.map((x) => x.transferId)).toEqual([t.transferId]);
    for (const name of ['file:accept', 'file:cancel', 'file:decline'] as const) {
      expect(await s.b.request(name, { sessionId: s.sessionId, transferId: t.transferId })).toMatchObject({ ok: false, error: { code: 'TRANSFER_NOT_FOUND' } });
    }
    expect(await s.b.request('file:progress', { sessionId: s.sessionId, transferId: t.transferId, verifiedChunks: 1 })).toMatchObject({ ok: false, error: { code: 'TRANSFER_NOT_FOUND' } });
    expect(await s.b.request('file:signal', { sessionId: s.sessionId, peerId: agentId, data: {} })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    expect(await s.b.request('file:signal', { sessionId: s.sessionId, peerId: s.aId, data: {} })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    expect(await s.b.request('file:relay-transport', { sessionId: s.sessionId, direction: 'send' })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    expect(await s.b.request('file:relay-consume', { sessionId: s.sessionId, fromId: agentId })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    // Customer to customer is never a transfer.
    expect(await s.b.request('file:offer', { sessionId: s.sessionId, receiverId: s.aId, files: [file('x')], target: DOWNLOAD })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The receiver cannot send back on the sender's channel.
    expect(await s.a.request('file:relay-transport', { sessionId: s.sessionId, direction: 'send' })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    await s.a.call('file:relay-transport', { sessionId: s.sessionId, direction: 'recv' });
    expect(await s.a.request('file:relay-produce', { sessionId: s.sessionId, peerId: agentId, sctpStreamParameters: SCTP_STREAM, label: 'f', protocol: '' })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    expect(s.b.received('file:transfer')).toEqual([]);
    expect(s.b.received('file:signal')).toEqual([]);
  });

  it('relay: data producer and consumer only between the parties, closed with the last live transfer', async () => {
    const s = await session();
    const [t] = await offerToCustomer(s, [file('relay.bin', 5 * MiB)]);
    await s.customer.call('file:accept', ref(s, t!));
    const sender = await s.agent.call('file:relay-transport', { sessionId: s.sessionId, direction: 'send' });
    expect(sender.sctpParameters).toMatchObject({ MIS: expect.any(Number), maxMessageSize: 262_144 + 1024 });
    const receiver = await s.customer.call('file:relay-transport', { sessionId: s.sessionId, direction: 'recv' });
    expect(receiver.id).not.toBe(sender.id);
    // Nothing to consume before the sender produces.
    expect(await s.customer.request('file:relay-consume', { sessionId: s.sessionId, fromId: s.agentId })).toMatchObject({ ok: false, error: { code: 'MEDIA_NOT_FOUND' } });
    const { dataProducerId } = await s.agent.call('file:relay-produce', { sessionId: s.sessionId, peerId: s.customerId, sctpStreamParameters: SCTP_STREAM, label: 'files', protocol: 'rs-file/1' });
    expect(await s.customer.waitForEvent('file:relay-ready')).toEqual({ sessionId: s.sessionId, fromId: s.agentId });
    const consumed = await s.customer.call('file:relay-consume', { sessionId: s.sessionId, fromId: s.agentId });
    expect(consumed).toMatchObject({ dataProducerId, label: 'files', protocol: 'rs-file/1' });
    expect(await relayCounts(s.sessionId)).toEqual({ transports: 2, dataProducers: 1, dataConsumers: 1 });
    await s.customer.call('file:cancel', ref(s, t!));
    await waitFor('the relay to close', async () => {
      const counts = await relayCounts(s.sessionId);
      return counts?.transports === 0 && counts.dataProducers === 0 && counts.dataConsumers === 0;
    });
  });

  it('relay both ways at once: one send and one recv transport per participant, a producer and a consumer per direction, both verified', async () => {
    const s = await session();
    const [down] = await offerToCustomer(s, [file('down.bin', 5 * MiB)]);
    await s.customer.call('file:accept', ref(s, down!));
    const { transfers: [up] } = await s.customer.call('file:offer', { sessionId: s.sessionId, receiverId: s.agentId, files: [file('up.bin', 3 * MiB)], target: DOWNLOAD });
    await s.agent.call('file:accept', ref(s, up!));
    const transport = (client: TestClient, direction: 'send' | 'recv') => client.call('file:relay-transport', { sessionId: s.sessionId, direction });
    const [agentSend, agentRecv, customerSend, customerRecv] = await Promise.all([transport(s.agent, 'send'), transport(s.agent, 'recv'), transport(s.customer, 'send'), transport(s.customer, 'recv')]);
    expect(new Set([agentSend.id, agentRecv.id, customerSend.id, customerRecv.id]).size).toBe(4);
    expect(await relayCounts(s.sessionId)).toEqual({ transports: 4, dataProducers: 0, dataConsumers: 0 });
    const produce = (client: TestClient, peerId: string) => client.call('file:relay-produce', { sessionId: s.sessionId, peerId, sctpStreamParameters: SCTP_STREAM, label: 'files', protocol: 'rs-file/1' });
    const fromAgent = await produce(s.agent, s.customerId);
    const fromCustomer = await produce(s.customer, s.agentId);
    // Each side consumes the other's producer on its recv transport, while its own producer keeps sending on its send transport.
    expect(await s.customer.call('file:relay-consume', { sessionId: s.sessionId, fromId: s.agentId })).toMatchObject({ dataProducerId: fromAgent.dataProducerId });
    expect(await s.agent.call('file:relay-consume', { sessionId: s.sessionId, fromId: s.customerId })).toMatchObject({ dataProducerId: fromCustomer.dataProducerId });
    expect(await relayCounts(s.sessionId)).toEqual({ transports: 4, dataProducers: 2, dataConsumers: 2 });
    // Both transfers finish with equal hashes on both sides; the pair's relay closes with the last one.
    for (const [t, sender, receiver] of [[down!, s.agent, s.customer], [up!, s.customer, s.agent]] as const) {
      await receiver.call('file:progress', { ...ref(s, t), verifiedChunks: t.chunkCount });
      await sender.call('file:complete', { ...ref(s, t), sha256: HASH_A });
      expect(await receiver.call('file:complete', { ...ref(s, t), sha256: HASH_A })).toMatchObject({ state: 'verified', sha256: HASH_A });
    }
    await waitFor('the relay to close', async () => {
      const counts = await relayCounts(s.sessionId);
      return counts?.transports === 0 && counts.dataProducers === 0 && counts.dataConsumers === 0;
    });
  });

  it('relay transports by role: only a sender of a live transfer gets a send transport, only a receiver a recv one', async () => {
    const s = await session();
    const [t] = await offerToCustomer(s, [file('one-way.bin', 2 * MiB)]);
    await s.customer.call('file:accept', ref(s, t!));
    expect(await s.agent.request('file:relay-transport', { sessionId: s.sessionId, direction: 'recv' })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    expect(await s.customer.request('file:relay-transport', { sessionId: s.sessionId, direction: 'send' })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    expect(await s.agent.request('file:relay-transport', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    await s.agent.call('file:relay-transport', { sessionId: s.sessionId, direction: 'send' });
    // A send transport cannot consume, a missing recv transport says so.
    expect(await s.agent.request('file:relay-consume', { sessionId: s.sessionId, fromId: s.customerId })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
    expect(await s.customer.request('file:relay-produce', { sessionId: s.sessionId, peerId: s.agentId, sctpStreamParameters: SCTP_STREAM, label: 'f', protocol: '' })).toMatchObject({ ok: false, error: { code: 'NO_TRANSFER' } });
  });

  it('pauses a running transfer when a party disconnects; progress after the return resumes it from the stored point', async () => {
    const s = await session();
    const [t] = await offerToCustomer(s, [file('big.bin', 10 * MiB)]);
    await s.customer.call('file:accept', ref(s, t!));
    await s.customer.call('file:progress', { ...ref(s, t!), verifiedChunks: 7 });
    s.customer.close();
    const paused = await transferState(s.agent, t!.transferId, ['paused']);
    expect(paused.verifiedChunks).toBe(7);
    const back = await TestClient.connect(server.url, s.joined.token);
    closables.push(back);
    await back.call('session:join', { sessionId: s.sessionId });
    const [listed] = (await back.call('file:list', { sessionId: s.sessionId })).transfers;
    expect(listed).toMatchObject({ state: 'paused', verifiedChunks: 7 });
    expect(await back.call('file:progress', { ...ref(s, t!), verifiedChunks: 8 })).toMatchObject({ state: 'running', verifiedChunks: 8 });
  });

  it('customer -> agent needs no consent prompt; grant-all skips it for agent -> customer; the session end cancels what is unfinished', async () => {
    const s = await session();
    const { transfers: [up] } = await s.customer.call('file:offer', { sessionId: s.sessionId, receiverId: s.agentId, files: [file('log.txt')], target: DOWNLOAD });
    expect(up).toMatchObject({ state: 'offered', senderId: s.customerId });
    await s.agent.call('file:accept', ref(s, up!));
    // The customer grants everything once: the next offers are not asked.
    const { transfers: [view] } = await s.agent.call('file:offer', { sessionId: s.sessionId, receiverId: s.customerId, files: [file('first.txt')], target: DOWNLOAD });
    const prompt = await s.customer.waitForEvent('consent:prompt', (p) => p.activity === 'file-transfer');
    await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: prompt.id, granted: true, grantAll: true });
    await transferState(s.customer, view!.transferId, ['offered']);
    const { transfers: [auto] } = await s.agent.call('file:offer', { sessionId: s.sessionId, receiverId: s.customerId, files: [file('second.txt')], target: DOWNLOAD });
    expect(auto).toMatchObject({ state: 'offered' });
    expect(s.customer.received('consent:prompt')).toHaveLength(1);
    await s.agent.call('session:end', { sessionId: s.sessionId });
    const rec = await waitFor('transfers cancelled', async () => {
      const r = await record(s);
      return r.files.every((f) => f.state === 'cancelled') ? r : undefined;
    });
    expect(rec.files.map((f) => f.reason)).toEqual(['SESSION_ENDED', 'SESSION_ENDED', 'SESSION_ENDED']);
  });

  describe('folder mode', () => {
    /** The customer's app: grants a folder and answers operations with `answer`. */
    async function grantFolder(s: Session, answer: (request: FsRequestEvent) => FsAnswer) {
      s.customer.socket.on('files:fs-request', (request: FsRequestEvent, ack: (a: FsAnswer) => void) => ack(answer(request)));
      expect(await s.agent.call('files:folder-request', { sessionId: s.sessionId, customerId: s.customerId })).toMatchObject({ state: 'asked' });
      await s.customer.waitForEvent('files:folder-requested');
      await s.customer.call('files:folder-answer', { sessionId: s.sessionId, granted: true, rootName: 'Shared' });
      await s.agent.waitForEvent('files:folder', (e) => e.state === 'granted' && e.rootName === 'Shared');
    }

    it('relays operations to the customer app, drops unsafe names it lists, and audits every one', async () => {
      const s = await session();
      const seen: FsRequestEvent[] = [];
      await grantFolder(s, (request) => {
        seen.push(request);
        if (request.op.kind === 'list') {
          return { ok: true, entries: [{ name: 'a.txt', kind: 'file', size: 3, lastModified: 1 }, { name: '..', kind: 'directory', size: null, lastModified: null }, { name: 'sub', kind: 'directory', size: null, lastModified: null }] };
        }
        return request.op.kind === 'delete' ? { ok: false, code: 'DENIED' } : { ok: true };
      });
      // An agent page that reloads learns the folder is shared.
      const reloaded = await TestClient.connect(server.url, s.signedIn.token);
      closables.push(reloaded);
      await reloaded.call('session:join', { sessionId: s.sessionId });
      expect(await reloaded.waitForEvent('files:folder')).toEqual({ sessionId: s.sessionId, customerId: s.customerId, state: 'granted', rootName: 'Shared' });
      const listed = await s.agent.call('files:fs', { sessionId: s.sessionId, customerId: s.customerId, op: { kind: 'list', path: [] } });
      expect(listed).toEqual({ ok: true, skipped: 1, entries: [expect.objectContaining({ name: 'a.txt' }), expect.objectContaining({ name: 'sub', kind: 'directory' })] });
      expect(await s.agent.call('files:fs', { sessionId: s.sessionId, customerId: s.customerId, op: { kind: 'mkdir', path: ['sub'], name: 'new' } })).toEqual({ ok: true, skipped: 0 });
      expect(await s.agent.call('files:fs', { sessionId: s.sessionId, customerId: s.customerId, op: { kind: 'delete', path: [], name: 'a.txt' } })).toEqual({ ok: false, code: 'DENIED' });
      expect(seen.map((r) => [r.op.kind, r.needsConsent, r.fromId])).toEqual([['list', true, s.agentId], ['mkdir', true, s.agentId], ['delete', true, s.agentId]]);
      const audit = (await record(s)).audit.filter((a) => a.action.startsWith('files:'));
      expect(audit.map((a) => [a.action, a.subject])).toEqual([
        ['files:folder-requested', s.customerId], ['files:folder-answered', 'granted Shared'],
        ['files:list', '/: ok (1 unsafe names skipped)'], ['files:mkdir', '/sub/new: ok'], ['files:delete', '/a.txt: DENIED'],
      ]);
      // A transfer into the granted folder is accepted as soon as the customer consents.
      const [into] = await offerToCustomer(s, [file('fix.reg', 10)], 'grant', { kind: 'granted-folder', path: ['sub'] });
      expect(into).toMatchObject({ state: 'accepted', target: { kind: 'granted-folder', path: ['sub'] } });
    });

    it.each([
      [{ kind: 'mkdir', path: [], name: '..' }],
      [{ kind: 'mkdir', path: ['..'], name: 'x' }],
      [{ kind: 'rename', path: [], from: 'a.txt', to: 'b/c.txt' }],
      [{ kind: 'rename', path: [], from: 'a\\b', to: 'c.txt' }],
      [{ kind: 'delete', path: [], name: 'PRN.txt' }],
      [{ kind: 'fetch', path: ['ok', 'tab\there'], name: 'x' }],
      [{ kind: 'list', path: ['a:b'] }],
    ])('refuses the folder operation %j with INVALID_FILE_NAME before it reaches the customer', async (op) => {
      const s = await session();
      const seen: FsRequestEvent[] = [];
      await grantFolder(s, (request) => (seen.push(request), { ok: true }));
      expect(await s.agent.request('files:fs', { sessionId: s.sessionId, customerId: s.customerId, op })).toMatchObject({ ok: false, error: { code: 'INVALID_FILE_NAME' } });
      expect(await s.agent.request('file:offer', { sessionId: s.sessionId, receiverId: s.customerId, files: [file('ok')], target: { kind: 'granted-folder', path: ['..'] } })).toMatchObject({ ok: false, error: { code: 'INVALID_FILE_NAME' } });
      expect(seen).toEqual([]);
    });

    it('refuses operations and folder targets without a granted folder; a disconnect forgets the grant', async () => {
      const s = await session();
      expect(await s.agent.request('files:fs', { sessionId: s.sessionId, customerId: s.customerId, op: { kind: 'list', path: [] } })).toMatchObject({ ok: false, error: { code: 'FOLDER_NOT_GRANTED' } });
      expect(await s.agent.request('file:offer', { sessionId: s.sessionId, receiverId: s.customerId, files: [file('x')], target: { kind: 'granted-folder', path: [] } })).toMatchObject({ ok: false, error: { code: 'FOLDER_NOT_GRANTED' } });
      await grantFolder(s, () => ({ ok: true, entries: [] }));
      s.customer.close();
      await s.agent.waitForEvent('files:folder', (e) => e.state === 'none');
      expect(await s.agent.request('files:fs', { sessionId: s.sessionId, customerId: s.customerId, op: { kind: 'list', path: [] } })).toMatchObject({ ok: false, error: { code: 'FOLDER_NOT_GRANTED' } });
    });

    it('answers FS_TIMEOUT when the customer app does not answer in time, and audits it', async () => {
      const s = await session();
      await grantFolder(s, () => ({ ok: true }));
      s.customer.socket.off('files:fs-request');
      // A page that never acknowledges (hung, or asking its person who walked away).
      s.customer.socket.on('files:fs-request', () => undefined);
      expect(await s.agent.request('files:fs', { sessionId: s.sessionId, customerId: s.customerId, op: { kind: 'delete', path: [], name: 'a.txt' } })).toMatchObject({ ok: false, error: { code: 'FS_TIMEOUT' } });
      expect((await record(s)).audit.filter((a) => a.action === 'files:delete').map((a) => a.subject)).toEqual(['/a.txt: FS_TIMEOUT']);
    });

    it('says when the customer browser has no folder access (basic mode)', async () => {
      const s = await session();
      await s.agent.call('files:folder-request', { sessionId: s.sessionId, customerId: s.customerId });
      expect(await s.customer.call('files:folder-answer', { sessionId: s.sessionId, granted: false, unsupported: true })).toMatchObject({ state: 'unsupported', rootName: null });
      await s.agent.waitForEvent('files:folder', (e) => e.state === 'unsupported');
    });
  });
});

describe('file transfer with a forced relay and a 5 GiB limit', () => {
  let server: TestServer;
  let agentAccount: Credentials;
  beforeAll(async () => {
    server = await startTestServer({ fileTransferForceRelay: true, fileTransferMaxBytes: 5 * 1024 * MiB });
    agentAccount = await newAgent(server.url, TEST_ADMIN, 5, 'Ann Agent');
  });
  afterAll(() => server?.close());

  it('accepts a 4 GiB file, refuses peer-to-peer signals with P2P_DISABLED, and says so in file:list', async () => {
    const s = await startSessionWithCustomer(server.url, agentAccount);
    try {
      const customerId = s.joined.participantId;
      const { transfers: [t] } = await s.customer.call('file:offer', { sessionId: s.sessionId, receiverId: s.agentSnapshot.self.id, files: [file('disk.img', 4 * 1024 * MiB)], target: DOWNLOAD });
      expect(t).toMatchObject({ state: 'offered', chunkCount: 16_384 });
      expect(await s.customer.request('file:signal', { sessionId: s.sessionId, peerId: s.agentSnapshot.self.id, data: {} })).toMatchObject({ ok: false, error: { code: 'P2P_DISABLED' } });
      expect(await s.agent.call('file:list', { sessionId: s.sessionId })).toMatchObject({ forceRelay: true, maxBytes: 5 * 1024 * MiB });
      expect(customerId).toBe(t!.senderId);
    } finally {
      s.agent.close();
      s.customer.close();
    }
  });
});
