import type { FastifyPluginAsync } from 'fastify';
import { HistoryQuerySchema, ROUTES, ok } from '@rs/signaling';
import type { HistoryAgent, HistoryPage, Result } from '@rs/signaling';
import type { TokenIssuer } from '../auth/principal';
import { historyCsv } from '../history/history-csv';
import type { HistoryService } from '../history/history-service';
import { requireRole } from './require-role';
import { ROUTE_ROLES } from './route-roles';
import { parseBody } from './validate';

export interface HistoryRoutesOptions {
  issuer: TokenIssuer;
  history: HistoryService;
}

/** Session history (R10.1): a page of rows, every row as CSV, and the agents to filter by. */
export const historyRoutes: FastifyPluginAsync<HistoryRoutesOptions> = async (app, { issuer, history }) => {
  app.get(ROUTES.history, async (request): Promise<Result<HistoryPage>> => {
    const principal = await requireRole(request, issuer, ROUTE_ROLES.history);
    return ok(await history.page(principal, parseBody(HistoryQuerySchema, request.query)));
  });

  app.get(ROUTES.historyCsv, async (request, reply) => {
    const principal = await requireRole(request, issuer, ROUTE_ROLES.history);
    const rows = await history.all(principal, parseBody(HistoryQuerySchema, request.query));
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="session-history-${day}.csv"`)
      .send(historyCsv(rows));
  });

  app.get(ROUTES.historyAgents, async (request): Promise<Result<HistoryAgent[]>> => {
    const principal = await requireRole(request, issuer, ROUTE_ROLES.history);
    return ok(await history.agents(principal));
  });
};
