import { randomUUID } from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
import { z } from 'zod';
import { AccountRoleSchema, LIMITS } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { TokenRevocations } from '../store/token-revocations';
import type { Principal, TokenIssuer, UnsignedPrincipal } from './principal';

/**
 * Access tokens as HS256 JWTs, signed and checked by fast-jwt (the library behind
 * @fastify/jwt). Claims: `sub` is the account id (staff) or the participant id
 * (customer, bound to session `sid`) or the queue entry id (visitor: a customer waiting in a queue); `jti` a random token id, so one token can be
 * revoked at sign-out; `exp` from the ttl. Expiry is checked against the injected
 * clock (tests move time), revocation against the shared TokenRevocations store.
 */
const ISSUER = 'remote-support';

const ClaimsSchema = z.discriminatedUnion('role', [
  z.object({ role: AccountRoleSchema, sub: z.string().min(1), name: z.string(), jti: z.string().uuid(), exp: z.number().int() }),
  z.object({ role: z.literal('customer'), sub: z.string().uuid(), sid: z.string().uuid(), jti: z.string().uuid(), exp: z.number().int() }),
  z.object({ role: z.literal('visitor'), sub: z.string().uuid(), jti: z.string().uuid(), exp: z.number().int() }),
]);
type Claims = z.infer<typeof ClaimsSchema>;

export interface JwtTokenIssuerOptions {
  /** HMAC key, at least 32 characters (config.tokenSecret). */
  secret: string;
  revocations: TokenRevocations;
  now?: () => number;
}


export class JwtTokenIssuer implements TokenIssuer {
  readonly #sign: (payload: Record<string, unknown>) => string;
  readonly #verify: (token: string) => unknown;
  readonly #revocations: TokenRevocations;
  readonly #now: () => number;

  constructor(options: JwtTokenIssuerOptions) {
    if (options.secret.length < 32) throw new Error('the token secret needs at least 32 characters');
    // exp and iat are set from our clock; fast-jwt checks the signature, algorithm and issuer.
    this.#sign = createSigner({ key: options.secret, algorithm: 'HS256', iss: ISSUER });
    this.#verify = createVerifier({
      key: options.secret,
      algorithms: ['HS256'],
      allowedIss: ISSUER,
      ignoreExpiration: true,
      requiredClaims: ['jti', 'exp', 'sub', 'iss'],
    });
    this.#revocations = options.revocations;
    this.#now = options.now ?? Date.now;
  }

  async sign(principal: UnsignedPrincipal, ttlSeconds: number): Promise<string> {
    const iat = Math.floor(this.#now() / 1000);
    const base = { jti: randomUUID(), iat, exp: iat + Math.max(1, Math.ceil(ttlSeconds)) };
    if (principal.role === 'customer') {
      return this.#sign({ ...base, role: 'customer', sub: principal.participantId, sid: principal.sessionId });
    }
    if (principal.role === 'visitor') return this.#sign({ ...base, role: 'visitor', sub: principal.entryId });
    return this.#sign({ ...base, role: principal.role, sub: principal.accountId, name: principal.displayName });
  }

  async verify(token: string): Promise<Principal> {
    const claims = this.#claims(token);
    if (claims.exp * 1000 <= this.#now()) throw new AppError('UNAUTHENTICATED', 'token expired, sign in again');
    if (await this.#revocations.isRevoked(claims.jti)) throw new AppError('UNAUTHENTICATED', 'token revoked, sign in again');
    return toPrincipal(claims);
  }

  /** Idempotent; a forged or expired token is ignored (nothing to revoke, nothing stored). */
  async revoke(token: string): Promise<void> {
    let claims: Claims;
    try {
      claims = this.#claims(token);
    } catch {
      return;
    }
    await this.#revocations.revoke(claims.jti, claims.exp * 1000);
  }

  /** Signature, algorithm, issuer and claim shape; UNAUTHENTICATED otherwise. */
  #claims(token: string): Claims {
    if (token.length === 0 || token.length > LIMITS.tokenLength) throw new AppError('UNAUTHENTICATED', 'invalid token');
    let payload: unknown;
    try {
      payload = this.#verify(token);
    } catch {
      throw new AppError('UNAUTHENTICATED', 'invalid token');
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) throw new AppError('UNAUTHENTICATED', 'invalid token');
    return claims.data;
  }
}

function toPrincipal(claims: Claims): Principal {
  if (claims.role === 'customer') {
    return { role: 'customer', sessionId: claims.sid, participantId: claims.sub, tokenId: claims.jti };
  }
  if (claims.role === 'visitor') return { role: 'visitor', entryId: claims.sub, tokenId: claims.jti };
  return { role: claims.role, accountId: claims.sub, displayName: claims.name, tokenId: claims.jti };
}
