/**
 * The load generator (a child process of the capacity bench): many WebRTC peers
 * (node-datachannel / libdatachannel: real ICE, DTLS and SRTP) that replay the
 * pre-encoded clip as RTP and count what they receive. No encoding per session.
 * Run by generator-client.ts; every peer stops with the process.
 */
import { writeFileSync } from 'node:fs';
import nodeDataChannel from 'node-datachannel';
import type { Track } from 'node-datachannel';
import { opusClip, vp8Clip, type Clip } from './clip';
import { ivfFile } from './clip-files';
import type { AnswerOfferRequest, DumpResult, GeneratorStats, OfferRequest, PeerStats, StreamName, TrackSpec } from './generator-protocol';
import { ReceiveCounter } from './receive-counter';
import { payloadKey, ReplayStream } from './replay';
import { isRtcp, parseRtp } from './rtp';
import { serveRpc } from './rpc';
import { Vp8Recorder } from './vp8-recorder';

const { PeerConnection, Video, Audio } = nodeDataChannel;
type Pc = InstanceType<typeof PeerConnection>;

const TICK_MS = 5;
const GATHER_TIMEOUT_MS = 10_000;
const PROBE_MEMORY = 4_000;

interface Peer {
  name: string;
  session: number;
  pc: Pc;
  /** Held here: node-datachannel stops calling a track's callbacks once its JS object is garbage-collected. */
  tracks: Track[];
  senders: ReplayStream[];
  counters: Map<number, ReceiveCounter>;
  recorder: Vp8Recorder | null;
  probe: boolean;
}

const clips = new Map<StreamName, Clip[]>();
const peers = new Map<string, Peer>();
/** Probe session: when each screen packet left (by content), and transit times seen since the last stats call. */
const probeSent = new Map<string, number>();
let probeTransit: number[] = [];
let sendFailures = 0;
let sendErrors = 0;

function loadClips(files: { layers: string[]; mic: string }): void {
  clips.set('screen', files.layers.map(vp8Clip));
  clips.set('mic', [opusClip(files.mic)]);
}

function newPeer(name: string, session: number, probe: boolean, bindAddress = '127.0.0.1'): Peer {
  if (peers.has(name)) throw new Error(`peer ${name} exists`);
  const pc = new PeerConnection(name, { iceServers: [], bindAddress, enableIceUdpMux: false });
  const peer: Peer = { name, session, pc, tracks: [], senders: [], counters: new Map(), recorder: null, probe };
  peers.set(name, peer);
  return peer;
}

function rememberProbe(key: string, at: number): void {
  probeSent.set(key, at);
  if (probeSent.size > PROBE_MEMORY) probeSent.delete(probeSent.keys().next().value as string);
}

function attachSender(peer: Peer, track: Track, spec: TrackSpec): void {
  peer.tracks.push(track);
  const layers = clips.get(spec.stream ?? (spec.kind === 'video' ? 'screen' : 'mic'))!;
  const sink = {
    send: (packet: Buffer) => {
      if (!track.isOpen()) return false;
      let ok = false;
      try {
        ok = track.sendMessageBinary(packet);
      } catch (error) {
        if (sendErrors++ < 3) console.error(`generator: send failed: ${String(error)}`);
      }
      if (!ok) sendFailures++;
      return ok;
    },
  };
  spec.ssrcs.forEach((ssrc, index) => {
    const clip = layers[Math.min(index, layers.length - 1)]!;
    const top = index === spec.ssrcs.length - 1;
    peer.senders.push(new ReplayStream(clip, ssrc, spec.payloadType, sink, peer.probe && spec.kind === 'video' && top ? rememberProbe : undefined));
  });
}

function attachReceiver(peer: Peer, track: Track, kind: 'audio' | 'video'): void {
  peer.tracks.push(track);
  const clockRate = kind === 'video' ? 90_000 : 48_000;
  track.onMessage((packet: Buffer) => {
    if (isRtcp(packet)) return;
    const header = parseRtp(packet);
    if (!header) return;
    const now = performance.now();
    let counter = peer.counters.get(header.ssrc);
    if (!counter) peer.counters.set(header.ssrc, (counter = new ReceiveCounter(kind, clockRate)));
    counter.add(header, packet.length, now);
    if (kind !== 'video') return;
    peer.recorder?.add(header, packet);
    if (peer.probe) {
      const sentAt = probeSent.get(payloadKey(packet.subarray(header.payloadOffset)));
      if (sentAt !== undefined) probeTransit.push(now - sentAt);
    }
  });
}

function waitGathered(pc: Pc): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (pc.gatheringState() === 'complete') resolve(pc.localDescription()!.sdp);
      else if (Date.now() - started > GATHER_TIMEOUT_MS) reject(new Error('ICE gathering did not complete'));
      else setTimeout(check, 10);
    };
    check();
  });
}

