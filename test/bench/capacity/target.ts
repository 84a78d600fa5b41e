import type { GeneratorClient } from './generator-client';

/** A process whose CPU and memory count as the target's (server, media worker, store, Janus). */
export interface TargetProcess {
  label: string;
  pid: number;
}

export interface SessionTiming {
  /** Signaling time of the customer's join at this load (ms); for bare mediasoup and Janus, their session setup requests. */
  joinMs: number;
  /** First request to the last answer of the whole session unit (ms). */
  setupMs: number;
}

/** One system under load: ours, bare mediasoup or Janus. */
export interface Target {
  readonly name: 'ours' | 'bare' | 'janus';
  processes(): TargetProcess[];
  /** Work before sessions `from`..`to`-1 open that is not part of a join (e.g. agent accounts and sign-ins), done one by one. */
  prepare?(from: number, to: number): Promise<void>;
  openSession(session: number, generator: GeneratorClient, probe: boolean): Promise<SessionTiming>;
  /** Stops every process it started. Idempotent. */
  close(): Promise<void>;
}
