import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import type { Logger } from '../logging/logger';

/** How long a new router waits for a dead worker's replacement before giving up. */
const REPLACEMENT_WAIT_MS = 10_000;

export interface WorkerPoolOptions {
  size: number;
  logLevel: types.WorkerLogLevel;
  log: Logger;
  /** Called when a dead worker cannot be replaced (the process should exit). */
  onFatal: (err: unknown) => void;
}

/**
 * One mediasoup worker per core. A worker that dies is replaced at once; its
 * routers close with it and their sessions move to a live worker (MediaRooms).
 * If a replacement cannot start, onFatal is called (exit policy).
 */
export class WorkerPool {
  private readonly workers: types.Worker[] = [];
  /** pick() calls waiting for a replacement because no worker is alive. */
  private waiters: (() => void)[] = [];
  private next = 0;
  private closed = false;

  private constructor(private readonly opts: WorkerPoolOptions) {}

  static async create(opts: WorkerPoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(opts);
    for (let i = 0; i < opts.size; i++) pool.workers.push(await pool.spawn());
    opts.log.info({ workers: opts.size }, 'media workers started');
    return pool;
  }

  /** Live workers. */
  get size(): number {
    return this.workers.filter((worker) => !worker.closed).length;
  }

  /** Process ids of the live workers (for monitoring and fault tests). */
  get pids(): number[] {
    return this.workers.filter((worker) => !worker.closed).map((worker) => worker.pid);
  }

  /** Round-robin choice of a live worker for a new router; waits for a replacement if none is alive. */
  async pick(): Promise<types.Worker> {
    for (let round = 0; round < 2 && !this.closed; round++) {
      for (let i = 0; i < this.workers.length; i++) {
        const worker = this.workers[this.next++ % this.workers.length];
        if (worker && !worker.closed) return worker;
      }
      // Every worker is dead (a death is reported after its routers closed): wait for a replacement.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, REPLACEMENT_WAIT_MS);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    throw new Error('no media worker available');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const worker of this.workers) worker.close();
  }

  private async spawn(): Promise<types.Worker> {
    const worker = await mediasoup.createWorker({
      logLevel: this.opts.logLevel,
      logTags: ['info', 'ice', 'dtls', 'srtp', 'rtp', 'rtcp'],
    });
    worker.on('died', (err) => void this.replace(worker, err));
    return worker;
  }

  private async replace(dead: types.Worker, cause: Error): Promise<void> {
    if (this.closed) return;
    this.opts.log.error({ err: cause, pid: dead.pid }, 'media worker died, replacing it');
    try {
      const fresh = await this.spawn();
      const index = this.workers.indexOf(dead);
      if (index >= 0) this.workers[index] = fresh;
      else this.workers.push(fresh);
      if (this.closed) fresh.close();
      this.opts.log.info({ pid: fresh.pid }, 'media worker replaced');
      const waiting = this.waiters;
      this.waiters = [];
      for (const wake of waiting) wake();
    } catch (err) {
      this.opts.onFatal(err);
    }
  }
}