/** Offers the given m-sections (the SFU side answers): used with mediasoup (whose answer the driver writes) and Janus publishers. */
async function offer(request: OfferRequest): Promise<{ sdp: string }> {
  const peer = newPeer(request.peer, request.session, request.probe ?? false, request.bindAddress);
  for (const spec of request.tracks) {
    const direction = spec.direction === 'send' ? 'SendOnly' : 'RecvOnly';
    const media = spec.kind === 'video' ? new Video(spec.mid, direction) : new Audio(spec.mid, direction);
    if (media instanceof Video) media.addVP8Codec(spec.payloadType);
    else media.addOpusCodec(spec.payloadType);
    if (spec.direction === 'send') {
      const msid = `${request.peer}-${spec.mid}`;
      spec.ssrcs.forEach((ssrc) => media.addSSRC(ssrc, `cname-${request.peer}`, msid, `${msid}-track`));
      if (request.simulcastGroup && spec.ssrcs.length > 1) media.parseSdpLine(`a=ssrc-group:SIM ${spec.ssrcs.join(' ')}`);
    }
    const track = peer.pc.addTrack(media);
    if (spec.direction === 'send') attachSender(peer, track, spec);
    else attachReceiver(peer, track, spec.kind);
  }
  peer.pc.setLocalDescription();
  return { sdp: await waitGathered(peer.pc) };
}

function setAnswer({ peer, sdp }: { peer: string; sdp: string }): void {
  peerOf(peer).pc.setRemoteDescription(sdp, 'answer');
}

/** Answers an SFU's offer (Janus subscribers): every offered m-section is received. */
async function answerOffer(request: AnswerOfferRequest): Promise<{ sdp: string }> {
  const peer = newPeer(request.peer, request.session, request.probe ?? false, request.bindAddress);
  peer.pc.onTrack((track) => attachReceiver(peer, track, track.type() === 'video' ? 'video' : 'audio'));
  peer.pc.setRemoteDescription(request.sdp, 'offer');
  return { sdp: await waitGathered(peer.pc) };
}

function peerOf(name: string): Peer {
  const peer = peers.get(name);
  if (!peer) throw new Error(`no peer ${name}`);
  return peer;
}

function statsOf(peer: Peer): PeerStats {
  const rtt = peer.pc.rtt();
  return {
    peer: peer.name,
    session: peer.session,
    state: peer.pc.state(),
    sentPackets: peer.senders.reduce((sum, s) => sum + s.sentPackets, 0),
    slippedMs: peer.senders.reduce((sum, s) => sum + s.slippedMs, 0),
    sendingStreams: peer.senders.length,
    received: [...peer.counters.values()].map((c) => c.snapshot()),
    rttMs: typeof rtt === 'number' && rtt >= 0 ? rtt : -1,
  };
}

function stats(): GeneratorStats {
  const transit = probeTransit;
  probeTransit = [];
  return { peers: [...peers.values()].map(statsOf), probeTransitMs: transit, sendFailures };
}

/** Starts recording the screen received by `peer` (frames from its next keyframe). */
function record({ peer, frames }: { peer: string; frames: number }): void {
  peerOf(peer).recorder = new Vp8Recorder(frames);
}

function dump({ peer, file }: { peer: string; file: string }): DumpResult {
  const recorder = peerOf(peer).recorder;
  if (!recorder) throw new Error(`${peer} records nothing`);
  const first = recorder.frames[0];
  // VP8 keyframe header: 14-bit width and height after the start code (RFC 6386 9.1).
  const width = first ? first.readUInt16LE(6) & 0x3fff : 0;
  const height = first ? first.readUInt16LE(8) & 0x3fff : 0;
  writeFileSync(file, ivfFile(recorder.frames, width, height));
  return { file, frames: recorder.frames.length, width, height };
}

function closePeers({ prefix }: { prefix: string }): number {
  let closed = 0;
  for (const [name, peer] of peers) {
    if (!name.startsWith(prefix)) continue;
    peer.pc.close();
    peers.delete(name);
    closed++;
  }
  return closed;
}

const ticker = setInterval(() => {
  const now = performance.now();
  for (const peer of peers.values()) for (const sender of peer.senders) sender.pump(now);
}, TICK_MS);

function shutdown(): void {
  clearInterval(ticker);
  for (const peer of peers.values()) peer.pc.close();
  peers.clear();
  nodeDataChannel.cleanup();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

serveRpc({
  loadClips,
  offer,
  setAnswer,
  answerOffer,
  stats,
  record,
  dump,
  closePeers,
});
