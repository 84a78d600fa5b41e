import path from 'node:path';
import { ROUTES } from '@rs/signaling';
import type { CreateSessionResponse, CustomerJoinResponse, LoginResponse } from '@rs/signaling';
import { TEST_ADMIN } from '../../support/test-server';
import { TestClient, login, newAgent, postJson, unwrap } from '../../support/signaling-client';
import type { GeneratorClient } from './generator-client';
import { runMediasoupSession, type MediasoupSignal, type Party } from './mediasoup-session';
import { childPids, commOf } from './proc-sampler';
import { RpcChild } from './rpc';
import type { SessionTiming, Target, TargetProcess } from './target';

/**
 * Our server (ours-server.ts in its own process, Redis store), driven exactly as the
 * apps drive it: the agent signs in and starts a session, the customer joins with the
 * number, the agent asks to view the screen and the customer allows, voice starts,
 * then produce/consume over socket.io.
 */
export async function startOursTarget(workers?: number): Promise<Target> {
  const rpc = await RpcChild.start(path.join(__dirname, 'ours-server.ts'));
  let info: { url: string; serverPid: number; redisPid: number };
  try {
    info = await rpc.call('start', { workers }, 120_000);
  } catch (error) {
    await rpc.stop();
    throw error;
  }
  const { url } = info;
  const clients: TestClient[] = [];
  const processes: TargetProcess[] = [
    { label: 'ours-node', pid: info.serverPid },
    ...childPids(info.serverPid).filter((pid) => commOf(pid).startsWith('mediasoup')).map((pid, index) => ({ label: `ours-worker-${index + 1}`, pid })),
    { label: 'ours-redis', pid: info.redisPid },
  ];

  // Agents are created by the admin and signed in before their sessions start (a working day's
  // start, with its password hashing), so a join is measured against media load, not sign-ins.
  const agents = new Map<number, LoginResponse>();
  async function prepare(from: number, to: number): Promise<void> {
    for (let session = from; session < to; session++) agents.set(session, await login(url, await newAgent(url, TEST_ADMIN, 1, `Bench Agent ${session}`)));
  }

  async function openSession(session: number, generator: GeneratorClient, probe: boolean): Promise<SessionTiming> {
    const signedIn = agents.get(session);
    if (!signedIn) throw new Error(`agent of session ${session} not prepared`);
    const started = performance.now();
    const created = unwrap(await postJson<CreateSessionResponse>(url, ROUTES.sessions, {}, signedIn.token));
    const sessionId = created.session.id;
    const agent = await TestClient.connect(url, signedIn.token);
    clients.push(agent);
    await agent.call('session:join', { sessionId });

    const joinStarted = performance.now();
    const joined = unwrap(await postJson<CustomerJoinResponse>(url, ROUTES.join, { sessionNumber: created.session.number, displayName: `Customer ${session}` }));
    const customer = await TestClient.connect(url, joined.token);
    clients.push(customer);
    await customer.call('session:join', { sessionId });
    const joinMs = performance.now() - joinStarted;

    const asked = await agent.call('consent:ask', { sessionId, activity: 'view-desktop', customerId: joined.participantId });
    await customer.call('consent:answer', { sessionId, requestId: asked.id, granted: true });
    await agent.call('voice:start', { sessionId });
    await customer.call('voice:join', { sessionId });

    const of = (party: Party) => (party === 'agent' ? agent : customer);
    const signal: MediasoupSignal = {
      rtpCapabilities: async (party) => (await of(party).call('media:capabilities', { sessionId })).rtpCapabilities,
      createTransport: (party, direction) => of(party).call('media:create-transport', { sessionId, direction }),
      connectTransport: async (party, transportId, dtlsParameters) => {
        await of(party).call('media:connect-transport', { sessionId, transportId, dtlsParameters });
      },
      produce: async (party, transportId, kind, source, rtpParameters) =>
        (await of(party).call('media:produce', { sessionId, transportId, kind, source, rtpParameters, ...(source === 'screen' ? { surface: 'monitor' } : {}) })).producerId,
      consume: (party, transportId, producerId, rtpCapabilities) => of(party).call('media:consume', { sessionId, transportId, producerId, rtpCapabilities }),
      resumeConsumer: async (party, consumerId) => {
        await of(party).call('media:resume-consumer', { sessionId, consumerId });
      },
    };
    await runMediasoupSession(signal, generator, 'ours', session, probe);
    return { joinMs, setupMs: performance.now() - started };
  }

  return {
    name: 'ours',
    processes: () => processes,
    prepare,
    openSession,
    async close() {
      clients.splice(0).forEach((c) => c.close());
      await rpc.stop();
    },
  };
}
