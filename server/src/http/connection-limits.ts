import type { ServerOptions } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import type { TrustProxy } from '../config/trust-proxy';

export interface ConnectionLimitsConfig {
  idleTimeoutSeconds: number;
  trustProxy: TrustProxy;
}

/** Above the 4 s fetch() and browsers keep an idle connection for, so a client never reuses one the server just closed. */
const KEEP_ALIVE_MS = 5000;

/** Largest REST body (sign-in, join, accounts, sessions are all small). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Fastify's options for what any client may hold: a request's headers and body must
 * arrive within the idle timeout, counted from the connection's start, so a silent
 * connection gets 408 and is closed (Fastify turns the request timeout off by
 * default); a kept-alive connection waits 5 s for its next request. A slow answer
 * is not cut (no socket inactivity timeout). WebSocket connections leave these
 * behind at the upgrade (socket.io's pings watch them instead).
 */
export function connectionLimits(config: ConnectionLimitsConfig): FastifyServerOptions & { http: ServerOptions } {
  const idleMs = Math.round(config.idleTimeoutSeconds * 1000);
  return {
    bodyLimit: MAX_BODY_BYTES,
    requestTimeout: idleMs,
    keepAliveTimeout: KEEP_ALIVE_MS,
    http: { headersTimeout: idleMs, connectionsCheckingInterval: Math.max(100, Math.min(30_000, Math.round(idleMs / 4))) },
    // Fastify takes a hop count or a list of proxy addresses; false: the TCP peer is the client.
    trustProxy: config.trustProxy,
  };
}
