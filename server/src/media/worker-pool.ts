import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import type { Logger } from '../logging/logger';

export interface WorkerPoolOptions {
  size: number;
  logLevel: types.WorkerLogLevel;
  log: Logger;
  /** Called when a dead worker cannot be replaced (the process should exit). */
  onFatal: (err: unknown) => void;
}

/**
 * One mediasoup worker per core. A worker that dies is replaced once per
 * death; if the replacement cannot start, onFatal is called (exit policy).
 * Routers living on the dead worker close; their sessions recreate one lazily.
 */
export class WorkerPool {
  private readonly workers: types.Worker[] = [];
  private next = 0;
  private closed = false;

  private constructor(private readonly opts: WorkerPoolOptions) {}

  static async create(opts: WorkerPoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(opts);
    for (let i = 0; i < opts.size; i++) pool.workers.push(await pool.spawn());
    opts.log.info({ workers: opts.size }, 'media workers started');
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  /** Round-robin choice of a worker for a new router. */
  pick(): types.Worker {
    const worker = this.workers[this.next % this.workers.length];
    if (!worker) throw new Error('no media worker available');
    this.next++;
    return worker;
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
    const index = this.workers.indexOf(dead);
    try {
      const fresh = await this.spawn();
      if (index >= 0) this.workers[index] = fresh;
    } catch (err) {
      this.opts.onFatal(err);
    }
  }
}
