import type { FastifyInstance } from 'fastify';

/**
 * Content-Security-Policy of every response: scripts, styles and sockets from this origin
 * only ('self' covers ws:/wss: of the same host; 'wasm-unsafe-eval' lets the file-transfer hashing
 * compile its WebAssembly, no string eval), media and images also from blob:/data:
 * (streams, canvases), and no page of ours inside another site's frame (clickjacking
 * of the consent prompt).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(self), microphone=(self), display-capture=(self), geolocation=()',
};

/** Browser hardening headers on every answer (pages, files, API, errors), set before any route runs. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => {
    void reply.headers(HEADERS);
  });
}
