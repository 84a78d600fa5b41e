import type { FastifyRequest } from 'fastify';
import type { Principal, TokenService } from '../auth/token-service';
import { AppError } from '../errors/app-error';

type AgentPrincipal = Extract<Principal, { role: 'agent' }>;

/** The agent behind a request's bearer token, or UNAUTHENTICATED / FORBIDDEN. */
export function requireAgent(tokens: TokenService, request: FastifyRequest): AgentPrincipal {
  const header = request.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  if (!token) throw new AppError('UNAUTHENTICATED', 'sign in first');
  const principal = tokens.verify(token);
  if (principal.role !== 'agent') throw new AppError('FORBIDDEN', 'agents only');
  return principal;
}
