import { randomUUID } from 'node:crypto';
import type { Queue, QuickPhrase } from '@rs/signaling';
import type { EntryRecord, PresenceRecord, QueueStore } from '../../server/src/store/queue-store';
import { HANDLING_TIMES_KEPT, waitScore } from '../../server/src/store/queue-store';

export interface QueueStoreHarness {
  store: QueueStore;
  /** A second store on the same state with its own connection (another node). */
  peer: QueueStore;
  close(): Promise<void>;
}

export const queueOf = (over: Partial<Queue> = {}): Queue => ({
  id: randomUUID(), name: { en: 'Billing' }, greeting: { en: 'Hello' }, routing: 'manual', offerTimeoutSeconds: 20,
  maxWaitSeconds: 600, maxSessionsPerAgent: null, wrapUpSeconds: 0, missedOffersBeforeAway: 3, members: [], formFields: [],
  createdAt: 1_000, updatedAt: 1_000, ...over,
});

export const entryOf = (over: Partial<EntryRecord> = {}): EntryRecord => ({
  id: randomUUID(), queueId: randomUUID(), state: 'waiting', customerName: 'Casey', email: '', problem: 'printer',
  fields: {}, referrer: '', language: 'en', firstMessage: '', requestedAt: 1_000, enqueuedAt: 1_000, connected: true,
  disconnectedAt: null, sessionId: null, participantId: null, transfers: [], offer: null, triedAgents: [], targetAgents: [],
  maxWaitReachedAt: null, keepWaiting: false, acceptedBy: null, acceptedByName: null, acceptedAt: null, leftMessage: null,
  endedAt: null, ...over,
});

const presenceOf = (over: Partial<PresenceRecord> = {}): PresenceRecord => ({
  accountId: randomUUID(), displayName: 'Ada', chosen: 'available', awayReason: null, wrapUpUntil: null, missedOffers: 0,
  idleSince: 1_000, online: true, ...over,
});

/** One waiting entry in `queueId` at enqueue time `at`. */
async function waiting(store: QueueStore, queueId: string, at: number, over: Partial<EntryRecord> = {}): Promise<EntryRecord> {
  const entry = entryOf({ queueId, enqueuedAt: at, requestedAt: at, ...over });
  await store.createEntry(entry, waitScore(at, false));
  return entry;
}

