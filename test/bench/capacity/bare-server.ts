/**
 * Bare mediasoup (a child process of the capacity bench): routers, WebRTC transports,
 * producers and consumers only, no HTTP, socket.io or store. Same codecs, workers and
 * transport options as our server, so ours / bare is the cost of our control plane.
 */
import os from 'node:os';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { MEDIA_CODECS } from '../../../server/src/media/media-codecs';
import { serveRpc } from './rpc';

const PORTS = { min: Number(process.env.BARE_MIN_PORT ?? 46000), max: Number(process.env.BARE_MAX_PORT ?? 46899) };

const workers: types.Worker[] = [];
const routers = new Map<number, types.Router>();
const transports = new Map<string, types.WebRtcTransport>();
const consumers = new Map<string, types.Consumer>();

async function start({ workers: count }: { workers?: number }): Promise<number[]> {
  const n = count ?? Math.max(1, os.availableParallelism());
  for (let i = 0; i < n; i++) workers.push(await mediasoup.createWorker({ logLevel: 'warn' }));
  return [process.pid, ...workers.map((w) => w.pid)];
}

async function router(session: number): Promise<types.Router> {
  let found = routers.get(session);
  if (!found) {
    found = await workers[session % workers.length]!.createRouter({ mediaCodecs: MEDIA_CODECS });
    routers.set(session, found);
  }
  return found;
}

async function createTransport({ session }: { session: number }) {
  const listen = { ip: '127.0.0.1', portRange: PORTS };
  const transport = await (await router(session)).createWebRtcTransport({
    listenInfos: [{ protocol: 'udp', ...listen }, { protocol: 'tcp', ...listen }],
    enableUdp: true,
    enableTcp: true,
    preferUdp: true,
    initialAvailableOutgoingBitrate: 3_000_000,
  });
  transports.set(transport.id, transport);
  return { id: transport.id, iceParameters: transport.iceParameters, iceCandidates: transport.iceCandidates, dtlsParameters: transport.dtlsParameters };
}

const transportOf = (id: string) => {
  const transport = transports.get(id);
  if (!transport) throw new Error(`no transport ${id}`);
  return transport;
};

async function connect({ transportId, dtlsParameters }: { transportId: string; dtlsParameters: types.DtlsParameters }) {
  await transportOf(transportId).connect({ dtlsParameters });
}

async function produce({ transportId, kind, rtpParameters }: { transportId: string; kind: types.MediaKind; rtpParameters: types.RtpParameters }) {
  return (await transportOf(transportId).produce({ kind, rtpParameters })).id;
}

async function consume({ transportId, producerId, rtpCapabilities }: { transportId: string; producerId: string; rtpCapabilities: types.RtpCapabilities }) {
  const consumer = await transportOf(transportId).consume({ producerId, rtpCapabilities, paused: true });
  consumers.set(consumer.id, consumer);
  return { consumerId: consumer.id, rtpParameters: consumer.rtpParameters };
}

async function resume({ consumerId }: { consumerId: string }) {
  await consumers.get(consumerId)?.resume();
}

async function capabilities({ session }: { session: number }) {
  return (await router(session)).rtpCapabilities;
}

function shutdown(): void {
  workers.forEach((w) => w.close());
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

serveRpc({ start, createTransport, connect, produce, consume, resume, capabilities });
