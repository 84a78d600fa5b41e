import type { FastifyError, FastifyInstance } from 'fastify';
import { RateLimitedError } from '../auth/join-guard';
import { AppError, httpStatusOf, toErrorPayload } from '../errors/app-error';

/** Retry-After of a 503 STORE_UNAVAILABLE answer: the store reconnects by itself within seconds. */
const STORE_RETRY_AFTER_SECONDS = 5;

/** The HTTP side's one place where errors become {ok:false,error} answers. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      if (err.code === 'STORE_UNAVAILABLE') {
        request.log.warn({ code: err.code }, 'request refused: store unavailable');
        void reply.header('retry-after', String(STORE_RETRY_AFTER_SECONDS));
      } else request.log.info({ code: err.code }, 'request refused');
      if (err instanceof RateLimitedError) void reply.header('retry-after', String(err.retryAfterSeconds));
      return reply.status(httpStatusOf(err.code)).send({ ok: false, error: err.toPayload() });
    }
    if (typeof err.statusCode === 'number' && err.statusCode < 500) {
      request.log.info({ code: err.code }, 'bad request');
      return reply.status(err.statusCode).send({ ok: false, error: { code: 'INVALID_PAYLOAD', message: err.message } });
    }
    request.log.error({ err }, 'request failed');
    return reply.status(500).send({ ok: false, error: toErrorPayload(err) });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ ok: false, error: { code: 'INVALID_PAYLOAD', message: `no route ${request.method} ${request.url.split('?')[0]}` } });
  });
}
