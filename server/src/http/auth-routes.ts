import type { FastifyPluginAsync } from 'fastify';
import { ChangePasswordRequestSchema, LoginRequestSchema, ROUTES, ok } from '@rs/signaling';
import type { AccountProfile, LoginResponse, Result } from '@rs/signaling';
import type { AccountService } from '../auth/account-service';
import { RateLimitedError } from '../auth/join-guard';
import type { AttemptLimit } from '../auth/join-guard';
import type { TokenIssuer } from '../auth/principal';
import type { RateLimiter } from '../store/rate-limiter';
import { bearerToken, requireRole } from './require-role';
import { ROUTE_ROLES } from './route-roles';
import { parseBody } from './validate';

export interface AuthRoutesOptions {
  issuer: TokenIssuer;
  accounts: AccountService;
  limiter: RateLimiter;
  staffTokenTtlSeconds: number;
  /** Sign-in attempts per client address (each costs a memory-hard hash). */
  loginLimit?: AttemptLimit;
}

export const DEFAULT_LOGIN_LIMIT: AttemptLimit = { limit: 20, windowSeconds: 60 };

/** Sign-in, sign-out, and who am I (agents, supervisors, admins). */
export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (app, options) => {
  const { issuer, accounts, limiter, staffTokenTtlSeconds } = options;
  const loginLimit = options.loginLimit ?? DEFAULT_LOGIN_LIMIT;

  // ROUTE_ROLES.login: public, limited per address.
  app.post(ROUTES.login, async (request): Promise<Result<LoginResponse>> => {
    const { username, password } = parseBody(LoginRequestSchema, request.body);
    const verdict = await limiter.hit(`login:address:${request.ip}`, loginLimit.limit, loginLimit.windowSeconds);
    if (!verdict.allowed) {
      request.log.warn({ address: request.ip }, 'sign-in rate limited');
      throw new RateLimitedError(verdict.retryAfterSeconds);
    }
    const account = await accounts.signIn(username, password, request.ip);
    const token = await issuer.sign({ role: account.role, accountId: account.id, displayName: account.displayName }, staffTokenTtlSeconds);
    return ok({ token, account });
  });

  app.post(ROUTES.logout, async (request): Promise<Result<Record<string, never>>> => {
    await requireRole(request, issuer, ROUTE_ROLES.logout);
    await issuer.revoke(bearerToken(request) ?? '');
    return ok({});
  });

  /** The old password is checked (and rate limited like a sign-in); every earlier token of the account stops working. */
  app.post(ROUTES.password, async (request): Promise<Result<LoginResponse>> => {
    const principal = await requireRole(request, issuer, ROUTE_ROLES.changePassword);
    const { currentPassword, newPassword } = parseBody(ChangePasswordRequestSchema, request.body);
    const verdict = await limiter.hit(`login:address:${request.ip}`, loginLimit.limit, loginLimit.windowSeconds);
    if (!verdict.allowed) throw new RateLimitedError(verdict.retryAfterSeconds);
    const account = await accounts.changeOwnPassword(principal.accountId, currentPassword, newPassword);
    const token = await issuer.sign({ role: account.role, accountId: account.id, displayName: account.displayName }, staffTokenTtlSeconds);
    return ok({ token, account });
  });

  app.get(ROUTES.me, async (request): Promise<Result<AccountProfile>> => {
    const principal = await requireRole(request, issuer, ROUTE_ROLES.me);
    return ok(await accounts.get(principal.accountId));
  });
};
