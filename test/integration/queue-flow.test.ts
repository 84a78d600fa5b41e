import { ROUTES } from '@rs/signaling';
import type { HelpQueuesResponse, SessionRecordResponse } from '@rs/signaling';
import { QueueWorld, callJson, useQueueWorld } from '../support/queue-world';
import { startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { login, newSupervisor, unwrap } from '../support/signaling-client';

const FIELDS = [
  { id: 'order', label: { en: 'Order number', fr: 'Numéro de commande' }, kind: 'text' as const, required: true, maxLength: 12 },
  { id: 'product', label: { en: 'Product' }, kind: 'select' as const, required: false, options: [{ value: 'printer', label: { en: 'Printer' } }] },
];

/** A customer fills the form, waits, and an agent takes them into a session: on both stores. */
describe.each(['memory', 'redis'] as const)('inbound queue flow (%s store)', (kind) => {
  const env = useQueueWorld(kind);

  it('refuses an invalid form with the fields named, and queues nobody', async () => {
    const queue = await env.world.createQueue({ formFields: FIELDS });
    const refusals = [
      await env.world.request(queue.id, { form: { name: 'Casey', fields: { product: 'fax' } } }),
      await env.world.request(queue.id, { form: { name: 'Casey', fields: { order: '1234567890123' } } }),
      await env.world.request(queue.id, { form: { name: 'Casey', fields: { order: '42', extra: 'x' } } }),
      await env.world.request(queue.id, { form: { name: '   ', fields: { order: '42' } } }),
      await env.world.request(queue.id, { form: { name: 'Casey', email: 'not-an-address', fields: { order: '42' } } }),
      await env.world.request(queue.id, { form: { name: 'Casey', problem: 'x'.repeat(1001), fields: { order: '42' } } }),
    ];
    expect(refusals.map((r) => [r.status, !r.body.ok && r.body.error.code])).toEqual(refusals.map(() => [400, 'FORM_INVALID']));
    expect(refusals.map((r) => !r.body.ok && Object.keys(r.body.error.fields ?? {}))).toEqual([
      ['order', 'product'], ['order'], ['extra'], ['name'], ['email'], ['problem'],
    ]);
    const unknown = await env.world.request('6f1c3c1e-9b7e-4a53-9f3c-1b1c1b1c1b1c');
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'QUEUE_NOT_FOUND' } });
    expect(await env.world.records(queue.id)).toEqual([]);
    const agent = await env.world.agent([queue]);
    expect(await agent.client.request('queue:accept-next', {})).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } });
  });

  it('lists queues with their form fields in public, without members or routing', async () => {
    const queue = await env.world.createQueue({ formFields: FIELDS, routing: 'longest-idle' });
    const listed = unwrap(await callJson<HelpQueuesResponse>(env.server.url, 'GET', ROUTES.helpQueues)).queues.find((q) => q.id === queue.id);
    expect(listed).toEqual({ id: queue.id, name: queue.name, greeting: queue.greeting, formFields: queue.formFields });
  });

  it('shows each customer their own place; Accept next admits the first with no number, the form answers and first message in the session', async () => {
    const queue = await env.world.createQueue({ formFields: FIELDS });
    const agent = await env.world.agent([queue], 3, 'Ada Agent');
    const first = await env.world.customer(queue.id, 'First', {
      form: { name: 'First', email: 'first@example.com', problem: 'printer jams', fields: { order: 'A-1' } },
      referrer: 'https://shop.example.com/checkout', firstMessage: 'Hello, my printer jams',
    });
    const second = await env.world.customer(queue.id, 'Second', { form: { name: 'Second', fields: { order: 'B-2' } } });
    await second.page.waitForEvent('queue:status', (s) => s.entryId === second.help.entryId && s.position === 2);
    const listed = await agent.client.waitForEvent('queue:updated', (v) => v.queue.id === queue.id && v.entries.length === 2);
    expect(listed.entries.map((e) => [e.customerName, e.problem, e.referrer, e.position])).toEqual([
      ['First', 'printer jams', 'https://shop.example.com/checkout', 1], ['Second', '', '', 2],
    ]);
    expect(agent.client.received('queue:arrival').map((a) => a.entry.customerName)).toEqual(expect.arrayContaining(['First', 'Second']));

    const accepted = await agent.client.call('queue:accept-next', { queueId: queue.id });
    expect(accepted.entry.customerName).toBe('First');
    await second.page.waitForEvent('queue:status', (s) => s.position === 1);
    const admitted = await first.page.waitForEvent('queue:accepted');
    expect(admitted).toMatchObject({ entryId: first.help.entryId, agentName: 'Ada Agent', admission: { sessionId: accepted.session.id } });

    const customer = await env.world.connect(admitted.admission?.token ?? '');
    const customerView = await customer.call('session:join', { sessionId: accepted.session.id });
    const agentView = await agent.client.call('session:join', { sessionId: accepted.session.id });
    expect(customerView.self).toMatchObject({ role: 'customer', displayName: 'First' });
    expect(agentView.participants.map((p) => [p.role, p.displayName, p.connected])).toEqual([['agent', 'Ada Agent', true], ['customer', 'First', true]]);
    expect(agentView.chat.map((m) => [m.fromName, m.text])).toEqual([['First', 'Hello, my printer jams']]);
    expect(agentView.session.state).toBe('active');

    const record = unwrap(await callJson<SessionRecordResponse>(env.server.url, 'GET', ROUTES.sessionRecord(accepted.session.id), undefined, agent.token));
    expect(record.queue).toMatchObject({
      queueId: queue.id, customerName: 'First', email: 'first@example.com', fields: { order: 'A-1' }, outcome: 'accepted',
      referrer: 'https://shop.example.com/checkout', acceptedBy: agent.id, acceptedByName: 'Ada Agent', transfers: [],
    });
    expect(record.queue?.waitSeconds).toBeGreaterThanOrEqual(0);
  });

  it('never tells a waiting customer anything about another customer', async () => {
    const queue = await env.world.createQueue();
    const agent = await env.world.agent([queue]);
    const a = await env.world.customer(queue.id, 'Alice', { form: { name: 'Alice', email: 'alice@example.com', problem: 'secret', fields: {} } });
    const b = await env.world.customer(queue.id, 'Bob');
    await b.page.call('queue:first-message', { text: 'bob writes this' });
    await agent.client.call('queue:accept', { entryId: b.help.entryId });
    await a.page.waitForEvent('queue:status', (s) => s.position === 1);
    const seenByA = JSON.stringify(a.page.events);
    expect(seenByA).not.toContain(b.help.entryId);
    expect(seenByA).not.toContain('Bob');
    expect(seenByA).not.toContain('bob writes this');
    for (const event of a.page.events) expect(['queue:status']).toContain(event.name);
    expect(JSON.stringify(b.page.events)).not.toContain('alice@example.com');
    // A wait token speaks for its entry only: no session, no agent requests.
    expect(await a.page.request('queue:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await a.page.request('session:join', { sessionId: b.help.status.entryId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await a.page.request('queue:admission', {})).toMatchObject({ ok: false, error: { code: 'NOT_ACCEPTED' } });
    expect(await a.page.call('queue:status', {})).toMatchObject({ entryId: a.help.entryId, position: 1 });
  });

  it('keeps a left message in the record and tells the agents the customer is gone', async () => {
    const queue = await env.world.createQueue();
    const agent = await env.world.agent([queue]);
    const c = await env.world.customer(queue.id, 'Leaver');
    const left = await c.page.call('queue:leave-message', { text: 'Call me back tomorrow please' });
    expect(left).toMatchObject({ state: 'left-message', position: 0 });
    await agent.client.waitForEvent('queue:updated', (v) => v.queue.id === queue.id && v.entries.length === 0);
    expect((await env.world.records(queue.id)).map((r) => [r.outcome, r.leftMessage])).toEqual([['left-message', 'Call me back tomorrow please']]);
    expect(await c.page.request('queue:leave', {})).toMatchObject({ ok: false, error: { code: 'NOT_IN_QUEUE' } });
  });

  it('admins alone set up queues; members are agents; deleting a queue tells its waiting customers', async () => {
    const agent = await env.world.agent([]);
    const asAgent = await callJson(env.server.url, 'POST', ROUTES.queues, { name: { en: 'Nope' } }, agent.token);
    expect(asAgent.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const queue = await env.world.createQueue();
    const supervisor = await newSupervisor(env.server.url);
    const badMember = await callJson(env.server.url, 'PATCH', ROUTES.queue(queue.id), { members: [supervisor.id] }, await env.world.admin());
    expect(badMember.body).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const dupFields = await callJson(env.server.url, 'PATCH', ROUTES.queue(queue.id), { formFields: [FIELDS[0], FIELDS[0]] }, await env.world.admin());
    expect(dupFields.body).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    await env.world.updateQueue(queue.id, { members: [agent.id] });
    await agent.client.waitForEvent('queue:snapshot', (s) => s.queues.some((v) => v.queue.id === queue.id));
    const waiting = await env.world.customer(queue.id, 'Orphan');
    expect((await callJson(env.server.url, 'DELETE', ROUTES.queue(queue.id), undefined, await env.world.admin())).status).toBe(200);
    await waiting.page.waitForEvent('queue:status', (st) => st.state === 'cancelled');
    await agent.client.waitForEvent('queue:snapshot', (s) => !s.queues.some((v) => v.queue.id === queue.id));
  });

  it('supervisors see the live board: waiting count, longest wait, agents per state', async () => {
    const queue = await env.world.createQueue({ name: { en: 'Board' } });
    const agent = await env.world.agent([queue]);
    await agent.client.call('presence:set', { state: 'away' });
    await env.world.customer(queue.id, 'On The Board');
    const supervisor = await env.world.connect((await login(env.server.url, await newSupervisor(env.server.url))).token);
    const board = await supervisor.call('queue:board', {});
    expect(board.rows.find((r) => r.queue.id === queue.id)).toMatchObject({ waiting: 1, agents: { away: 1, available: 0 } });
    await env.world.customer(queue.id, 'Second On The Board');
    await supervisor.waitForEvent('queue:board', (b) => b.rows.some((r) => r.queue.id === queue.id && r.waiting === 2));
  });

  it('quick phrases: per language, for every queue or one', async () => {
    const [q1, q2] = [await env.world.createQueue(), await env.world.createQueue()];
    const admin = await env.world.admin();
    const add = (body: unknown) => callJson(env.server.url, 'POST', ROUTES.quickPhrases, body, admin);
    expect((await add({ language: 'fr', queueId: null, code: 'bonjour', title: 'Bonjour', text: 'Bonjour, comment puis-je vous aider ?' })).status).toBe(201);
    await add({ language: 'en', queueId: null, code: 'hello', title: 'Hello', text: 'Hello, how can I help?' });
    await add({ language: 'fr', queueId: q1.id, code: 'facture', title: 'Facture', text: 'Votre facture est en route.' });
    await add({ language: 'fr', queueId: q2.id, code: 'autre', title: 'Autre', text: 'Autre file.' });
    const taken = await add({ language: 'fr', queueId: null, code: 'bonjour', title: 'Encore', text: 'x' });
    expect(taken.body).toMatchObject({ ok: false, error: { code: 'PHRASE_CODE_TAKEN' } });
    const agent = await env.world.agent([q1]);
    const fr = await agent.client.call('quick-phrases:list', { language: 'fr', queueId: q1.id });
    expect(fr.phrases.map((p) => p.code)).toEqual(['bonjour', 'facture']);
    const en = await agent.client.call('quick-phrases:list', { language: 'en' });
    expect(en.phrases.map((p) => p.text)).toEqual(['Hello, how can I help?']);
  });
});

describe('help requests per address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ helpRequestsPerAddress: 3 });
  });
  afterAll(() => server?.close());

  it('counts every request of an address, valid or not, and says when to retry', async () => {
    const world = new QueueWorld(server.url);
    const queue = await world.createQueue();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await world.request(queue.id, i === 1 ? { form: { name: '', fields: {} } } : {}));
    expect(answers.map((a) => a.status)).toEqual([201, 400, 201, 429]);
    expect(answers[3]?.body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await world.records(queue.id)).length).toBe(2);
    world.closeClients();
  });
});
