import type { ServerOptions } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import type { TrustProxy } from '../config/trust-proxy';

export interface ConnectionLimitsConfig {
  idleTimeoutSeconds: number;
  trustProxy: TrustProxy;
}

/** Largest REST body (sign-in, join, accounts, sessions are all small). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Fastify's options for what any client may hold: a connection silent for the idle
 * timeout is closed (Node closes none by default, and Fastify turns the request
 * timeout off), headers and bodies must arrive within it, and a kept-alive
 * connection waits 5 s for its next request. WebSocket connections leave these
 * behind at the upgrade (socket.io's pings watch them instead); a long-polling
 * request is held at most one ping interval (15 s), under the idle timeout.
 */
export function connectionLimits(config: ConnectionLimitsConfig): FastifyServerOptions & { http: ServerOptions } {
  const idleMs = Math.round(config.idleTimeoutSeconds * 1000);
  return {
    bodyLimit: MAX_BODY_BYTES,
    connectionTimeout: idleMs,
    requestTimeout: idleMs,
    keepAliveTimeout: Math.min(5000, idleMs),
    http: { headersTimeout: idleMs, connectionsCheckingInterval: Math.max(100, Math.min(30_000, Math.round(idleMs / 4))) },
    // Fastify takes a hop count or a list of proxy addresses; false: the TCP peer is the client.
    trustProxy: config.trustProxy,
  };
}
