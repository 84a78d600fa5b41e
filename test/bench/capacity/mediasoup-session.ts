import type { TransportOptions } from '@rs/signaling';
import { screenLayers } from './clip';
import type { GeneratorClient } from './generator-client';
import type { TrackSpec } from './generator-protocol';
import { answerForMediasoup, dtlsFingerprintOf, generatorRtpCapabilities, producerRtpParameters } from './mediasoup-sdp';
import { agentSendTracks, customerSendTracks, peerName } from './session-unit';

export type Party = 'agent' | 'customer';

/** The media requests a mediasoup-based target answers (our server over socket.io, or the bare script over IPC). */
export interface MediasoupSignal {
  rtpCapabilities(party: Party): Promise<Record<string, unknown>>;
  createTransport(party: Party, direction: 'send' | 'recv'): Promise<TransportOptions>;
  connectTransport(party: Party, transportId: string, dtlsParameters: Record<string, unknown>): Promise<void>;
  produce(party: Party, transportId: string, kind: 'audio' | 'video', source: 'screen' | 'mic', rtpParameters: Record<string, unknown>): Promise<string>;
  consume(party: Party, transportId: string, producerId: string, rtpCapabilities: Record<string, unknown>): Promise<{ consumerId: string; rtpParameters: Record<string, unknown> }>;
  resumeConsumer(party: Party, consumerId: string): Promise<void>;
}

interface ConsumedTrack {
  kind: 'audio' | 'video';
  ssrc: number;
  payloadType: number;
  consumerId: string;
}

/** Publishes a party's tracks on a new send transport; returns producer ids by source. */
async function publish(signal: MediasoupSignal, generator: GeneratorClient, party: Party, peer: string, session: number, tracks: TrackSpec[], probe: boolean) {
  const transport = await signal.createTransport(party, 'send');
  const { sdp } = await generator.offer({ peer, session, tracks, probe });
  await signal.connectTransport(party, transport.id, { role: 'client', fingerprints: [dtlsFingerprintOf(sdp)] });
  await generator.setAnswer(peer, answerForMediasoup(transport, tracks));
  const producers: Record<string, string> = {};
  for (const track of tracks) {
    const bitrates = track.kind === 'video' ? screenLayers().map((l) => l.bitrate) : [];
    producers[track.stream!] = await signal.produce(party, transport.id, track.kind, track.stream!, producerRtpParameters(track, bitrates));
  }
  return producers;
}

/** Receives the given producers on a new recv transport and resumes them (as a page does once its side is ready). */
async function receive(signal: MediasoupSignal, generator: GeneratorClient, party: Party, peer: string, session: number, producerIds: string[], probe: boolean) {
  const transport = await signal.createTransport(party, 'recv');
  const caps = generatorRtpCapabilities(await signal.rtpCapabilities(party));
  const consumed: ConsumedTrack[] = [];
  for (const producerId of producerIds) {
    const { consumerId, rtpParameters } = await signal.consume(party, transport.id, producerId, caps);
    const codec = (rtpParameters.codecs as { mimeType: string; payloadType: number }[])[0]!;
    const ssrc = (rtpParameters.encodings as { ssrc: number }[])[0]!.ssrc;
    consumed.push({ kind: codec.mimeType.startsWith('video') ? 'video' : 'audio', ssrc, payloadType: codec.payloadType, consumerId });
  }
  const tracks: TrackSpec[] = consumed.map((c, index) => ({ mid: String(index), kind: c.kind, direction: 'recv', payloadType: c.payloadType, ssrcs: [c.ssrc] }));
  const { sdp } = await generator.offer({ peer, session, tracks, probe });
  await signal.connectTransport(party, transport.id, { role: 'client', fingerprints: [dtlsFingerprintOf(sdp)] });
  await generator.setAnswer(peer, answerForMediasoup(transport, tracks, new Map(consumed.map((c, index) => [String(index), c]))));
  for (const c of consumed) await signal.resumeConsumer(party, c.consumerId);
}

/** The session unit's media through a mediasoup-based target (signaling already done by the caller). */
export async function runMediasoupSession(signal: MediasoupSignal, generator: GeneratorClient, target: string, session: number, probe: boolean): Promise<void> {
  const customer = await publish(signal, generator, 'customer', peerName(target, session, 'customer-send'), session, customerSendTracks(session), probe);
  const agent = await publish(signal, generator, 'agent', peerName(target, session, 'agent-send'), session, agentSendTracks(session), false);
  await receive(signal, generator, 'agent', peerName(target, session, 'agent-recv'), session, [customer.screen!, customer.mic!], probe);
  await receive(signal, generator, 'customer', peerName(target, session, 'customer-recv'), session, [agent.mic!], false);
}
