import path from 'node:path';
import type { AnswerOfferRequest, DumpResult, GeneratorStats, OfferRequest } from './generator-protocol';
import { RpcChild } from './rpc';

/** The load generator process seen from the bench: peers by name, counters, a recorded sample. */
export class GeneratorClient {
  private constructor(private readonly rpc: RpcChild) {}

  static async start(clipFiles: { layers: string[]; mic: string }): Promise<GeneratorClient> {
    const rpc = await RpcChild.start(path.join(__dirname, 'generator.ts'));
    await rpc.call('loadClips', clipFiles);
    return new GeneratorClient(rpc);
  }

  get pid(): number {
    return this.rpc.pid;
  }

  offer(request: OfferRequest): Promise<{ sdp: string }> {
    return this.rpc.call('offer', request);
  }

  setAnswer(peer: string, sdp: string): Promise<void> {
    return this.rpc.call('setAnswer', { peer, sdp });
  }

  answerOffer(request: AnswerOfferRequest): Promise<{ sdp: string }> {
    return this.rpc.call('answerOffer', request);
  }

  stats(): Promise<GeneratorStats> {
    return this.rpc.call('stats', {}, 120_000);
  }

  record(peer: string, frames: number): Promise<void> {
    return this.rpc.call('record', { peer, frames });
  }

  dump(peer: string, file: string): Promise<DumpResult> {
    return this.rpc.call('dump', { peer, file });
  }

  closePeers(prefix: string): Promise<number> {
    return this.rpc.call('closePeers', { prefix });
  }

  stop(): Promise<void> {
    return this.rpc.stop();
  }
}
