import dgram from 'node:dgram';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SessionMedia } from '../../server/src/media/session-media';

export interface SfuCpuPoint {
  forwardedStreams: number;
  /** Worker CPU in % of one core over the window. */
  workerCpuPercent: number;
  /** RTP packets per second reaching the sink. */
  packetsPerSecond: number;
}

const WINDOW_MS = 5_000;

/**
 * CPU of the mediasoup worker per forwarded stream: the live screen producer is
 * copied to N plain-RTP consumers (loopback UDP sink), and the worker's CPU time
 * is read over a fixed window at each N. Plain RTP (no SRTP) forwarding: SRTP
 * adds about as much again on this machine (see MACHINE.md).
 */
export async function measureSfuCpu(room: SessionMedia, producerId: string, steps = [0, 10, 20, 40]): Promise<{ points: SfuCpuPoint[]; perStreamPercent: number }> {
  const sink = dgram.createSocket('udp4');
  let packets = 0;
  sink.on('message', () => packets++);
  await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', resolve));
  const port = sink.address().port;
  const taps: (() => void)[] = [];
  const points: SfuCpuPoint[] = [];
  try {
    for (const n of steps) {
      while (taps.length < n) taps.push(await room.tap(producerId, { ip: '127.0.0.1', port }));
      await sleep(1_000); // let the new consumers get a keyframe and settle before measuring
      const cpu0 = await room.workerCpuMs();
      const packets0 = packets;
      const t0 = performance.now();
      await sleep(WINDOW_MS);
      const elapsed = performance.now() - t0;
      points.push({
        forwardedStreams: n,
        workerCpuPercent: round(((await room.workerCpuMs()) - cpu0) / elapsed * 100),
        packetsPerSecond: Math.round(((packets - packets0) * 1000) / elapsed),
      });
    }
  } finally {
    taps.forEach((close) => close());
    sink.close();
  }
  return { points, perStreamPercent: round(slope(points.map((p) => [p.forwardedStreams, p.workerCpuPercent]))) };
}

/** Least-squares slope. */
function slope(xy: [number, number][]): number {
  const n = xy.length;
  const mx = xy.reduce((a, [x]) => a + x, 0) / n;
  const my = xy.reduce((a, [, y]) => a + y, 0) / n;
  const num = xy.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const den = xy.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
