import path from 'node:path';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { DevAgentAccounts } from './auth/dev-accounts';
import { TokenService } from './auth/token-service';
import type { Config } from './config/config';
import { ChatService } from './domain/chat-service';
import { systemClock } from './domain/clock';
import type { Clock } from './domain/clock';
import { ConsentService } from './domain/consent-service';
import { SessionService } from './domain/session-service';
import { createSocketServer } from './gateway/socket-server';
import type { Services } from './gateway/services';
import { SocketNotifier } from './gateway/socket-notifier';
import type { SignalingServer } from './gateway/socket-types';
import { installErrorHandler } from './http/error-handler';
import { apiRoutes } from './http/routes';
import { staticApps } from './http/static-apps';
import { createLogger } from './logging/logger';
import type { Logger } from './logging/logger';
import { MediaRooms } from './media/media-rooms';
import { ShareService } from './media/share-service';
import { WorkerPool } from './media/worker-pool';
import { createSessionStore } from './store/create-store';

export interface App {
  http: FastifyInstance;
  io: SignalingServer;
  services: Services;
  tokens: TokenService;
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
  const store = await createSessionStore({
    redisUrl: config.redisUrl,
    onError: (err) => log.warn({ err }, 'redis connection error'),
  });
  const pool = await WorkerPool.create({
    size: config.media.workers,
    logLevel: config.media.logLevel,
    log: log.child({ component: 'media' }),
    onFatal: options.onFatal ?? ((err) => log.fatal({ err }, 'media worker lost')),
  });

  const notifier = new SocketNotifier();
  const tokens = new TokenService(config.tokenSecret, clock);
  const sessions = new SessionService({ store, notifier, log, clock, numberTtlSeconds: config.sessionNumberTtlSeconds });
  const consents = new ConsentService(store, notifier, clock, log);
  const rooms = new MediaRooms(
    pool,
    {
      listenIp: config.media.listenIp,
      announcedAddress: config.media.announcedAddress,
      portRange: { min: config.media.rtcMinPort, max: config.media.rtcMaxPort },
    },
    log.child({ component: 'media' }),
  );
  const services: Services = {
    store, sessions, consents, rooms,
    chat: new ChatService(store, notifier, clock),
    shares: new ShareService(rooms, consents, notifier),
  };
  sessions.on('participant-gone', async (sessionId, participantId) => (await rooms.peek(sessionId))?.closePeer(participantId));
  sessions.on('session-ended', async (sessionId) => rooms.close(sessionId));

  const http = Fastify({ loggerInstance: log as FastifyBaseLogger, disableRequestLogging: true, bodyLimit: 64 * 1024, trustProxy: false });
  installErrorHandler(http);
  await http.register(apiRoutes, {
    config, tokens, sessions, store,
    accounts: new DevAgentAccounts({ username: config.devAgentUsername, password: config.devAgentPassword, displayName: config.devAgentDisplayName }),
    mediaWorkers: () => pool.size,
  });
  await http.register(staticApps, { root: config.staticRoot ?? REPO_ROOT });
  const io = createSocketServer(http.server, tokens, services, log);
  notifier.bind(io);

  let closed = false;
  return {
    http, io, services, tokens, log,
    async close() {
      if (closed) return;
      closed = true;
      await io.close();
      await http.close();
      rooms.closeAll();
      pool.close();
      await store.close();
    },
  };
}
