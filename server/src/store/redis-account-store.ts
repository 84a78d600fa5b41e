import type { AccountRole } from '@rs/signaling';
import { applyPatch, byUsername } from './account-store';
import type { AccountPatch, AccountRecord, AccountStore } from './account-store';
import type { RedisClient } from './redis-client';
import type { RedisKeys } from './redis-keys';

/**
 * Creates an account only if its id and username are free, all in one step: HSETNX on the
 * username -> id hash decides, and the record and its index sets are written in the
 * same script, so no half-created account is ever visible (not even after a crash).
 * KEYS: usernames hash, account key, ids set, role set. ARGV: username, id, JSON.
 */
const CREATE_SCRIPT = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('SET', KEYS[2], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[2])
redis.call('SADD', KEYS[4], ARGV[2])
return 1
`;

/**
 * Writes an updated record and moves it between role sets, in one step.
 * KEYS: account key, old role set, new role set. ARGV: id, JSON. 0 when the account is gone.
 */
const UPDATE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
`;

/** KEYS: usernames hash, account key, ids set, role set. ARGV: username, id. */
const DELETE_SCRIPT = `
if redis.call('DEL', KEYS[2]) == 0 then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[2])
redis.call('SREM', KEYS[4], ARGV[2])
return 1
`;

/** AccountStore shared by every node through Redis (layout in redis-keys.ts). */
export class RedisAccountStore implements AccountStore {
  readonly kind = 'redis' as const;

  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async create(account: AccountRecord): Promise<boolean> {
    const created = await this.client.eval(CREATE_SCRIPT, {
      keys: [this.keys.accountUsernames(), this.keys.account(account.id), this.keys.accountIds(), this.keys.accountRole(account.role)],
      arguments: [account.username, account.id, JSON.stringify(account)],
    });
    return created === 1;
  }

  async get(accountId: string): Promise<AccountRecord | null> {
    return parseOrNull(await this.client.get(this.keys.account(accountId)));
  }

  async findByUsername(username: string): Promise<AccountRecord | null> {
    const id = await this.client.hGet(this.keys.accountUsernames(), username);
    return id ? this.get(id) : null;
  }

  async list(): Promise<AccountRecord[]> {
    const ids = await this.client.sMembers(this.keys.accountIds());
    if (ids.length === 0) return [];
    const values = await this.client.mGet(ids.map((id) => this.keys.account(id)));
    return values.map(parseOrNull).filter((a): a is AccountRecord => a !== null).sort(byUsername);
  }

  /**
   * Read-modify-write: concurrent updates of one account are last-writer-wins
   * (accounts are edited by admins, rarely and one at a time).
   */
  async update(accountId: string, patch: AccountPatch): Promise<AccountRecord | null> {
    const account = await this.get(accountId);
    if (!account) return null;
    const updated = applyPatch(account, patch);
    const written = await this.client.eval(UPDATE_SCRIPT, {
      keys: [this.keys.account(accountId), this.keys.accountRole(account.role), this.keys.accountRole(updated.role)],
      arguments: [accountId, JSON.stringify(updated)],
    });
    return written === 1 ? updated : null;
  }

  async delete(accountId: string): Promise<boolean> {
    const account = await this.get(accountId);
    if (!account) return false;
    const deleted = await this.client.eval(DELETE_SCRIPT, {
      keys: [this.keys.accountUsernames(), this.keys.account(accountId), this.keys.accountIds(), this.keys.accountRole(account.role)],
      arguments: [account.username, accountId],
    });
    return deleted === 1;
  }

  async countByRole(role: AccountRole): Promise<number> {
    return this.client.sCard(this.keys.accountRole(role));
  }
}

/** Values read back are our own writes: parsed, not validated. */
function parseOrNull(json: string | null | undefined): AccountRecord | null {
  return json === null || json === undefined ? null : (JSON.parse(json) as AccountRecord);
}
