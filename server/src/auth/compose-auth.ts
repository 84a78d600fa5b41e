import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { createAccountStores } from '../store/create-account-stores';
import type { AccountStores } from '../store/create-account-stores';
import { RedisSessionStore } from '../store/redis-session-store';
import type { SessionStore } from '../store/session-store';
import { AccountService } from './account-service';
import type { FirstAdmin } from './account-service';
import { DEFAULT_JOIN_LIMITS, JoinGuard } from './join-guard';
import { JwtTokenIssuer } from './jwt-token-issuer';
import { ScryptPasswordHasher } from './password-hasher';

export interface AuthParts {
  accounts: AccountService;
  issuer: JwtTokenIssuer;
  joinGuard: JoinGuard;
  /** The same limits for agents assisting by number (`session:assist`), counted per agent account. */
  assistGuard: JoinGuard;
  stores: AccountStores;
  /** The admin created at this boot, if any; a generated password is for main.ts to print once. */
  firstAdmin: FirstAdmin | null;
  close(): Promise<void>;
}

export interface ComposeAuthOptions {
  config: Pick<Config, 'tokenSecret' | 'adminUsername' | 'adminPassword' | 'joinAttemptsPerAddress' | 'joinAttemptsPerPrefix'> &
    Partial<Pick<Config, 'joinAttemptsAtAttackedPrefix' | 'assistAttemptsPerAgent' | 'agentTokenTtlSeconds'>> & { storeTimeoutMs?: number };
  /** Its Redis client is shared when it is Redis-backed (it stays the client's owner). */
  sessionStore: SessionStore;
  log: Logger;
  /** Prefix of the Redis keys (default `rs:`, as the session store's). */
  keyPrefix?: string;
  now?: () => number;
}

/** Accounts, tokens and join limits on the session store's backing (one Redis client), plus the first admin. */
export async function composeAuth(options: ComposeAuthOptions): Promise<AuthParts> {
  const { config, sessionStore, log } = options;
  const client = sessionStore instanceof RedisSessionStore ? sessionStore.redisClient : null;
  const stores = await createAccountStores({ client, keyPrefix: options.keyPrefix, timeoutMs: config.storeTimeoutMs });
  const authLog = log.child({ component: 'auth' });
  const issuer = new JwtTokenIssuer({ secret: config.tokenSecret, revocations: stores.revocations, staffTokenTtlSeconds: config.agentTokenTtlSeconds, now: options.now });
  const accounts = new AccountService({ accounts: stores.accounts, audit: stores.audit, tokens: issuer, hasher: new ScryptPasswordHasher(), log: authLog, now: options.now });
  const prefixLimits = {
    limiter: stores.limiter,
    log: authLog,
    perPrefix: { limit: config.joinAttemptsPerPrefix, windowSeconds: 60 },
    atAttackedPrefix: { ...DEFAULT_JOIN_LIMITS.atAttackedPrefix, limit: config.joinAttemptsAtAttackedPrefix ?? DEFAULT_JOIN_LIMITS.atAttackedPrefix.limit },
  };
  const joinGuard = new JoinGuard({ ...prefixLimits, perCaller: { limit: config.joinAttemptsPerAddress, windowSeconds: 60 } });
  const assistGuard = new JoinGuard({ ...prefixLimits, perCaller: { limit: config.assistAttemptsPerAgent ?? DEFAULT_JOIN_LIMITS.perCaller.limit, windowSeconds: 60 } });
  const firstAdmin = await accounts.ensureFirstAdmin({ username: config.adminUsername, password: config.adminPassword });
  if (firstAdmin) authLog.info({ username: firstAdmin.username, generated: firstAdmin.generatedPassword !== null }, 'first admin created');
  return { accounts, issuer, joinGuard, assistGuard, stores, firstAdmin, close: () => stores.close() };
}
