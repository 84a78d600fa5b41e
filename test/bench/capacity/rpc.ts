import { fork, type ChildProcess } from 'node:child_process';

/**
 * A tiny request/response protocol over Node's IPC channel: the load generator and the
 * bare-mediasoup script run as child processes (their CPU is measured apart from ours).
 */
interface RpcRequest {
  id: number;
  method: string;
  params: unknown;
}
interface RpcResponse {
  id: number;
  result?: unknown;
  error?: string;
}

export type Handlers = Record<string, (params: never) => unknown>;

/** Child side: answers requests with `handlers`; when the parent goes away, `onDisconnect` (default: exit). */
export function serveRpc(handlers: Handlers, onDisconnect: () => void = () => process.exit(0)): void {
  // The parent may be gone already (Ctrl-C during start-up): answer only while the channel is open.
  const reply = (response: RpcResponse) => {
    if (process.connected) process.send?.(response);
  };
  process.on('message', (message: RpcRequest) => {
    const handler = handlers[message.method] as ((params: unknown) => unknown) | undefined;
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown method ${message.method}`);
        return handler(message.params);
      })
      .then(
        (result) => reply({ id: message.id, result }),
        (error: unknown) => reply({ id: message.id, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
      );
  });
  process.on('disconnect', onDisconnect);
  if (!process.connected) onDisconnect();
  reply({ id: 0, result: 'ready' });
}

/** Parent side: a forked TypeScript child (through tsx) answering `serveRpc` requests. */
export class RpcChild {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private exited = false;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: RpcResponse) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.error !== undefined) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
    });
    child.once('exit', (code, signal) => {
      this.exited = true;
      for (const [, waiting] of this.pending) waiting.reject(new Error(`child exited (code ${String(code)}, signal ${String(signal)})`));
      this.pending.clear();
    });
  }

  static async start(script: string, env: NodeJS.ProcessEnv = {}): Promise<RpcChild> {
    const child = fork(script, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} did not start within 60 s`)), 60_000);
      child.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${script} exited with code ${String(code)} before it was ready`));
      });
    });
    const rpc = new RpcChild(child);
    await ready;
    return rpc;
  }

  get pid(): number {
    return this.child.pid as number;
  }

  call<T>(method: string, params: unknown = {}, timeoutMs = 60_000): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`child gone (call ${method})`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} not answered within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.child.send({ id, method, params } satisfies RpcRequest);
    });
  }

  /** Ends the child: SIGTERM, then SIGKILL after 5 s. Idempotent. */
  async stop(): Promise<void> {
    if (this.exited || this.child.exitCode !== null) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  }
}
