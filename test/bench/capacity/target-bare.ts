import path from 'node:path';
import type { GeneratorClient } from './generator-client';
import { runMediasoupSession, type MediasoupSignal } from './mediasoup-session';
import { RpcChild } from './rpc';
import type { SessionTiming, Target, TargetProcess } from './target';

/** Bare mediasoup in its own process (bare-server.ts), driven over IPC. */
export async function startBareTarget(workers?: number): Promise<Target> {
  const rpc = await RpcChild.start(path.join(__dirname, 'bare-server.ts'));
  let pids: number[];
  try {
    pids = await rpc.call<number[]>('start', { workers });
  } catch (error) {
    await rpc.stop();
    throw error;
  }
  const processes: TargetProcess[] = pids.map((pid, index) => ({ label: index === 0 ? 'bare-node' : `bare-worker-${index}`, pid }));
  return {
    name: 'bare',
    processes: () => processes,
    async openSession(session: number, generator: GeneratorClient, probe: boolean): Promise<SessionTiming> {
      const started = performance.now();
      const signal: MediasoupSignal = {
        rtpCapabilities: () => rpc.call('capabilities', { session }),
        createTransport: () => rpc.call('createTransport', { session }),
        connectTransport: (_, transportId, dtlsParameters) => rpc.call('connect', { transportId, dtlsParameters }),
        produce: (_, transportId, kind, _source, rtpParameters) => rpc.call('produce', { transportId, kind, rtpParameters }),
        consume: (_, transportId, producerId, rtpCapabilities) => rpc.call('consume', { transportId, producerId, rtpCapabilities }),
        resumeConsumer: (_, consumerId) => rpc.call('resume', { consumerId }),
      };
      await signal.rtpCapabilities('customer');
      const joinMs = performance.now() - started;
      await runMediasoupSession(signal, generator, 'bare', session, probe);
      return { joinMs, setupMs: performance.now() - started };
    },
    close: () => rpc.stop(),
  };
}
