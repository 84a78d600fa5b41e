import { setTimeout as sleep } from 'node:timers/promises';
import type { GeneratorClient } from './generator-client';
import { JanusSession } from './janus-http';
import { startJanus } from './janus-server';
import { agentSendTracks, customerSendTracks, peerName } from './session-unit';
import type { SessionTiming, Target } from './target';
import { createVethNamespace, namespaceUnavailable } from '../../support/veth-namespace';

/**
 * Janus VideoRoom on the same load: one room per support session; the customer and the
 * agent each have a Janus session with a publisher handle and a subscriber handle.
 * Janus skips loopback interfaces when it gathers ICE candidates, so its media and the
 * generator's Janus peers use the host end of a veth pair the bench creates (a local
 * address: nothing leaves the machine).
 */
export async function startJanusTarget(): Promise<Target> {
  const unavailable = namespaceUnavailable();
  if (unavailable) throw new Error(`Janus needs a veth address: ${unavailable}`);
  const veth = createVethNamespace();
  let janus: Awaited<ReturnType<typeof startJanus>>;
  try {
    janus = await startJanus(veth.address);
  } catch (error) {
    veth.remove();
    throw error;
  }
  const bindAddress = veth.address;
  const sessions: JanusSession[] = [];

  async function publisher(client: JanusSession, room: number, display: string) {
    const handle = await client.attach();
    const joined = await client.async(handle, { request: 'join', ptype: 'publisher', room, display });
    return { handle, feed: joined.data.id as number };
  }

  async function publish(client: JanusSession, handle: number, generator: GeneratorClient, peer: string, session: number, tracks: ReturnType<typeof customerSendTracks>, probe: boolean) {
    const { sdp } = await generator.offer({ peer, session, tracks, simulcastGroup: true, probe, bindAddress });
    const answer = await client.async(handle, { request: 'publish' }, { type: 'offer', sdp });
    if (!answer.jsep) throw new Error('janus answered publish without SDP');
    await generator.setAnswer(peer, answer.jsep.sdp);
  }

  async function subscribe(client: JanusSession, room: number, feed: number, generator: GeneratorClient, peer: string, session: number, probe: boolean) {
    const handle = await client.attach();
    // A feed exists for subscribers once its publisher's PeerConnection is up (ICE + DTLS): bounded retries until then.
    const deadline = Date.now() + 15_000;
    let offered: Awaited<ReturnType<JanusSession['async']>>;
    for (;;) {
      try {
        offered = await client.async(handle, { request: 'join', ptype: 'subscriber', room, streams: [{ feed }] });
        break;
      } catch (error) {
        if (!/No such feed/.test(String(error)) || Date.now() > deadline) throw error;
        await sleep(50);
      }
    }
    if (!offered.jsep) throw new Error('janus offered no SDP to the subscriber');
    const { sdp } = await generator.answerOffer({ peer, session, sdp: offered.jsep.sdp, probe, bindAddress });
    await client.async(handle, { request: 'start' }, { type: 'answer', sdp });
    // The agent watches the full-size layer, as with our server (Janus otherwise forwards the first layer it gets).
    await client.async(handle, { request: 'configure', substream: 2, temporal: 0 });
  }

  async function openSession(session: number, generator: GeneratorClient, probe: boolean): Promise<SessionTiming> {
    const room = 1_000 + session;
    const started = performance.now();
    const customer = await JanusSession.create(janus.url);
    const agent = await JanusSession.create(janus.url);
    sessions.push(customer, agent);
    const admin = await agent.attach();
    await agent.sync(admin, { request: 'create', room, publishers: 4, videocodec: 'vp8', audiocodec: 'opus', bitrate: 0, fir_freq: 0, notify_joining: false });
    const joinStarted = performance.now();
    const customerPub = await publisher(customer, room, `Customer ${session}`);
    const joinMs = performance.now() - joinStarted;
    await publish(customer, customerPub.handle, generator, peerName('janus', session, 'customer-send'), session, customerSendTracks(session), probe);
    const agentPub = await publisher(agent, room, `Agent ${session}`);
    await publish(agent, agentPub.handle, generator, peerName('janus', session, 'agent-send'), session, agentSendTracks(session), false);
    await subscribe(agent, room, customerPub.feed, generator, peerName('janus', session, 'agent-recv'), session, probe);
    await subscribe(customer, room, agentPub.feed, generator, peerName('janus', session, 'customer-recv'), session, false);
    return { joinMs, setupMs: performance.now() - started };
  }

  return {
    name: 'janus',
    processes: () => [{ label: 'janus', pid: janus.pid }],
    openSession,
    async close() {
      await Promise.all(sessions.splice(0).map((s) => s.close().catch(() => undefined)));
      await janus.stop();
      veth.remove();
    },
  };
}
