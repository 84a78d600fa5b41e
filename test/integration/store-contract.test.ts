import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import type { ConsentRequest } from '@rs/signaling';
import { createSessionStore } from '../../server/src/store/create-store';
import { MemorySessionStore } from '../../server/src/store/memory-session-store';
import { RedisSessionStore } from '../../server/src/store/redis-session-store';
import type { ChatDraft, ParticipantRecord, SessionRecord, SessionStore } from '../../server/src/store/session-store';
import type { TransferRecord } from '../../server/src/domain/files/transfer-record';
import { startRedisServer, type RedisServerHandle } from '../support/redis-server';
import { MemoryQueueStore } from '../../server/src/store/memory-queue-store';
import { RedisQueueStore } from '../../server/src/store/redis-queue-store';
import { createRedisKeys } from '../../server/src/store/redis-keys';
import { describeQueueStoreContract } from '../support/queue-store-contract';

interface StoreHarness {
  store: SessionStore;
  /** Moves a fake clock on; with a real clock (Redis) time passes by itself. */
  advanceClock(ms: number): void;
}

const session = (over: Partial<SessionRecord> = {}): SessionRecord => ({
  id: randomUUID(), number: '123456789', state: 'waiting', agentName: 'Ada', createdAt: 1_000,
  endedAt: null, agentId: 'agent-1', controllerId: randomUUID(), selectedCustomerId: null, endedBy: null, ...over,
});
const participant = (over: Partial<ParticipantRecord> = {}): ParticipantRecord => ({
  id: randomUUID(), role: 'customer', displayName: 'Bob', connected: true, joinedAt: 1_000,
  leftAt: null, accountId: null, grantsAll: false, ...over,
});
const draft = (sessionId: string, text = 'hello'): ChatDraft => ({
  id: randomUUID(), sessionId, from: randomUUID(), fromName: 'Ada', to: null, text, sentAt: 1_000, whisper: false,
});
const consent = (sessionId: string, over: Partial<ConsentRequest> = {}): ConsentRequest => ({
  id: randomUUID(), sessionId, activity: 'view-desktop', requestedBy: randomUUID(), customerId: randomUUID(),
  status: 'pending', requestedAt: 1_000, answeredAt: null, automatic: false, surface: null, ...over,
});

const transfer = (sessionId: string, over: Partial<TransferRecord> = {}): TransferRecord => ({
  transferId: randomUUID(), sessionId, senderId: randomUUID(), receiverId: randomUUID(), batchId: randomUUID(),
  file: { name: 'report.pdf', size: 600_000, lastModified: 1_000, path: ['docs'], fingerprint: 'c'.repeat(64) },
  target: { kind: 'download' }, chunkSize: 262_144, chunkCount: 3, state: 'offered', path: null, verifiedChunks: 0,
  sha256: null, reason: null, createdAt: 1_000, updatedAt: 1_000, customerId: randomUUID(), consentId: null, senderSha256: null, receiverSha256: null, ...over,
});

/** Retention of ended sessions in these stores (Redis counts it in real seconds). */
const RETENTION_SECONDS = 1;

