import { isRequestName } from '@rs/signaling';
import type { Logger } from '../logging/logger';
import type { LogLimiter } from '../logging/log-limiter';
import { eventLabel, splitArgs } from './inbound-args';
import type { SignalingServer, SignalingSocket } from './socket-types';

/**
 * Answers every event that is not a request: whatever its name's type (string,
 * number, ...), UNKNOWN_EVENT through its acknowledgement, or a protocol:error
 * event when it has none. Runs first for every packet, inside socket.io's own
 * tick: it must never throw.
 */
export function answerUnknownEvents(socket: SignalingSocket, limited: LogLimiter, log: Logger): void {
  socket.onAny((name: unknown, ...args: unknown[]) => {
    try {
      if (typeof name === 'string' && isRequestName(name)) return;
      const event = eventLabel(name);
      limited.write('info', socket.id, { event }, 'unknown event');
      const { ack } = splitArgs(args);
      const error = { code: 'UNKNOWN_EVENT', message: 'unknown event' } as const;
      if (ack) ack({ ok: false, error });
      else socket.emit('protocol:error', { event, ...error });
    } catch (err) {
      log.error({ err }, 'unknown event not answered');
    }
  });
}

/**
 * socket.io emits 'error' on the socket for a packet it could not decode (it then
 * closes the connection: the client is told why first), and when a client sends
 * an event named 'error'. An EventEmitter 'error' without a listener throws and
 * would end the process, so every socket has one. A client's own 'error' event
 * (not an Error) is answered by answerUnknownEvents.
 */
export function containSocketErrors(socket: SignalingSocket, limited: LogLimiter): void {
  socket.on('error', (err: unknown) => {
    if (!(err instanceof Error)) return;
    const reason = err.message.slice(0, 120);
    limited.write('info', socket.id, { reason }, 'malformed packet');
    socket.emit('protocol:error', { event: '<packet>', code: 'INVALID_PAYLOAD', message: `malformed packet: ${reason}` });
  });
}

/** Engine-level refusals (bad handshake, unknown transport, oversized payload...) are logged, limited. */
export function logEngineRefusals(io: SignalingServer, limited: LogLimiter): void {
  io.engine.on('connection_error', (err: { code?: unknown; message?: unknown; req?: { socket?: { remoteAddress?: string } } }) => {
    const address = err.req?.socket?.remoteAddress ?? 'unknown';
    limited.write('info', address, { address, code: err.code, reason: String(err.message).slice(0, 120) }, 'connection refused');
  });
}
