import type { AccountService } from './auth/account-service';
import type { TokenIssuer } from './auth/principal';
import type { Config } from './config/config';
import type { Clock } from './domain/clock';
import { AcceptService } from './domain/queue/accept-service';
import { HelpService } from './domain/queue/help-service';
import type { WaitTokens } from './domain/queue/help-service';
import { PresenceService } from './domain/queue/presence-service';
import { QueueAdminService } from './domain/queue/queue-admin-service';
import { QueueLifecycle } from './domain/queue/queue-lifecycle';
import { QueuePublisher } from './domain/queue/queue-publisher';
import { QueueRouter } from './domain/queue/queue-router';
import { QueueRecords, QueueViews } from './domain/queue/queue-views';
import { TransferService } from './domain/queue/transfer-service';
import type { QueueServices } from './gateway/queue-services';
import type { Services } from './gateway/services';
import type { SocketNotifier } from './gateway/socket-notifier';
import type { Logger } from './logging/logger';
import { MemoryQueueStore } from './store/memory-queue-store';
import type { QueueStore } from './store/queue-store';
import { createRedisKeys } from './store/redis-keys';
import { RedisQueueStore } from './store/redis-queue-store';
import { RedisSessionStore } from './store/redis-session-store';
import type { SessionStore } from './store/session-store';
import { withStoreDeadline } from './store/store-deadline';

/** A waiting customer's token lives as long as the longest wait a queue allows. */
const VISITOR_TOKEN_TTL_SECONDS = 24 * 3600;

/** The queue store on the session store's backing: the same Redis client, or memory. */
export function createQueueStore(sessionStore: SessionStore, config: Pick<Config, 'recordRetentionDays' | 'storeTimeoutMs'>): QueueStore {
  const retentionSeconds = config.recordRetentionDays * 24 * 3600;
  if (sessionStore instanceof RedisSessionStore) {
    return withStoreDeadline(new RedisQueueStore(sessionStore.redisClient, createRedisKeys(), { retentionSeconds }), config.storeTimeoutMs);
  }
  return new MemoryQueueStore({ retentionSeconds });
}

export interface ComposeQueuesInput {
  config: Config;
  queueStore: QueueStore;
  services: Services;
  accounts: AccountService;
  issuer: TokenIssuer;
  notifier: SocketNotifier;
  clock: Clock;
  log: Logger;
}

/** Builds the queue services and wires them to the session lifecycle (the composition root of R1.1, R1.5, R6.2). */
export function composeQueues({ config, queueStore: queues, services, accounts, issuer, notifier, clock, log }: ComposeQueuesInput): QueueServices {
  const queueLog = log.child({ component: 'queue' });
  const { sessions, store } = services;
  const presence = new PresenceService({ queues, sessions: store, accounts, clock, log: queueLog });
  const views = new QueueViews(queues, presence, clock);
  const publisher = new QueuePublisher(queues, views, presence, notifier, queueLog);
  const tokens: WaitTokens = {
    visitor: (entryId) => issuer.sign({ role: 'visitor', entryId }, VISITOR_TOKEN_TTL_SECONDS),
    customer: (sessionId, participantId) => issuer.sign({ role: 'customer', sessionId, participantId }, config.customerTokenTtlSeconds),
  };
  const base = { queues, publisher, clock, log: queueLog };
  const accept = new AcceptService({ ...base, store, sessions, accounts, presence, tokens, notifier });
  const transfer = new TransferService({
    ...base, store, sessions, accounts, presence,
    activities: {
      endVoice: async (member) => {
        if (services.voice.state(member.session.id).active) await services.voice.end(member);
      },
      stopShares: (sessionId, actorId) => services.shares.stopAll(sessionId, actorId),
    },
  });
  const router = new QueueRouter({ ...base, presence, abandonGraceMs: config.queueAbandonGraceSeconds * 1000, tickMs: config.queueTickMs });
  const lifecycle = new QueueLifecycle(queues, sessions, presence, publisher, clock, queueLog);
  sessions.on('session-ended', (sessionId) => lifecycle.sessionEnded(sessionId));
  sessions.on('participant-gone', (sessionId, participantId) => lifecycle.participantGone(sessionId, participantId));
  presence.on('changed', (accountId) => publisher.presenceChanged(accountId));
  return {
    store: queues, presence, views, publisher, accept, transfer, router,
    help: new HelpService({ ...base, views, tokens }),
    admin: new QueueAdminService({ ...base, accounts }),
    records: new QueueRecords(queues, clock),
  };
}
