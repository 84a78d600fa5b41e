import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ROUTES, SessionSummarySchema, ok } from '@rs/signaling';
import type { CreateSessionResponse, Result, SessionRecordResponse, SessionSummary } from '@rs/signaling';
import type { AccountService } from '../auth/account-service';
import type { StaffPrincipal, TokenIssuer } from '../auth/principal';
import { joinLinkOrigin } from './join-link-origin';
import { requireRole } from './require-role';
import { ROUTE_ROLES } from './route-roles';
import { parseBody } from './validate';

/** Starts sessions; SESSION_LIMIT when the agent already runs maxSessions of them. */
export interface SessionCreator {
  create(agent: { id: string; displayName: string; maxSessions: number }): Promise<{ session: SessionSummary; numberExpiresAt: number }>;
  /** A new number for a session whose number expired unused (NOT_IN_CONTROL, NUMBER_IN_USE). */
  renewNumber(sessionId: string, accountId: string): Promise<{ session: SessionSummary; numberExpiresAt: number }>;
}

/** Reads a session's record; FORBIDDEN for staff who may not see it. */
export interface SessionRecordReader {
  get(principal: StaffPrincipal, sessionId: string): Promise<SessionRecordResponse>;
}

export interface SessionRoutesOptions {
  issuer: TokenIssuer;
  accounts: AccountService;
  sessions: SessionCreator;
  sessionRecords: SessionRecordReader;
  /** Address browsers use to reach the server; see joinLinkOrigin() when unset. */
  publicUrl?: string;
  /** Hosts a request may name to get join links on that host (never any Host header). */
  allowedHosts?: readonly string[];
}

const SessionParamsSchema = z.object({ sessionId: z.string().uuid() });

/** An agent starts a session (outbound, R1.1) and renews its unused number; staff read session records (R10.5). */
export const sessionRoutes: FastifyPluginAsync<SessionRoutesOptions> = async (app, options) => {
  const { issuer, accounts, sessions, sessionRecords } = options;

  app.post(ROUTES.sessions, async (request): Promise<Result<CreateSessionResponse>> => {
    const agent = await requireRole(request, issuer, ROUTE_ROLES.createSession);
    // The account as it is now: an admin may have changed its name or limit since sign-in.
    const { id, displayName, maxSessions } = await accounts.get(agent.accountId);
    const { session, numberExpiresAt } = await sessions.create({ id, displayName, maxSessions });
    const joinUrl = `${joinLinkOrigin(request, options)}/#s=${session.number}`;
    // Parsing strips what the stored record holds beyond the public summary.
    return ok({ session: SessionSummarySchema.parse(session), joinUrl, numberExpiresAt });
  });

  app.post(`${ROUTES.sessions}/:sessionId/number`, async (request): Promise<Result<CreateSessionResponse>> => {
    const agent = await requireRole(request, issuer, ROUTE_ROLES.createSession);
    const { sessionId } = parseBody(SessionParamsSchema, request.params);
    const { session, numberExpiresAt } = await sessions.renewNumber(sessionId, agent.accountId);
    const joinUrl = `${joinLinkOrigin(request, options)}/#s=${session.number}`;
    return ok({ session: SessionSummarySchema.parse(session), joinUrl, numberExpiresAt });
  });

  // Not ROUTES.sessionRecord(':sessionId'): that would encode the colon.
  app.get(`${ROUTES.sessions}/:sessionId/record`, async (request): Promise<Result<SessionRecordResponse>> => {
    const principal = await requireRole(request, issuer, ROUTE_ROLES.sessionRecord);
    const { sessionId } = parseBody(SessionParamsSchema, request.params);
    return ok(await sessionRecords.get(principal, sessionId));
  });
};
