import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { HELPER_TRAILER_MAGIC, PairingCodeSchema, ROUTES } from '@rs/signaling';
import type { HelperTrailer } from '@rs/signaling';
import type { RateBuckets } from '../domain/rate-bucket';
import { AppError } from '../errors/app-error';
import type { SessionStore } from '../store/session-store';
import { joinLinkOrigin } from './join-link-origin';
import type { JoinLinkOriginOptions } from './join-link-origin';

export interface HelperRoutesOptions extends JoinLinkOriginOptions {
  /** Absolute path of the built helper program. */
  binaryPath: string;
  store: Pick<SessionStore, 'peekPairing'>;
  /** Downloads with a code per client address (a wrong code must not be cheap to guess). */
  codeTries: RateBuckets;
}

/** The file name people see and run (`chmod +x remote-support-helper && ./remote-support-helper`). */
export const HELPER_FILE_NAME = 'remote-support-helper';

/** `<JSON> <uint32 BE length> <magic>`: what the helper reads at the end of its own file. */
export function helperTrailer(trailer: HelperTrailer): Buffer {
  const json = Buffer.from(JSON.stringify(trailer), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([json, length, Buffer.from(HELPER_TRAILER_MAGIC, 'ascii')]);
}

/**
 * ROUTE_ROLES.helperDownload (public): the helper program, as one file to run. With a
 * live pairing code the file ends with a trailer naming this server and the code, so
 * the helper pairs by itself; the download does not use the code up (the helper's
 * connection does). The server URL is the origin links are built from (PUBLIC_URL or
 * an allowed host), never a Host header that nobody allowed.
 */
export const helperRoutes: FastifyPluginAsync<HelperRoutesOptions> = async (app, opts) => {
  app.get(ROUTES.helperDownload, async (_request, reply) => sendHelper(reply, opts.binaryPath, null));

  app.get<{ Params: { code: string } }>(`${ROUTES.helperDownload}/:code`, async (request, reply) => {
    if (!opts.codeTries.take(request.ip).allowed) throw new AppError('RATE_LIMITED', 'too many helper downloads: wait a minute');
    const code = PairingCodeSchema.safeParse(request.params.code);
    const pairing = code.success ? await opts.store.peekPairing(code.data) : null;
    if (!pairing) throw new AppError('PAIRING_INVALID', 'this helper link has expired: ask for a new one on the support page');
    return sendHelper(reply, opts.binaryPath, helperTrailer({ serverUrl: joinLinkOrigin(request, opts), code: pairing.code }));
  });
};

async function sendHelper(reply: FastifyReply, binaryPath: string, trailer: Buffer | null): Promise<FastifyReply> {
  const size = await stat(binaryPath).then((s) => (s.isFile() ? s.size : null), () => null);
  if (size === null) throw new AppError('HELPER_UNAVAILABLE', 'the helper program is not built on this server');
  return reply
    .header('content-type', 'application/octet-stream')
    .header('content-disposition', `attachment; filename="${HELPER_FILE_NAME}"`)
    .header('content-length', size + (trailer?.length ?? 0))
    .header('cache-control', 'no-store')
    .send(Readable.from(withTrailer(binaryPath, trailer)));
}

async function* withTrailer(binaryPath: string, trailer: Buffer | null): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(binaryPath)) yield chunk as Buffer;
  if (trailer) yield trailer;
}
