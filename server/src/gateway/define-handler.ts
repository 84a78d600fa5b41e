import { clientRequests } from '@rs/signaling';
import type { RequestName, RequestOf, ResponseOf, Result } from '@rs/signaling';
import { AppError, toErrorPayload } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { SignalingSocket } from './socket-types';

export interface HandlerContext {
  socket: SignalingSocket;
  log: Logger;
}

export type Handler<N extends RequestName> = (ctx: HandlerContext, payload: RequestOf<N>) => Promise<ResponseOf<N>>;

export type HandlerMap = { [N in RequestName]: Handler<N> };

/**
 * The one path every inbound event takes: authorise (role) -> validate -> call -> ack.
 * Errors become {ok:false,error} here and only here; unknown errors are INTERNAL and logged.
 */
export function registerHandler<N extends RequestName>(socket: SignalingSocket, name: N, handler: Handler<N>, log: Logger): void {
  const definition = clientRequests[name];
  const listener = async (payload: unknown, ack: unknown): Promise<void> => {
    if (typeof ack !== 'function') {
      socket.emit('protocol:error', { event: name, code: 'INVALID_PAYLOAD', message: 'every request needs an acknowledgement callback' });
      return;
    }
    const reply = ack as (result: Result<ResponseOf<N>>) => void;
    try {
      if (!(definition.roles as readonly string[]).includes(socket.data.principal.role)) {
        throw new AppError('FORBIDDEN', `${socket.data.principal.role} may not ${name}`);
      }
      const parsed = definition.request.safeParse(payload);
      if (!parsed.success) throw new AppError('INVALID_PAYLOAD', describeIssues(parsed.error.issues));
      reply({ ok: true, data: await handler({ socket, log }, parsed.data as RequestOf<N>) });
    } catch (err) {
      if (err instanceof AppError) log.info({ event: name, code: err.code }, 'request refused');
      else log.error({ err, event: name }, 'request failed');
      reply({ ok: false, error: toErrorPayload(err) });
    }
  };
  // socket.io's typed `on` cannot express "payload: unknown, ack: unknown"; the listener checks both.
  (socket as unknown as { on(event: string, fn: (payload: unknown, ack: unknown) => void): void }).on(name, (payload, ack) => {
    void listener(payload, ack);
  });
}

function describeIssues(issues: readonly { path: (string | number)[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
    .join('; ');
}
