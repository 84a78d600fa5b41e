import type { FastifyRequest } from 'fastify';
import type { Role } from '@rs/signaling';
import type { CustomerPrincipal, Principal, StaffPrincipal, TokenIssuer, VisitorPrincipal } from '../auth/principal';
import { AppError } from '../errors/app-error';

/** The principal a role list admits: a customer, or staff narrowed to the listed roles. */
export type PrincipalOf<R extends Role> = R extends 'customer' ? CustomerPrincipal : R extends 'visitor' ? VisitorPrincipal : StaffPrincipal & { role: R };

/** The bearer token of a request, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer +(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * Who is calling, checked before any rule runs: UNAUTHENTICATED without a valid,
 * unrevoked token; FORBIDDEN when the token's role is not one of `roles`.
 */
export async function requireRole<R extends Role>(
  request: FastifyRequest,
  issuer: TokenIssuer,
  roles: readonly R[],
): Promise<PrincipalOf<R>> {
  const token = bearerToken(request);
  if (!token) throw new AppError('UNAUTHENTICATED', 'sign in first');
  const principal = await issuer.verify(token);
  if (!hasRole(principal, roles)) throw new AppError('FORBIDDEN', `for ${roles.join(', ')} only`);
  return principal;
}

function hasRole<R extends Role>(principal: Principal, roles: readonly R[]): principal is PrincipalOf<R> {
  return (roles as readonly Role[]).includes(principal.role);
}
