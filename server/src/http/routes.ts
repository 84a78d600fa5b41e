import type { FastifyInstance } from 'fastify';
import {
  AgentLoginRequestSchema,
  CustomerJoinRequestSchema,
  PROTOCOL_VERSION,
  ROUTES,
} from '@rs/signaling';
import type { AgentLoginResponse, CreateSessionResponse, CustomerJoinResponse, HealthResponse, Result } from '@rs/signaling';
import type { AgentAccounts } from '../auth/dev-accounts';
import type { TokenService } from '../auth/token-service';
import type { Config } from '../config/config';
import { AppError } from '../errors/app-error';
import { toSummary } from '../domain/session-service';
import type { SessionService } from '../domain/session-service';
import type { SessionStore } from '../store/session-store';
import { requireAgent } from './agent-auth';
import { parseBody } from './validate';

export interface RouteDeps {
  config: Config;
  tokens: TokenService;
  accounts: AgentAccounts;
  sessions: SessionService;
  store: SessionStore;
  mediaWorkers: () => number;
}

const ok = <T>(data: T): Result<T> => ({ ok: true, data });

/** The REST surface: health, agent sign-in, start a session, customer join. */
export async function apiRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { config, tokens, accounts, sessions } = deps;

  app.get(ROUTES.health, async (): Promise<Result<HealthResponse>> =>
    ok({ status: 'ok', protocolVersion: PROTOCOL_VERSION, store: deps.store.kind, mediaWorkers: deps.mediaWorkers() }),
  );

  app.post(ROUTES.agentLogin, async (request): Promise<Result<AgentLoginResponse>> => {
    const { username, password } = parseBody(AgentLoginRequestSchema, request.body);
    const agent = await accounts.verify(username, password);
    if (!agent) {
      request.log.warn({ address: request.ip }, 'agent sign-in failed');
      throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
    }
    const token = tokens.sign({ role: 'agent', agentId: agent.id, displayName: agent.displayName }, config.agentTokenTtlSeconds);
    return ok({ token, agent });
  });

  app.post(ROUTES.sessions, async (request): Promise<Result<CreateSessionResponse>> => {
    const agent = requireAgent(tokens, request);
    const { session, numberExpiresAt } = await sessions.create({ id: agent.agentId, displayName: agent.displayName });
    const origin = config.publicUrl ?? `${request.protocol}://${request.host}`;
    return ok({ session: toSummary(session), joinUrl: `${origin.replace(/\/$/, '')}/#s=${session.number}`, numberExpiresAt });
  });

  app.post(ROUTES.join, async (request): Promise<Result<CustomerJoinResponse>> => {
    const { sessionNumber, displayName } = parseBody(CustomerJoinRequestSchema, request.body);
    try {
      const { sessionId, participantId } = await sessions.joinByNumber(sessionNumber, displayName);
      const token = tokens.sign({ role: 'customer', sessionId, participantId }, config.customerTokenTtlSeconds);
      return ok({ token, sessionId, participantId });
    } catch (err) {
      if (err instanceof AppError && err.code === 'SESSION_NOT_FOUND') request.log.warn({ address: request.ip }, 'join with a wrong number');
      throw err;
    }
  });
}