/** Polls until check() holds; the error says what it was waiting for. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

function describeSessionStoreContract(name: string, makeStore: () => Promise<StoreHarness>): void {
  describe(`SessionStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: SessionStore;
    const sid = randomUUID();
    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store;
    });
    afterEach(() => store.close());

    describe('numbers', () => {
      it('reserves a number once and finds the session by it', async () => {
        expect(await store.reserveNumber('111111111', 's1', 60)).toBe(true);
        expect(await store.reserveNumber('111111111', 's2', 60)).toBe(false);
        expect(await store.findSessionIdByNumber('111111111')).toBe('s1');
        expect(await store.findSessionIdByNumber('999999999')).toBeNull();
      });
      it('forgets a number after its ttl, which frees it again', async () => {
        await store.reserveNumber('222222222', 's1', 1);
        harness.advanceClock(1_001);
        await waitFor('number to expire', async () => (await store.findSessionIdByNumber('222222222')) === null);
        expect(await store.reserveNumber('222222222', 's2', 60)).toBe(true);
      });
      it('keeps a kept number past its ttl', async () => {
        await store.reserveNumber('333333333', 'kept', 1);
        await store.reserveNumber('444444444', 'unkept', 1);
        await store.keepNumber('333333333');
        harness.advanceClock(1_001);
        await waitFor('unkept number to expire', async () => (await store.findSessionIdByNumber('444444444')) === null);
        expect(await store.findSessionIdByNumber('333333333')).toBe('kept');
      });
      it('releases a number', async () => {
        await store.reserveNumber('555555555', 's1', 60);
        await store.releaseNumber('555555555', 's1');
        expect(await store.findSessionIdByNumber('555555555')).toBeNull();
        expect(await store.reserveNumber('555555555', 's2', 60)).toBe(true);
      });
      it('a late release by another session leaves the number alone', async () => {
        await store.reserveNumber('666666666', 'owner', 60);
        await store.releaseNumber('666666666', 'someone-else');
        expect(await store.findSessionIdByNumber('666666666')).toBe('owner');
      });
    });

    describe('sessions', () => {
      it('creates and gets a session; unknown is null', async () => {
        const s = session();
        await store.createSession(s);
        expect(await store.getSession(s.id)).toEqual(s);
        expect(await store.getSession(randomUUID())).toBeNull();
      });
      it('applies patches: state, ended fields, controller, selected customer', async () => {
        const s = session();
        await store.createSession(s);
        expect(await store.updateSession(s.id, { state: 'active' })).toEqual({ ...s, state: 'active' });
        const controllerId = randomUUID();
        const selectedCustomerId = randomUUID();
        const ended = { ...s, state: 'ended', endedAt: 5_000, endedBy: 'p1', controllerId, selectedCustomerId };
        expect(await store.updateSession(s.id, { controllerId, selectedCustomerId })).toMatchObject({ controllerId, selectedCustomerId });
        expect(await store.updateSession(s.id, { state: 'ended', endedAt: 5_000, endedBy: 'p1' })).toEqual(ended);
        expect(await store.getSession(s.id)).toEqual(ended);
        expect(await store.updateSession(randomUUID(), { state: 'active' })).toBeNull();
      });
      it('keeps notes per session', async () => {
        const s = session();
        await store.createSession(s);
        expect(await store.getNotes(s.id)).toBe('');
        await store.setNotes(s.id, 'Driver reinstalled. 打印机 ✓');
        expect(await store.getNotes(s.id)).toBe('Driver reinstalled. 打印机 ✓');
      });
      it('keeps notes with any text intact, lone surrogates included', async () => {
        const s = session();
        await store.createSession(s);
        const text = 'lone \ud800 and \udfff, "quoted" \\ \u{1F600}';
        await store.setNotes(s.id, text);
        expect(await store.getNotes(s.id)).toBe(text);
        await store.setNotes(s.id, '"just quotes"');
        expect(await store.getNotes(s.id)).toBe('"just quotes"');
      });
      it('links assisting agents to sessions', async () => {
        const s = session();
        await store.createSession(s);
        await store.linkAgentSession('helper', s.id);
        await store.linkAgentSession('helper', s.id);
        expect(await store.listSessionsOfAgent('helper')).toEqual([s]);
      });
      it('lists the sessions of an agent, oldest first', async () => {
        const newer = session({ createdAt: 2_000 });
        const older = session({ createdAt: 1_000 });
        await store.createSession(newer);
        await store.createSession(older);
        await store.createSession(session({ agentId: 'agent-2' }));
        await store.updateSession(older.id, { state: 'active' });
        expect(await store.listSessionsOfAgent('agent-1')).toEqual([{ ...older, state: 'active' }, newer]);
        expect(await store.listSessionsOfAgent('nobody')).toEqual([]);
      });
    });

    describe('participants', () => {
      it('puts, gets, lists in order of joining, and overwrites', async () => {
        const late = participant({ joinedAt: 2_000 });
        const early = participant({ joinedAt: 1_000, role: 'agent', accountId: 'agent-1' });
        await store.putParticipant(sid, late);
        await store.putParticipant(sid, early);
        expect(await store.getParticipant(sid, late.id)).toEqual(late);
        expect(await store.getParticipant(sid, randomUUID())).toBeNull();
        expect(await store.listParticipants(sid)).toEqual([early, late]);
        const left = { ...late, connected: false, leftAt: 3_000 };
        await store.putParticipant(sid, left);
        expect(await store.listParticipants(sid)).toEqual([early, left]);
        expect(await store.listParticipants(randomUUID())).toEqual([]);
      });
    });

    describe('chat', () => {
      it('numbers messages 0, 1, 2 per session and lists them in order', async () => {
        const drafts = ['a', 'b', 'c'].map((text) => draft(sid, text));
        const sent = [];
        for (const d of drafts) sent.push(await store.appendChat(sid, d));
        expect(sent).toEqual(drafts.map((d, seq) => ({ ...d, seq })));
        expect(await store.listChat(sid)).toEqual(sent);
        const other = randomUUID();
        expect((await store.appendChat(other, draft(other))).seq).toBe(0);
        expect(await store.listChat(randomUUID())).toEqual([]);
      });
      it('keeps any text intact', async () => {
        const text = 'quote " backslash \\ emoji \u{1F600} lone \ud800 </script> ,"seq":9}';
        await store.appendChat(sid, draft(sid, text));
        expect((await store.listChat(sid))[0]?.text).toBe(text);
      });
      it('gives 50 concurrent messages 50 distinct consecutive seqs, listed in seq order', async () => {
        const sent = await Promise.all(Array.from({ length: 50 }, (_, i) => store.appendChat(sid, draft(sid, `m${i}`))));
        expect(sent.map((m) => m.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
        const listed = await store.listChat(sid);
        expect(listed.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i));
        for (const message of sent) expect(listed[message.seq]).toEqual(message);
      });
      it('lists only the newest messages when asked for the last N', async () => {
        const sent = [];
        for (const text of ['a', 'b', 'c', 'd']) sent.push(await store.appendChat(sid, draft(sid, text)));
        expect(await store.listChat(sid, 2)).toEqual(sent.slice(2));
        expect(await store.listChat(sid, 10)).toEqual(sent);
        expect(await store.listChat(sid, 0)).toEqual([]);
        expect(await store.listChat(randomUUID(), 3)).toEqual([]);
      });
    });

    describe('consents', () => {
      it('puts, gets and lists oldest first; unknown is null', async () => {
        const later = consent(sid, { requestedAt: 2_000 });
        const earlier = consent(sid, { requestedAt: 1_000 });
        await store.putConsent(later);
        await store.putConsent(earlier);
        expect(await store.getConsent(sid, later.id)).toEqual(later);
        expect(await store.getConsent(sid, randomUUID())).toBeNull();
        expect(await store.listConsents(sid)).toEqual([earlier, later]);
      });
      it('transitions only from the given statuses, answering once', async () => {
        const c = consent(sid);
        await store.putConsent(c);
        const granted = { ...c, status: 'granted', answeredAt: 2_000 };
        expect(await store.transitionConsent(sid, c.id, ['pending'], 'granted', 2_000)).toEqual(granted);
        expect(await store.transitionConsent(sid, c.id, ['pending'], 'denied', 3_000)).toBeNull();
        expect(await store.getConsent(sid, c.id)).toEqual(granted);
        const ended = { ...granted, status: 'ended' };
        expect(await store.transitionConsent(sid, c.id, ['granted'], 'ended', 4_000)).toEqual(ended);
        expect(await store.getConsent(sid, c.id)).toEqual(ended);
      });
      it('sets answeredAt when leaving pending; null for an unknown request or session', async () => {
        const c = consent(sid);
        await store.putConsent(c);
        const ended = await store.transitionConsent(sid, c.id, ['pending', 'granted'], 'ended', 2_500);
        expect(ended).toEqual({ ...c, status: 'ended', answeredAt: 2_500 });
        expect(await store.transitionConsent(sid, randomUUID(), ['pending'], 'granted', 1)).toBeNull();
        expect(await store.transitionConsent(randomUUID(), randomUUID(), ['pending'], 'granted', 1)).toBeNull();
      });
      it('lets exactly one of 20 concurrent transitions win', async () => {
        const c = consent(sid);
        await store.putConsent(c);
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.transitionConsent(sid, c.id, ['pending'], i % 2 ? 'denied' : 'granted', 10_000 + i),
          ),
        );
        const winners = results.filter((r) => r !== null);
        expect(winners).toHaveLength(1);
        expect(await store.getConsent(sid, c.id)).toEqual(winners[0]);
      });
    });

    describe('file transfers', () => {
      it('puts, gets, overwrites and lists in the order first put; unknown is null', async () => {
        const first = transfer(sid, { createdAt: 2_000 });
        const second = transfer(sid, { createdAt: 2_000, target: { kind: 'granted-folder', path: ['a', 'b'] } });
        const third = transfer(sid, { createdAt: 1_500 });
        for (const t of [first, second, third]) await store.putTransfer(t);
        const running = { ...first, state: 'running' as const, verifiedChunks: 2, path: 'relay' as const, receiverSha256: 'd'.repeat(64) };
        await store.putTransfer(running);
        expect(await store.getTransfer(sid, first.transferId)).toEqual(running);
        expect(await store.listTransfers(sid)).toEqual([running, second, third]);
        expect(await store.getTransfer(sid, randomUUID())).toBeNull();
        expect(await store.getTransfer(randomUUID(), first.transferId)).toBeNull();
        expect(await store.listTransfers(randomUUID())).toEqual([]);
      });
      it('keeps names and hashes intact', async () => {
        const t = transfer(sid, { file: { ...transfer(sid).file, name: 'Zoë 王 \u{1F600}.txt' }, sha256: 'e'.repeat(64), state: 'verified' });
        await store.putTransfer(t);
        expect(await store.getTransfer(sid, t.transferId)).toEqual(t);
      });
    });

    describe('audit', () => {
      it('appends and lists in order', async () => {
        const entries = (['session:created', 'participant:joined', 'consent:requested'] as const).map(
          (action, i) => ({ at: i, actor: 'p1', action, subject: `s${i}` }),
        );
        for (const entry of entries) await store.appendAudit(sid, entry);
        expect(await store.listAudit(sid)).toEqual(entries);
        expect(await store.listAudit(randomUUID())).toEqual([]);
      });
    });

    describe('helper pairing codes', () => {
      const pairing = (code: string) => ({ code, sessionId: sid, participantId: randomUUID(), grantId: randomUUID(), expiresAt: 5_000 });
      it('keeps a code once, shows it without using it, and hands it out exactly once', async () => {
        const p = pairing('123456789');
        expect(await store.putPairing(p, 60_000)).toBe(true);
        expect(await store.putPairing(pairing('123456789'), 60_000)).toBe(false);
        expect(await store.peekPairing('123456789')).toEqual(p);
        expect(await store.peekPairing('123456789')).toEqual(p);
        const takes = await Promise.all(Array.from({ length: 10 }, () => store.takePairing('123456789')));
        expect(takes.filter((t) => t !== null)).toEqual([p]);
        expect(await store.peekPairing('123456789')).toBeNull();
        expect(await store.takePairing('000000000')).toBeNull();
      });
      it('forgets a code after its ttl, and on drop', async () => {
        await store.putPairing(pairing('222333444'), 300);
        await store.putPairing(pairing('555666777'), 60_000);
        harness.advanceClock(301);
        await waitFor('code to expire', async () => (await store.peekPairing('222333444')) === null);
        expect(await store.takePairing('222333444')).toBeNull();
        await store.dropPairing('555666777');
        expect(await store.takePairing('555666777')).toBeNull();
        expect(await store.putPairing(pairing('222333444'), 60_000)).toBe(true);
      });
    });

    describe('retention of ended sessions', () => {
      it('deletes an ended session and everything kept with it once its retention is over', async () => {
        const s = session();
        const kept = session({ createdAt: 500 });
        const helper = participant({ role: 'agent', accountId: 'helper' });
        await store.createSession(s);
        await store.createSession(kept);
        await store.linkAgentSession('helper', s.id);
        await store.putParticipant(s.id, helper);
        await store.appendChat(s.id, draft(s.id));
        await store.putConsent(consent(s.id));
        const t = transfer(s.id);
        await store.putTransfer(t);
        await store.appendAudit(s.id, { at: 1, actor: helper.id, action: 'session:created', subject: s.id });
        await store.setNotes(s.id, 'notes');
        await store.updateSession(s.id, { state: 'ended', endedAt: 2_000, endedBy: helper.id });
        await store.appendAudit(s.id, { at: 2, actor: helper.id, action: 'session:ended', subject: s.id });
        await store.putTransfer({ ...t, state: 'cancelled', reason: 'SESSION_ENDED' });
        await store.putParticipant(s.id, { ...helper, connected: false, leftAt: 2_000 });
        await store.setNotes(s.id, 'notes after the end');
        expect(await store.getSession(s.id)).toMatchObject({ state: 'ended' });
        expect(await store.listAudit(s.id)).toHaveLength(2);
        harness.advanceClock(RETENTION_SECONDS * 1000 + 1);
        const leftovers = async () => [
          await store.getSession(s.id), await store.getNotes(s.id), ...(await store.listParticipants(s.id)),
          ...(await store.listChat(s.id)), ...(await store.listConsents(s.id)), ...(await store.listAudit(s.id)),
          ...(await store.listTransfers(s.id)), await store.getTransfer(s.id, t.transferId),
        ].filter((x) => x !== null && x !== '');
        await waitFor('the ended session to expire', async () => (await leftovers()).length === 0);
        expect(await store.listSessionsOfAgent('helper')).toEqual([]);
        expect(await store.listSessionsOfAgent('agent-1')).toEqual([kept]);
      });
      it('keeps sessions that have not ended', async () => {
        const s = session();
        await store.createSession(s);
        await store.appendChat(s.id, draft(s.id));
        harness.advanceClock(RETENTION_SECONDS * 1000 + 1);
        expect(await store.getSession(s.id)).toEqual(s);
        expect(await store.listChat(s.id)).toHaveLength(1);
      });
    });

    it('returns copies, and keeps copies of what it is given', async () => {
      const s = session();
      const p = participant();
      const c = consent(s.id);
      const entry = { at: 1, actor: 'p1', action: 'session:created' as const, subject: s.id };
      await store.createSession(s);
      await store.putParticipant(s.id, p);
      await store.putConsent(c);
      await store.appendAudit(s.id, entry);
      const message = await store.appendChat(s.id, draft(s.id));
      const snapshot = structuredClone({ s, p, c, entry, message });
      const sessions = [s, await store.getSession(s.id), ...(await store.listSessionsOfAgent(s.agentId))];
      for (const got of sessions) if (got) got.state = 'ended';
      const people = [p, await store.getParticipant(s.id, p.id), ...(await store.listParticipants(s.id))];
      for (const got of people) if (got) got.connected = false;
      const consents = [c, await store.getConsent(s.id, c.id), ...(await store.listConsents(s.id))];
      for (const got of consents) if (got) got.status = 'denied';
      for (const got of [entry, ...(await store.listAudit(s.id))]) got.subject = 'changed';
      for (const got of [message, ...(await store.listChat(s.id))]) got.text = 'changed';
      expect(await store.getSession(s.id)).toEqual(snapshot.s);
      expect(await store.getParticipant(s.id, p.id)).toEqual(snapshot.p);
      expect(await store.getConsent(s.id, c.id)).toEqual(snapshot.c);
      expect(await store.listAudit(s.id)).toEqual([snapshot.entry]);
      expect(await store.listChat(s.id)).toEqual([snapshot.message]);
    });

    it('closes idempotently', async () => {
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}

describeSessionStoreContract('memory', async () => {
  let now = 1_000_000;
  return { store: new MemorySessionStore({ now: () => now, retentionSeconds: RETENTION_SECONDS }), advanceClock: (ms) => void (now += ms) };
});

describeQueueStoreContract('memory', async () => {
  const store = new MemoryQueueStore();
  return { store, peer: store, close: () => store.close() };
});

describe('with a real redis-server', () => {
  let redis: RedisServerHandle;
  let prefixes = 0;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.stop());

  describeSessionStoreContract('redis', async () => {
    const store = await RedisSessionStore.connect(redis.url, { keyPrefix: `test${++prefixes}:`, retentionSeconds: RETENTION_SECONDS });
    return { store, advanceClock: () => {} };
  });

  describeQueueStoreContract('redis', async () => {
    const keys = createRedisKeys(`queue${++prefixes}:`);
    const [one, two] = await Promise.all([RedisSessionStore.connect(redis.url), RedisSessionStore.connect(redis.url)]);
    return {
      store: new RedisQueueStore(one.redisClient, keys),
      peer: new RedisQueueStore(two.redisClient, keys),
      close: async () => void (await Promise.all([one.close(), two.close()])),
    };
  });

  it('builds every key under its prefix, in the documented layout', async () => {
    const raw = createClient({ url: redis.url });
    await raw.connect();
    const store = await RedisSessionStore.connect(redis.url, { keyPrefix: 'layout:' });
    const s = session();
    await store.reserveNumber('123456789', s.id, 60);
    await store.createSession(s);
    await store.putParticipant(s.id, participant());
    await store.appendChat(s.id, draft(s.id));
    await store.putConsent(consent(s.id));
    await store.appendAudit(s.id, { at: 1, actor: 'p1', action: 'session:created', subject: s.id });
    await store.putTransfer(transfer(s.id));
    const keys = (await raw.keys('layout:*')).sort();
    const base = `layout:session:${s.id}`;
    const expected = [base, `${base}:audit`, `${base}:chat`, `${base}:consents`, `${base}:participants`, `${base}:transfer-order`, `${base}:transfers`];
    expect(keys).toEqual(['layout:agent:agent-1:sessions', 'layout:number:123456789', ...expected].sort());
    await Promise.all([store.close(), raw.close()]);
  });

  it('puts the retention TTL on every key of an ended session', async () => {
    const raw = createClient({ url: redis.url });
    await raw.connect();
    const store = await RedisSessionStore.connect(redis.url, { keyPrefix: 'ttl:', retentionSeconds: 3600 });
    const s = session();
    await store.createSession(s);
    await store.putParticipant(s.id, participant());
    await store.appendChat(s.id, draft(s.id));
    await store.putConsent(consent(s.id));
    await store.setNotes(s.id, 'n');
    await store.appendAudit(s.id, { at: 1, actor: 'p1', action: 'session:created', subject: s.id });
    await store.putTransfer(transfer(s.id));
    const keys = (await raw.keys(`ttl:session:${s.id}*`)).sort();
    expect(keys).toHaveLength(8);
    expect(await Promise.all(keys.map((k) => raw.ttl(k)))).toEqual(keys.map(() => -1));
    await store.updateSession(s.id, { state: 'ended', endedAt: 2, endedBy: 'p1' });
    await store.setNotes(s.id, 'after the end');
    const ttls = await Promise.all(keys.map((k) => raw.ttl(k)));
    for (const ttl of ttls) expect(ttl).toBeGreaterThan(3500);
    await Promise.all([store.close(), raw.close()]);
  });

  it('refuses to hand out a store it could not connect', async () => {
    await expect(RedisSessionStore.connect('redis://127.0.0.1:1')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('is what createSessionStore picks when given a URL, memory otherwise', async () => {
    const [shared, local] = await Promise.all([createSessionStore({ redisUrl: redis.url }), createSessionStore({})]);
    expect([shared.kind, local.kind]).toEqual(['redis', 'memory']);
    await Promise.all([shared.close(), local.close()]);
  });
});
