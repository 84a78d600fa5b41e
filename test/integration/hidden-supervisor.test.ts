import { TestClient, admitAnotherCustomer, login, newAgent, newSupervisor, startSessionWithCustomer } from '../support/signaling-client';
import type { Credentials } from '../support/signaling-client';
import { rtpParameters } from '../support/rtp-parameters';
import { shareScreen } from '../support/share-screen';
import { TEST_ADMIN, useTestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

/**
 * SHOW_SUPERVISORS_TO_CUSTOMERS=false (the default): a watching supervisor
 * leaves no trace in anything a customer socket receives (events, acks,
 * snapshots), whatever the supervisor does in the session.
 */
describe('a hidden supervisor', () => {
  const world = useTestServer();

  const connect = async (who: Credentials) => {
    const client = await TestClient.connect(world.server.url, (await login(world.server.url, who)).token);
    world.clients.push(client);
    return client;
  };

  /** Records every ack a client receives, next to the events TestClient records (onAny). */
  const recordAcks = (client: TestClient) => {
    const acks: unknown[] = [];
    const request = client.request.bind(client);
    client.request = (async (name: Parameters<typeof request>[0], payload: unknown) => {
      const result = await request(name, payload);
      acks.push(result);
      return result;
    }) as typeof client.request;
    return acks;
  };

  async function watchedSession() {
    const supervisorAccount = await newSupervisor(world.server.url);
    const agentAccount = await newAgent(world.server.url, TEST_ADMIN, 3, 'Ann', supervisorAccount.id);
    const s = await startSessionWithCustomer(world.server.url, agentAccount);
    world.clients.push(s.agent, s.customer);
    const customerAcks = recordAcks(s.customer);
    const supervisor = await connect(supervisorAccount);
    const watched = await supervisor.call('session:watch', { sessionId: s.sessionId });
    await s.agent.waitForEvent('session:participant-joined', (e) => e.participant.id === watched.self.id);
    return { ...s, supervisor, supervisorId: watched.self.id, customerAcks };
  }

  /** The supervisor joins the call, publishes a microphone and gets the floor; returns the mic's producer id. */
  async function supervisorSpeaks(s: Awaited<ReturnType<typeof watchedSession>>): Promise<string> {
    await s.agent.call('voice:start', { sessionId: s.sessionId });
    await s.customer.call('voice:join', { sessionId: s.sessionId });
    await s.supervisor.call('voice:join', { sessionId: s.sessionId });
    const transport = await s.supervisor.call('media:create-transport', { sessionId: s.sessionId, direction: 'send' });
    const { producerId } = await s.supervisor.call('media:produce', {
      sessionId: s.sessionId, transportId: transport.id, kind: 'audio', source: 'mic', rtpParameters: rtpParameters('audio'),
    });
    await s.agent.call('voice:pass-mic', { sessionId: s.sessionId, participantId: s.supervisorId });
    await s.agent.waitForEvent('media:producer-paused', (e) => e.producerId === producerId && !e.paused);
    return producerId;
  }

  it('never reaches customers: not in events, acks or snapshots, whatever the supervisor does', async () => {
    const s = await watchedSession();
    const micId = await supervisorSpeaks(s);

    await s.supervisor.call('chat:send', { sessionId: s.sessionId, text: 'try the spooler', to: s.agentSnapshot.self.id });
    const screenId = await shareScreen(s.agent, s.customer, s.sessionId, s.joined.participantId);
    const recv = await s.supervisor.call('media:create-transport', { sessionId: s.sessionId, direction: 'recv' });
    const { rtpCapabilities } = await s.supervisor.call('media:capabilities', { sessionId: s.sessionId });
    await s.supervisor.call('media:consume', { sessionId: s.sessionId, transportId: recv.id, producerId: screenId, rtpCapabilities });

    // A customer who learnt the microphone's id anyway cannot consume it.
    const customerRecv = await s.customer.call('media:create-transport', { sessionId: s.sessionId, direction: 'recv' });
    expect(await s.customer.request('media:consume', { sessionId: s.sessionId, transportId: customerRecv.id, producerId: micId, rtpCapabilities })).toMatchObject({
      ok: false, error: { code: 'MEDIA_NOT_FOUND' },
    });

    // A customer joining now, and the first customer rejoining, see no trace either.
    const { client: lateClient, snapshot: lateSnapshot } = await admitAnotherCustomer(world.server.url, s.agent, { sessionId: s.sessionId, number: s.created.session.number }, 'Late');
    world.clients.push(lateClient);
    await lateClient.call('voice:join', { sessionId: s.sessionId });
    const rejoined = await s.customer.call('session:join', { sessionId: s.sessionId });

    await s.supervisor.call('voice:leave', { sessionId: s.sessionId });
    await s.supervisor.call('session:leave', { sessionId: s.sessionId });
    await s.agent.waitForEvent('session:participant-left', (e) => e.participant.id === s.supervisorId);
    await s.agent.waitForEvent('media:producer-closed', (e) => e.producerId === micId);
    await s.customer.call('chat:send', { sessionId: s.sessionId, text: 'last one' });
    await waitFor('the late customer to get the last message', () => lateClient.received('chat:message').some((m) => m.text === 'last one'));

    // Staff did hear about all of it (the scan below is not vacuous)...
    const staffSaw = JSON.stringify(s.agent.events);
    for (const trace of [s.supervisorId, micId]) expect(staffSaw).toContain(trace);
    // ...customers heard nothing.
    const customerSaw = JSON.stringify([s.customer.events, s.customerAcks, s.customerSnapshot, rejoined, lateClient.events, lateSnapshot]);
    for (const trace of [s.supervisorId, micId, 'spooler', 'Sam Supervisor']) expect(customerSaw).not.toContain(trace);
  });

  it('once they take over, customers learn who is in control, in the call and speaking', async () => {
    const s = await watchedSession();
    const micId = await supervisorSpeaks(s);
    await s.supervisor.call('session:take-over', { sessionId: s.sessionId });
    await s.customer.waitForEvent('session:participant-updated', (e) => e.participant.id === s.supervisorId && e.participant.role === 'agent');
    await s.customer.waitForEvent('voice:state', (v) => v.members.includes(s.supervisorId));
    await s.customer.waitForEvent('media:producer-added', (p) => p.producerId === micId);
  });
});

/**
 * Issue 12, item 4: the customer is told when another agent joins, and sees who is watching
 * when the site setting says so (SHOW_SUPERVISORS_TO_CUSTOMERS=true).
 */
describe('who is watching, when the site shows supervisors to customers', () => {
  const world = useTestServer({ showSupervisorsToCustomers: true });

  it('the customer is told of an assistant and of a watching supervisor, and sees both in their snapshot', async () => {
    const url = world.server.url;
    const supervisorAccount = await newSupervisor(url);
    const s = await startSessionWithCustomer(url, await newAgent(url, TEST_ADMIN, 3, 'Ann', supervisorAccount.id));
    const assistant = await TestClient.connect(url, (await login(url, await newAgent(url, TEST_ADMIN, 3, 'Bob Assistant'))).token);
    const supervisor = await TestClient.connect(url, (await login(url, supervisorAccount)).token);
    world.clients.push(s.agent, s.customer, assistant, supervisor);

    const assisting = await assistant.call('session:assist', { sessionNumber: s.created.session.number });
    const told = await s.customer.waitForEvent('session:participant-joined', (e) => e.participant.id === assisting.self.id);
    expect(told.participant).toMatchObject({ role: 'assistant', displayName: 'Bob Assistant' });

    const watching = await supervisor.call('session:watch', { sessionId: s.sessionId });
    const seen = await s.customer.waitForEvent('session:participant-joined', (e) => e.participant.id === watching.self.id);
    expect(seen.participant).toMatchObject({ role: 'supervisor', displayName: 'Sam Supervisor' });
    const snapshot = await s.customer.call('session:join', { sessionId: s.sessionId });
    expect(snapshot.participants.map((p) => p.role).sort()).toEqual(['agent', 'assistant', 'customer', 'supervisor']);
  });
});
