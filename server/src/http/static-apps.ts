import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built customer client at / and the agent console at /console/. */
export async function staticApps(app: FastifyInstance, opts: { root: string }): Promise<void> {
  await app.register(fastifyStatic, { root: path.join(opts.root, 'customer-client', 'dist'), prefix: '/', index: 'index.html' });
  await app.register(fastifyStatic, {
    root: path.join(opts.root, 'agent-console', 'dist'),
    prefix: '/console/',
    index: 'index.html',
    decorateReply: false,
  });
  app.get('/console', (_request, reply) => reply.redirect('/console/'));
}
