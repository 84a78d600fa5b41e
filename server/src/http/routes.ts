import type { FastifyInstance } from 'fastify';
import type { AccountService } from '../auth/account-service';
import type { JoinGuard } from '../auth/join-guard';
import type { TokenIssuer } from '../auth/principal';
import type { RateLimiter } from '../store/rate-limiter';
import { adminRoutes } from './admin-routes';
import { authRoutes } from './auth-routes';
import { healthRoutes } from './health-routes';
import { historyRoutes } from './history-routes';
import type { HistoryService } from '../history/history-service';
import { helperRoutes } from './helper-routes';
import type { HelperRoutesOptions } from './helper-routes';
import { joinRoutes } from './join-routes';
import type { CustomerJoiner } from './join-routes';
import { sessionRoutes } from './session-routes';
import { helpRoutes } from './help-routes';
import { queueAdminRoutes } from './queue-admin-routes';
import type { QueueServices } from '../gateway/queue-services';
import type { SessionCreator, SessionRecordReader } from './session-routes';

export interface RouteDeps {
  config: {
    publicUrl?: string; allowedHosts?: readonly string[]; agentTokenTtlSeconds: number; customerTokenTtlSeconds: number;
    loginAttemptsPerAddress?: number; helpRequestsPerAddress?: number;
  };
  issuer: TokenIssuer;
  accounts: AccountService;
  limiter: RateLimiter;
  joinGuard: JoinGuard;
  sessions: SessionCreator & CustomerJoiner;
  sessionRecords: SessionRecordReader;
  store: 'memory' | 'redis';
  mediaWorkers: () => number;
  /** The helper download (remote control); absent in servers built for other tests. */
  helper?: Pick<HelperRoutesOptions, 'binaryPath' | 'store' | 'codeTries'>;
  /** Inbound support queues (absent in the auth-only test app). */
  queues?: QueueServices;
  /** Session history (absent in the auth-only test app). */
  history?: HistoryService;
}

/** The REST surface; who may call what is listed in route-roles.ts. */
export async function apiRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { config, issuer, accounts, sessions } = deps;
  await app.register(healthRoutes, { store: deps.store, mediaWorkers: deps.mediaWorkers });
  await app.register(authRoutes, {
    issuer, accounts, limiter: deps.limiter, staffTokenTtlSeconds: config.agentTokenTtlSeconds,
    loginLimit: config.loginAttemptsPerAddress === undefined ? undefined : { limit: config.loginAttemptsPerAddress, windowSeconds: 60 },
  });
  await app.register(adminRoutes, { issuer, accounts });
  await app.register(sessionRoutes, { issuer, accounts, sessions, sessionRecords: deps.sessionRecords, publicUrl: config.publicUrl, allowedHosts: config.allowedHosts });
  if (deps.helper) await app.register(helperRoutes, { ...deps.helper, publicUrl: config.publicUrl, allowedHosts: config.allowedHosts });
  await app.register(joinRoutes, { issuer, sessions, guard: deps.joinGuard, customerTokenTtlSeconds: config.customerTokenTtlSeconds });
  if (deps.queues) {
    await app.register(helpRoutes, { help: deps.queues.help, limiter: deps.limiter, requestsPerAddress: config.helpRequestsPerAddress ?? 5 });
    await app.register(queueAdminRoutes, { issuer, admin: deps.queues.admin, records: deps.queues.records });
  }
  if (deps.history) await app.register(historyRoutes, { issuer, history: deps.history });
}
