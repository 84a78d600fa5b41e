import { clientRequests, codedIssueOf } from '@rs/signaling';
import type { RequestName, RequestOf, ResponseOf } from '@rs/signaling';
import { AppError, toErrorPayload } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { LogLimiter } from '../logging/log-limiter';
import { refusal, splitArgs } from './inbound-args';
import type { Ack } from './inbound-args';
import type { SignalingSocket } from './socket-types';

export interface HandlerContext {
  socket: SignalingSocket;
  log: Logger;
}

export type Handler<N extends RequestName> = (ctx: HandlerContext, payload: RequestOf<N>) => Promise<ResponseOf<N>>;

export type HandlerMap = { [N in RequestName]: Handler<N> };

/** Where a socket's handlers log: its logger, and the limiter that summarises repeated refusals. */
export interface HandlerLogs {
  log: Logger;
  limited: LogLimiter;
}

/**
 * The one path every inbound event takes: authorise (role) -> validate -> call -> ack.
 * Errors become {ok:false,error} here and only here; unknown errors are INTERNAL and logged.
 * Nothing thrown here leaves the listener: a client can make a request fail, never the process.
 */
export function registerHandler<N extends RequestName>(socket: SignalingSocket, name: N, handler: Handler<N>, logs: HandlerLogs): void {
  const definition = clientRequests[name];
  const { log, limited } = logs;

  const run = async (payloads: unknown[], reply: Ack): Promise<void> => {
    try {
      if (!(definition.roles as readonly string[]).includes(socket.data.principal.role)) {
        throw new AppError('FORBIDDEN', `${socket.data.principal.role} may not ${name}`);
      }
      if (payloads.length > 1) throw new AppError('INVALID_PAYLOAD', `one payload expected, got ${payloads.length}`);
      const parsed = definition.request.safeParse(payloads[0]);
      if (!parsed.success) throw new AppError(codedIssueOf(parsed.error.issues) ?? 'INVALID_PAYLOAD', describeIssues(parsed.error.issues));
      reply({ ok: true, data: await handler({ socket, log }, parsed.data as RequestOf<N>) });
    } catch (err) {
      if (err instanceof AppError) limited.write('info', socket.id, { event: name, code: err.code }, 'request refused');
      else limited.write('error', socket.id, { err, event: name }, 'request failed');
      reply({ ok: false, error: toErrorPayload(err) });
    }
  };

  // socket.io's typed `on` cannot express "any arguments"; splitArgs sorts them out.
  (socket as unknown as { on(event: string, fn: (...args: unknown[]) => void): void }).on(name, (...args) => {
    const { payloads, ack } = splitArgs(args);
    if (!ack) {
      limited.write('info', socket.id, { event: name }, 'request without acknowledgement');
      socket.emit('protocol:error', { event: name, code: 'INVALID_PAYLOAD', message: 'every request needs an acknowledgement callback' });
      return;
    }
    run(payloads, ack).catch((err: unknown) => {
      log.error({ err, event: name }, 'request failed');
      ack(refusal('INTERNAL', 'internal error'));
    });
  });
}

function describeIssues(issues: readonly { path: (string | number)[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
    .join('; ');
}
