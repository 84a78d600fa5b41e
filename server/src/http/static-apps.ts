import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { SetHeadersResponse } from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** A content-hashed file name from scripts/build.mjs (app-HASH.js, styles-HASH.css), possibly a .br/.gz copy. */
const HASHED_NAME = /-[A-Z0-9]{8}\.(?:js|css)(?:\.br|\.gz)?$/;
/** Hashed names never change content: a year, without revalidation. Anything else: revalidate every time. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

function setCacheHeaders(res: SetHeadersResponse, filePath: string): void {
  res.setHeader('cache-control', HASHED_NAME.test(path.basename(filePath)) ? IMMUTABLE : REVALIDATE);
  res.setHeader('vary', 'accept-encoding');
}

/** Source maps are never served (the build keeps them outside dist/ anyway). */
const notASourceMap = (pathName: string) => !pathName.endsWith('.map');

/**
 * Serves the built customer client at / (and its help page at /help, the same app: the
 * waiting room turns into the session view in place), the embeddable /help-button.js, and
 * the agent console at /console/: the brotli or gzip copy made at build time when the
 * browser accepts it, long-lived caching for hashed names.
 */
export async function staticApps(app: FastifyInstance, opts: { root: string }): Promise<void> {
  const common = { index: ['index.html'], preCompressed: true, cacheControl: false, setHeaders: setCacheHeaders, allowedPath: notASourceMap };
  await app.register(fastifyStatic, { ...common, root: path.join(opts.root, 'customer-client', 'dist'), prefix: '/' });
  await app.register(fastifyStatic, { ...common, root: path.join(opts.root, 'agent-console', 'dist'), prefix: '/console/', decorateReply: false });
  app.get('/console', (_request, reply) => reply.redirect('/console/'));
  // The help page is the customer client's page; its assets resolve from / (relative names).
  app.get('/help', (_request, reply) => reply.header('cache-control', REVALIDATE).sendFile('index.html', path.join(opts.root, 'customer-client', 'dist')));
  app.get('/help/', (_request, reply) => reply.redirect('/help'));
}
