import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AccountStatusRequestSchema, CreateAccountRequestSchema, ROUTES, UpdateAccountRequestSchema, ok } from '@rs/signaling';
import type { AccountListResponse, AccountProfile, AdminAuditResponse, Result } from '@rs/signaling';
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
const AuditQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

/**
 * Admins manage accounts: create, edit (name, role, password reset, supervisor, session limit),
 * disable / re-enable, delete; each change is in the admin audit log (GET ROUTES.adminAudit).
 */
export const adminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (app, { issuer, accounts }) => {
  app.get(ROUTES.accounts, async (request): Promise<Result<AccountListResponse>> => {
    await requireRole(request, issuer, ROUTE_ROLES.listAccounts);
    return ok({ accounts: await accounts.list() });
  });

  app.post(ROUTES.accounts, async (request, reply): Promise<Result<AccountProfile>> => {
    const admin = await requireRole(request, issuer, ROUTE_ROLES.createAccount);
    const account = await accounts.create(parseBody(CreateAccountRequestSchema, request.body), admin);
    request.log.info({ by: admin.accountId, accountId: account.id, role: account.role }, 'admin created account');
    void reply.status(201);
    return ok(account);
  });

  // Not ROUTES.account(':accountId'): that would encode the colon.
  app.patch(`${ROUTES.accounts}/:accountId`, async (request): Promise<Result<AccountProfile>> => {
    const admin = await requireRole(request, issuer, ROUTE_ROLES.updateAccount);
    const { accountId } = parseBody(AccountParamsSchema, request.params);
    const account = await accounts.update(accountId, parseBody(UpdateAccountRequestSchema, request.body), admin);
    request.log.info({ by: admin.accountId, accountId }, 'admin updated account');
    return ok(account);
  });

  app.post(`${ROUTES.accounts}/:accountId/status`, async (request): Promise<Result<AccountProfile>> => {
    const admin = await requireRole(request, issuer, ROUTE_ROLES.updateAccount);
    const { accountId } = parseBody(AccountParamsSchema, request.params);
    const { disabled } = parseBody(AccountStatusRequestSchema, request.body);
    return ok(await accounts.setDisabled(accountId, disabled, admin));
  });

  app.delete(`${ROUTES.accounts}/:accountId`, async (request): Promise<Result<Record<string, never>>> => {
    const admin = await requireRole(request, issuer, ROUTE_ROLES.deleteAccount);
    const { accountId } = parseBody(AccountParamsSchema, request.params);
    await accounts.delete(accountId, admin);
    return ok({});
  });

  app.get(ROUTES.adminAudit, async (request): Promise<Result<AdminAuditResponse>> => {
    await requireRole(request, issuer, ROUTE_ROLES.adminAudit);
    const { limit } = parseBody(AuditQuerySchema, request.query);
    return ok({ entries: await accounts.auditLog(limit) });
  });
};
