import type { ErrorPayload, Result } from '@rs/signaling';

export type Ack = (result: Result<unknown>) => void;

/** What a client sent with an event: the arguments before the acknowledgement, and the acknowledgement if any. */
export interface InboundArgs {
  payloads: unknown[];
  ack: Ack | null;
}

/** socket.io puts the acknowledgement last, as a function; everything before it is the client's data. */
export function splitArgs(args: readonly unknown[]): InboundArgs {
  const last = args[args.length - 1];
  if (typeof last === 'function') return { payloads: args.slice(0, -1), ack: safeAck(last as Ack) };
  return { payloads: [...args], ack: null };
}

/** An acknowledgement that never throws (the connection may be gone, the answer may not encode). */
function safeAck(ack: Ack): Ack {
  return (result) => {
    try {
      ack(result);
    } catch {
      // Nothing to tell: the client is gone or the answer could not be sent.
    }
  };
}

/** A printable, bounded name for any event name a client may send (a string, a number, ...). */
export function eventLabel(name: unknown): string {
  if (typeof name === 'string') return name.slice(0, 64);
  if (typeof name === 'number' || typeof name === 'boolean' || name === null || name === undefined) return `<${String(name)}>`;
  return `<${Array.isArray(name) ? 'array' : typeof name}>`;
}

export function refusal(code: ErrorPayload['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
