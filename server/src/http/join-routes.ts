import type { FastifyPluginAsync } from 'fastify';
import { CustomerJoinRequestSchema, ROUTES, ok } from '@rs/signaling';
import type { CustomerJoinResponse, Result } from '@rs/signaling';
import type { JoinGuard } from '../auth/join-guard';
import type { TokenIssuer } from '../auth/principal';
import { parseBody } from './validate';

/** Admits a customer by session number; SESSION_NOT_FOUND alike for unknown, expired and ended numbers. */
export interface CustomerJoiner {
  joinByNumber(sessionNumber: string, displayName: string, customerKey?: string): Promise<{ sessionId: string; participantId: string }>;
}

export interface JoinRoutesOptions {
  issuer: TokenIssuer;
  sessions: CustomerJoiner;
  guard: JoinGuard;
  customerTokenTtlSeconds: number;
}

/**
 * ROUTE_ROLES.join: public (customers have no account), guarded by the join rate
 * limits. The answer is a short-lived token bound to one session and participant.
 */
export const joinRoutes: FastifyPluginAsync<JoinRoutesOptions> = async (app, options) => {
  const { issuer, sessions, guard, customerTokenTtlSeconds } = options;

  app.post(ROUTES.join, async (request): Promise<Result<CustomerJoinResponse>> => {
    const { sessionNumber, displayName, customerKey } = parseBody(CustomerJoinRequestSchema, request.body);
    const { sessionId, participantId } = await guard.admit(`address:${request.ip}`, sessionNumber, () =>
      sessions.joinByNumber(sessionNumber, displayName, customerKey),
    );
    const token = await issuer.sign({ role: 'customer', sessionId, participantId }, customerTokenTtlSeconds);
    return ok({ token, sessionId, participantId });
  });
};
