import { randomUUID } from 'node:crypto';

/** A Janus session over its HTTP API: requests, and events read by a long poll (bounded by close()). */
interface JanusMessage {
  janus: string;
  transaction?: string;
  sender?: number;
  data?: { id: number };
  plugindata?: { data: Record<string, unknown> };
  jsep?: { type: string; sdp: string };
  error?: { code: number; reason: string };
}

export interface PluginEvent {
  data: Record<string, unknown>;
  jsep?: { type: string; sdp: string };
}

export class JanusSession {
  private readonly waiting = new Map<string, { resolve: (e: PluginEvent) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private closed = false;
  private readonly polling: Promise<void>;

  private constructor(
    private readonly url: string,
    readonly id: number,
  ) {
    this.polling = this.poll();
  }

  static async create(url: string): Promise<JanusSession> {
    const reply = await post(url, { janus: 'create' });
    return new JanusSession(url, reply.data!.id);
  }

  async attach(plugin = 'janus.plugin.videoroom'): Promise<number> {
    return (await post(`${this.url}/${this.id}`, { janus: 'attach', plugin })).data!.id;
  }

  /** A plugin request answered at once (e.g. VideoRoom `create`). */
  async sync(handle: number, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const reply = await post(`${this.url}/${this.id}/${handle}`, { janus: 'message', body });
    const data = reply.plugindata?.data ?? {};
    if (data.error) throw new Error(`janus ${String(body.request)}: ${text(data.error)}`);
    return data;
  }

  /** A plugin request answered by an event (join, publish, start): waits for it. */
  async async(handle: number, body: Record<string, unknown>, jsep?: { type: string; sdp: string }, timeoutMs = 30_000): Promise<PluginEvent> {
    const transaction = randomUUID();
    const event = new Promise<PluginEvent>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(transaction);
        reject(new Error(`janus ${String(body.request)}: no event within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(transaction, { resolve, reject, timer });
    });
    await post(`${this.url}/${this.id}/${handle}`, { janus: 'message', body, ...(jsep ? { jsep } : {}) }, transaction);
    const result = await event;
    if (result.data.error) throw new Error(`janus ${String(body.request)}: ${text(result.data.error)}`);
    return result;
  }

  private async poll(): Promise<void> {
    while (!this.closed) {
      let events: JanusMessage[];
      try {
        const response = await fetch(`${this.url}/${this.id}?maxev=20`);
        const body = (await response.json()) as JanusMessage | JanusMessage[];
        events = Array.isArray(body) ? body : [body];
      } catch {
        if (this.closed) return;
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      for (const event of events) {
        const waiting = event.transaction ? this.waiting.get(event.transaction) : undefined;
        if (!waiting || event.janus !== 'event') continue;
        this.waiting.delete(event.transaction!);
        clearTimeout(waiting.timer);
        waiting.resolve({ data: event.plugindata?.data ?? {}, jsep: event.jsep });
      }
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const [, w] of this.waiting) {
      clearTimeout(w.timer);
      w.reject(new Error('janus session closed'));
    }
    this.waiting.clear();
    await post(`${this.url}/${this.id}`, { janus: 'destroy' }).catch(() => undefined);
    await this.polling;
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

async function post(url: string, body: Record<string, unknown>, transaction = randomUUID()): Promise<JanusMessage> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, transaction }) });
  const reply = (await response.json()) as JanusMessage;
  if (reply.janus === 'error') throw new Error(`janus ${String(body.janus)}: ${reply.error?.code} ${reply.error?.reason}`);
  return reply;
}
