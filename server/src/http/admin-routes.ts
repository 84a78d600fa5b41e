import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { CreateAccountRequestSchema, ROUTES, UpdateAccountRequestSchema, ok } from '@rs/signaling';
import type { AccountListResponse, AccountProfile, Result } from '@rs/signaling';
import type { AccountService } from '../auth/account-service';
import type { TokenIssuer } from '../auth/principal';
import { requireRole } from './require-role';
import { ROUTE_ROLES } from './route-roles';
import { parseBody } from './validate';

export interface AdminRoutesOptions {
  issuer: TokenIssuer;
  accounts: AccountService;
}

const AccountParamsSchema = z.object({ accountId: z.string().uuid() });

/** Admins manage accounts: create agents and supervisors, assign supervisors, set session limits. */
export const adminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (app, { issuer, accounts }) => {
  app.get(ROUTES.accounts, async (request): Promise<Result<AccountListResponse>> => {
    await requireRole(request, issuer, ROUTE_ROLES.listAccounts);
    return ok({ accounts: await accounts.list() });
  });

  app.post(ROUTES.accounts, async (request, reply): Promise<Result<AccountProfile>> => {
    const admin = await requireRole(request, issuer, ROUTE_ROLES.createAccount);
    const account = await accounts.create(parseBody(CreateAccountRequestSchema, request.body));
    request.log.info({ by: admin.accountId, accountId: account.id, role: account.role }, 'admin created account');
    void reply.status(201);
    return ok(account);
  });

  // Not ROUTES.account(':accountId'): that would encode the colon.
  app.patch(`${ROUTES.accounts}/:accountId`, async (request): Promise<Result<AccountProfile>> => {
    const admin = await requireRole(request, issuer, ROUTE_ROLES.updateAccount);
    const { accountId } = parseBody(AccountParamsSchema, request.params);
    const account = await accounts.update(accountId, parseBody(UpdateAccountRequestSchema, request.body));
    request.log.info({ by: admin.accountId, accountId }, 'admin updated account');
    return ok(account);
  });
};
