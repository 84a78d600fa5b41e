import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { FastifyRequest } from 'fastify';

export interface JoinLinkOriginOptions {
  /** The configured public origin (PUBLIC_URL): always used when set. */
  publicUrl?: string;
  /** Host names (host[:port], lower case) a request may name to get links on that host (ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
}

/**
 * The origin put into join links. Never taken from a request's Host header unless that
 * host is allowed: a forged Host would otherwise send customers to another site
 * (link poisoning). Without PUBLIC_URL or an allowed host: the address the server listens on.
 */
export function joinLinkOrigin(request: FastifyRequest, options: JoinLinkOriginOptions): string {
  if (options.publicUrl) return options.publicUrl.replace(/\/$/, '');
  const host = request.host.toLowerCase();
  if (options.allowedHosts?.includes(host)) return `${request.protocol}://${host}`;
  return listenOrigin(request.server.server.address() as AddressInfo | null);
}

function listenOrigin(address: AddressInfo | null): string {
  if (!address) return `http://${os.hostname()}`;
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? os.hostname() : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