/** The QueueStore contract, run against the memory and the Redis store by store-contract.test.ts. */
export function describeQueueStoreContract(name: string, makeHarness: () => Promise<QueueStoreHarness>): void {
  describe(`QueueStore contract: ${name}`, () => {
    let harness: QueueStoreHarness;
    let store: QueueStore;
    beforeEach(async () => {
      harness = await makeHarness();
      store = harness.store;
    });
    afterEach(() => harness.close());

    it('keeps queues (oldest first), updates and deletes them', async () => {
      const a = queueOf({ createdAt: 2 });
      const b = queueOf({ createdAt: 1, name: { en: 'Sales', fr: 'Ventes' } });
      await store.putQueue(a);
      await store.putQueue(b);
      expect((await store.listQueues()).map((q) => q.id)).toEqual([b.id, a.id]);
      await store.putQueue({ ...a, routing: 'longest-idle' });
      expect((await store.getQueue(a.id))?.routing).toBe('longest-idle');
      await store.deleteQueue(a.id);
      expect(await store.getQueue(a.id)).toBeNull();
      expect(await store.listQueues()).toEqual([b]);
    });

    it('keeps quick phrases', async () => {
      const phrase: QuickPhrase = { id: randomUUID(), language: 'fr', queueId: null, code: 'hi', title: 'Bonjour', text: 'Bonjour !' };
      await store.putPhrase(phrase);
      expect(await store.listPhrases()).toEqual([phrase]);
      expect(await store.deletePhrase(phrase.id)).toBe(true);
      expect(await store.deletePhrase(phrase.id)).toBe(false);
      expect(await store.listPhrases()).toEqual([]);
    });

    it('orders waiting entries by enqueue time, a transferred one first; positions are 1-based', async () => {
      const queueId = randomUUID();
      const first = await waiting(store, queueId, 1_000);
      const second = await waiting(store, queueId, 2_000);
      expect(await store.waitingIds(queueId)).toEqual([first.id, second.id]);
      expect(await store.positionOf(queueId, second.id)).toBe(2);
      const moved = entryOf({ state: 'accepted', queueId: randomUUID(), sessionId: randomUUID() });
      await store.createEntry(moved, 0);
      expect(await store.positionOf(queueId, moved.id)).toBe(0);
      const requeued = await store.requeueEntry(moved.id, queueId, waitScore(5_000, true), { state: 'waiting', enqueuedAt: 5_000 });
      expect(requeued).toMatchObject({ queueId, state: 'waiting', enqueuedAt: 5_000 });
      expect(await store.waitingIds(queueId)).toEqual([moved.id, first.id, second.id]);
      const later = entryOf({ state: 'accepted' });
      await store.createEntry(later, 0);
      await store.requeueEntry(later.id, queueId, waitScore(6_000, true), { state: 'waiting' });
      expect(await store.waitingIds(queueId)).toEqual([moved.id, later.id, first.id, second.id]);
    });

    it('keeps any text of an entry intact and patches only in the allowed states', async () => {
      const text = 'é 你好 \ud83d\ude00 "quoted" \\ lone \ud800 end';
      const entry = await waiting(store, randomUUID(), 1_000, { customerName: 'Zoë', problem: text, fields: { order: '42', note: text } });
      expect(await store.getEntry(entry.id)).toEqual(entry);
      expect(await store.patchEntry(entry.id, { firstMessage: text }, ['accepted'])).toBeNull();
      const patched = await store.patchEntry(entry.id, { firstMessage: text, connected: false, disconnectedAt: 9 }, ['waiting', 'offered']);
      expect(patched).toEqual({ ...entry, firstMessage: text, connected: false, disconnectedAt: 9 });
      expect(await store.patchEntry(randomUUID(), { connected: true })).toBeNull();
      expect(await store.getEntry(randomUUID())).toBeNull();
    });

    it('claims a waiting entry once; a claimed one is out of the queue', async () => {
      const queueId = randomUUID();
      const entry = await waiting(store, queueId, 1_000);
      const claimed = await store.claimEntry(entry.id, { state: 'accepted', acceptedBy: 'agent-1', acceptedAt: 5 });
      expect(claimed).toMatchObject({ id: entry.id, state: 'accepted', acceptedBy: 'agent-1', acceptedAt: 5 });
      expect(await store.claimEntry(entry.id, { state: 'accepted', acceptedBy: 'agent-2' })).toBeNull();
      expect((await store.getEntry(entry.id))?.acceptedBy).toBe('agent-1');
      expect(await store.waitingIds(queueId)).toEqual([]);
    });

    it('claims the next entry across queues by score; null when all are empty', async () => {
      const [q1, q2] = [randomUUID(), randomUUID()];
      const late = await waiting(store, q1, 3_000);
      const early = await waiting(store, q2, 2_000);
      expect((await store.claimNext([q1, q2], { state: 'accepted' }))?.id).toBe(early.id);
      expect((await store.claimNext([q1, q2], { state: 'accepted' }))?.id).toBe(late.id);
      expect(await store.claimNext([q1, q2], { state: 'accepted' })).toBeNull();
      expect(await store.claimNext([], { state: 'accepted' })).toBeNull();
    });

    it('keeps directed entries (a transfer to named agents) apart from every queue', async () => {
      const entry = entryOf({ state: 'accepted', sessionId: randomUUID() });
      await store.createEntry(entry, 0);
      await store.requeueEntry(entry.id, null, waitScore(1, true), { state: 'waiting', targetAgents: ['a1'] });
      expect(await store.waitingIds(null)).toEqual([entry.id]);
      expect((await store.claimEntry(entry.id, { state: 'accepted', acceptedBy: 'a1' }))?.queueId).toBeNull();
      expect(await store.waitingIds(null)).toEqual([]);
    });

    it('finds the entry of a session and lists entries newest first', async () => {
      const sessionId = randomUUID();
      const now = Date.now();
      const a = await waiting(store, randomUUID(), now - 20_000);
      const b = await waiting(store, randomUUID(), now - 10_000);
      await store.claimEntry(a.id, { state: 'accepted', sessionId });
      expect(await store.entryOfSession(sessionId)).toBe(a.id);
      expect(await store.entryOfSession(randomUUID())).toBeNull();
      expect((await store.listEntries(0, 10)).map((e) => e.id)).toEqual([b.id, a.id]);
      expect((await store.listEntries(now - 15_000, 10)).map((e) => e.id)).toEqual([b.id]);
    });

    it('keeps presence per agent', async () => {
      const p = presenceOf();
      await store.putPresence(p);
      await store.putPresence({ ...p, chosen: 'away', awayReason: 'missed-offers' });
      expect(await store.getPresence(p.accountId)).toEqual({ ...p, chosen: 'away', awayReason: 'missed-offers' });
      expect(await store.listPresence()).toHaveLength(1);
      expect(await store.getPresence(randomUUID())).toBeNull();
    });

    it(`keeps the newest ${HANDLING_TIMES_KEPT} handling times of a queue, newest first`, async () => {
      const queueId = randomUUID();
      for (let i = 1; i <= HANDLING_TIMES_KEPT + 5; i++) await store.addHandlingTime(queueId, i);
      const times = await store.handlingTimes(queueId);
      expect(times).toHaveLength(HANDLING_TIMES_KEPT);
      expect(times[0]).toBe(HANDLING_TIMES_KEPT + 5);
      expect(await store.handlingTimes(randomUUID())).toEqual([]);
    });

    it('leads a job for one caller at a time', async () => {
      const results = await Promise.all([store.tryLead('tick', 60_000), harness.peer.tryLead('tick', 60_000)]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('100 rounds of two agents (two connections) taking the same head at once: exactly one wins, no customer is lost', async () => {
      const queueId = randomUUID();
      const stores = [store, harness.peer];
      const winners = new Map<string, string>();
      for (let round = 0; round < 100; round++) {
        const head = await waiting(store, queueId, 1_000 + round * 10);
        const second = await waiting(store, queueId, 1_000 + round * 10 + 5);
        const byId = await Promise.all(stores.map((s, i) => s.claimEntry(head.id, { state: 'accepted', acceptedBy: `agent-${i}` })));
        expect(byId.filter((e) => e !== null)).toHaveLength(1);
        winners.set(head.id, byId.find((e) => e !== null)?.acceptedBy ?? '');
        // Accept next at once: the two get different customers, or one gets nothing.
        const third = await waiting(store, queueId, 1_000 + round * 10 + 7);
        const next = await Promise.all(stores.map((s, i) => s.claimNext([queueId], { state: 'accepted', acceptedBy: `agent-${i}` })));
        expect(next.every((e) => e !== null)).toBe(true);
        expect(new Set(next.map((e) => e?.id))).toEqual(new Set([second.id, third.id]));
        for (const e of next) winners.set(e?.id ?? '', e?.acceptedBy ?? '');
      }
      expect(await store.waitingIds(queueId)).toEqual([]);
      expect(winners.size).toBe(300);
      for (const [entryId, agent] of winners) expect((await store.getEntry(entryId))?.acceptedBy).toBe(agent);
    });

    it('another connection sees the same queue (state lives in the store)', async () => {
      const queue = queueOf();
      await store.putQueue(queue);
      const entry = await waiting(store, queue.id, 1_000);
      expect(await harness.peer.getQueue(queue.id)).toEqual(queue);
      expect(await harness.peer.waitingIds(queue.id)).toEqual([entry.id]);
    });
  });
}
