import path from 'node:path';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { composeAuth } from './auth/compose-auth';
import type { AccountService, FirstAdmin } from './auth/account-service';
import type { TokenIssuer } from './auth/principal';
import type { Config } from './config/config';
import { systemClock } from './domain/clock';
import { RateBuckets } from './domain/rate-bucket';
import type { Clock } from './domain/clock';
import { createSocketServer } from './gateway/socket-server';
import { cutSocketsOfRevokedTokens } from './gateway/token-sockets';
import { connectionLimits } from './http/connection-limits';
import type { Services } from './gateway/services';
import type { SignalingServer } from './gateway/socket-types';
import { installErrorHandler } from './http/error-handler';
import { apiRoutes } from './http/routes';
import { installSecurityHeaders } from './http/security-headers';
import { staticApps } from './http/static-apps';
import { createLogger } from './logging/logger';
import type { Logger } from './logging/logger';
import { WorkerPool } from './media/worker-pool';
import { createSessionStore } from './store/create-store';
import { createHistoryStore } from './history/create-history-store';
import { keepHistoryFor } from './history/history-retention';
import { HistoryIndexer } from './history/history-indexer';
import { HistoryService } from './history/history-service';
import { indexedSessionStore } from './history/indexed-session-store';
import { composeServices } from './compose-services';
import { composeQueues, createQueueStore } from './compose-queues';
import type { QueueServices } from './gateway/queue-services';

export interface App {
  http: FastifyInstance;
  io: SignalingServer;
  services: Services;
  queues: QueueServices;
  issuer: TokenIssuer;
  accounts: AccountService;
  /** The admin created at this boot, if any (main prints a generated password once). */
  firstAdmin: FirstAdmin | null;
  log: Logger;
  close(): Promise<void>;
}

export interface BuildOptions {
  clock?: Clock;
  log?: Logger;
  /** Called when the media layer cannot recover (a worker died and could not be replaced). */
  onFatal?: (err: unknown) => void;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Builds the whole server (used by main and by tests); all awaited setup happens here. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const storeBehind = await createSessionStore({
    redisUrl: config.redisUrl,
    onError: (err) => log.warn({ err }, 'redis connection error'),
    retentionSeconds: config.recordRetentionDays * 24 * 3600,
    timeoutMs: config.storeTimeoutMs,
  });
  const historyStore = createHistoryStore({
    databaseUrl: config.historyDatabaseUrl, dir: config.historyDir, onError: (err) => log.warn({ err }, 'history database error'),
  });
  const indexer = new HistoryIndexer({
    sessions: storeBehind, history: historyStore, log,
    // Called only after boot, once the queue services below exist.
    queueRecordOf: (sessionId) => queues.records.ofSession(sessionId),
  });
  const store = indexedSessionStore(storeBehind, (sessionId) => indexer.touch(sessionId));
  const pool = await WorkerPool.create({
    size: config.media.workers,
    logLevel: config.media.logLevel,
    log: log.child({ component: 'media' }),
    onFatal: options.onFatal ?? ((err) => log.fatal({ err }, 'media worker lost')),
  });

  const auth = await composeAuth({ config, sessionStore: store, log, now: clock });
  const queueStore = createQueueStore(store, config);
  const { services, notifier, records } = composeServices({
    // Read at request time, once the queue services below exist.
    config, store, pool, directory: auth.accounts, clock, log, queueRecordOf: (sessionId) => queues.records.ofSession(sessionId),
  });
  const queues = composeQueues({ config, queueStore, services, accounts: auth.accounts, issuer: auth.issuer, notifier, clock, log });
  const { sessions, rooms } = services;
  auth.accounts.on('locked-out', (accountId) => sessions.closeSessionsOf(accountId));

  const http = Fastify({ loggerInstance: log as FastifyBaseLogger, disableRequestLogging: true, ...connectionLimits(config) });
  installErrorHandler(http);
  installSecurityHeaders(http);
  await http.register(apiRoutes, {
    config, sessions,
    issuer: auth.issuer,
    accounts: auth.accounts,
    limiter: auth.stores.limiter,
    joinGuard: auth.joinGuard,
    sessionRecords: records,
    store: store.kind,
    mediaWorkers: () => pool.size,
    helper: {
      binaryPath: path.resolve(REPO_ROOT, config.helperBinary),
      store,
      codeTries: new RateBuckets({ capacity: config.pairingAttemptsPerAddress, refillPerSecond: config.pairingAttemptsPerAddress / 60 }, clock),
    },
    queues,
    history: new HistoryService({ store: historyStore, indexed: () => indexer.idle(), accounts: auth.accounts, clock }),
  });
  await http.register(staticApps, { root: config.staticRoot ?? REPO_ROOT });
  const io = createSocketServer(
    http.server,
    {
      tokens: auth.issuer, assistGuard: auth.assistGuard, pairingAttemptsPerMinute: config.pairingAttemptsPerAddress,
      handshakeTimeoutMs: config.handshakeTimeoutSeconds * 1000, reconnectGraceMs: config.media.reconnectGraceSeconds * 1000,
      queueAbandonGraceMs: config.queueAbandonGraceSeconds * 1000,
    },
    services,
    log,
    queues,
  );
  const stopCuttingRevokedSockets = await cutSocketsOfRevokedTokens(io, auth.stores.revocations, log);
  notifier.bind(io);
  queues.router.start();
  // Sessions that ended while the index could not be written (or before it existed) are indexed again.
  void auth.accounts.list()
    .then((accounts) => indexer.rebuild(accounts.map((a) => a.id)))
    .then((count) => log.info({ count, history: historyStore.kind }, 'history index checked'))
    .catch((err: unknown) => log.warn({ err }, 'history index rebuild failed'));

  const stopHistoryRetention = keepHistoryFor(historyStore, config.historyRetentionDays, clock, log);

  let closed = false;
  return {
    http, io, services, queues, log,
    issuer: auth.issuer,
    accounts: auth.accounts,
    firstAdmin: auth.firstAdmin,
    async close() {
      if (closed) return;
      closed = true;
      stopHistoryRetention();
      await queues.router.stop();
      queues.publisher.close();
      await stopCuttingRevokedSockets();
      services.remote.close();
      await io.close();
      await http.close();
      rooms.closeAll();
      pool.close();
      await auth.close();
      await indexer.idle();
      await historyStore.close();
      await store.close();
    },
  };
}
