import { randomBytes, randomUUID } from 'node:crypto';
import type { AccountProfile, AccountRole, CreateAccountRequest, UpdateAccountRequest } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { AccountPatch, AccountRecord, AccountStore } from '../store/account-store';
import type { PasswordHasher } from './password-hasher';

export interface AccountServiceOptions {
  accounts: AccountStore;
  hasher: PasswordHasher;
  log: Logger;
  now?: () => number;
}

export interface FirstAdmin {
  username: string;
  /** Only when the password was generated here: shown once to whoever started the server. */
  generatedPassword: string | null;
}

/** Sign-in and the accounts of agents, supervisors and admins (who may do what is checked by the routes). */
export class AccountService {
  readonly #accounts: AccountStore;
  readonly #hasher: PasswordHasher;
  readonly #log: Logger;
  readonly #now: () => number;
  /** Verified against when the username is unknown, so both failures take the same time. */
  readonly #dummyHash: Promise<string>;

  constructor(options: AccountServiceOptions) {
    this.#accounts = options.accounts;
    this.#hasher = options.hasher;
    this.#log = options.log;
    this.#now = options.now ?? Date.now;
    // Made up front, so even the first unknown-user attempt costs one hash, not two.
    this.#dummyHash = this.#hasher.hash(randomBytes(16).toString('hex'));
    this.#dummyHash.catch(() => {});
  }

  /** The account, or INVALID_CREDENTIALS alike for an unknown user and a wrong password. */
  async signIn(username: string, password: string, address: string): Promise<AccountProfile> {
    const account = await this.#accounts.findByUsername(username);
    const matches = await this.#hasher.verify(password, account?.passwordHash ?? (await this.#dummyHash));
    if (!account || !matches) {
      this.#log.warn({ address }, 'sign-in failed');
      throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
    }
    if (this.#hasher.needsRehash(account.passwordHash)) {
      await this.#accounts.update(account.id, { passwordHash: await this.#hasher.hash(password) });
    }
    this.#log.info({ accountId: account.id, role: account.role }, 'signed in');
    return toProfile(account);
  }

  async get(accountId: string): Promise<AccountProfile> {
    return toProfile(await this.#require(accountId));
  }

  async list(): Promise<AccountProfile[]> {
    return (await this.#accounts.list()).map(toProfile);
  }

  /** Agent account ids assigned to this supervisor (the lead's StaffDirectory). */
  async agentsOf(supervisorId: string): Promise<string[]> {
    const all = await this.#accounts.list();
    return all.filter((a) => a.role === 'agent' && a.supervisorId === supervisorId).map((a) => a.id);
  }

  async create(request: CreateAccountRequest): Promise<AccountProfile> {
    const supervisorId = request.supervisorId ?? null;
    await this.#checkAgentFields(request.role, { supervisorId, maxSessions: request.maxSessions });
    const account: AccountRecord = {
      id: randomUUID(),
      username: request.username,
      displayName: request.displayName,
      role: request.role,
      maxSessions: request.maxSessions ?? 1,
      supervisorId,
      passwordHash: await this.#hasher.hash(request.password),
      createdAt: this.#now(),
    };
    if (!(await this.#accounts.create(account))) throw new AppError('ACCOUNT_EXISTS', 'this username is taken');
    this.#log.info({ accountId: account.id, role: account.role }, 'account created');
    return toProfile(account);
  }

  async update(accountId: string, request: UpdateAccountRequest): Promise<AccountProfile> {
    const account = await this.#require(accountId);
    await this.#checkAgentFields(account.role, request);
    const patch: AccountPatch = {
      displayName: request.displayName,
      maxSessions: request.maxSessions,
      supervisorId: request.supervisorId,
      passwordHash: request.password === undefined ? undefined : await this.#hasher.hash(request.password),
    };
    const updated = await this.#accounts.update(accountId, patch);
    if (!updated) throw new AppError('ACCOUNT_NOT_FOUND', 'no such account');
    this.#log.info({ accountId, fields: Object.keys(request) }, 'account updated');
    return toProfile(updated);
  }

  /** Assigns an agent to a supervisor (null: to none). */
  assignSupervisor(agentId: string, supervisorId: string | null): Promise<AccountProfile> {
    return this.update(agentId, { supervisorId });
  }

  /** Sessions an agent may run at once (1 = single-session mode). */
  setMaxSessions(agentId: string, maxSessions: number): Promise<AccountProfile> {
    return this.update(agentId, { maxSessions });
  }

  /**
   * At boot: creates the first admin when there is no admin yet (with a random
   * password when none is given). Safe when several nodes boot at once: the
   * username is claimed atomically, and losing to an admin of that name is fine.
   */
  async ensureFirstAdmin(given: { username: string; password?: string; displayName?: string }): Promise<FirstAdmin | null> {
    if ((await this.#accounts.countByRole('admin')) > 0) return null;
    const generatedPassword = given.password ? null : randomBytes(18).toString('base64url');
    const password = given.password ?? generatedPassword ?? '';
    try {
      await this.create({ username: given.username, displayName: given.displayName ?? 'Administrator', role: 'admin', password });
    } catch (err) {
      const existing = await this.#accounts.findByUsername(given.username);
      if (err instanceof AppError && err.code === 'ACCOUNT_EXISTS' && existing?.role === 'admin') return null;
      throw err;
    }
    return { username: given.username, generatedPassword };
  }

  async #require(accountId: string): Promise<AccountRecord> {
    const account = await this.#accounts.get(accountId);
    if (!account) throw new AppError('ACCOUNT_NOT_FOUND', 'no such account');
    return account;
  }

  /** Only agents have a supervisor and a session limit; a supervisor must be a supervisor account. */
  async #checkAgentFields(role: AccountRole, fields: { supervisorId?: string | null; maxSessions?: number }): Promise<void> {
    if (role !== 'agent' && (fields.supervisorId || fields.maxSessions !== undefined)) {
      throw new AppError('INVALID_PAYLOAD', 'only agents have a supervisor and a session limit');
    }
    if (!fields.supervisorId) return;
    const supervisor = await this.#accounts.get(fields.supervisorId);
    if (supervisor?.role !== 'supervisor') throw new AppError('INVALID_PAYLOAD', 'supervisorId: not a supervisor account');
  }
}

/** What clients may see of an account: never the hash. */
export function toProfile(account: AccountRecord): AccountProfile {
  const { id, username, displayName, role, maxSessions, supervisorId } = account;
  return { id, username, displayName, role, maxSessions, supervisorId };
}
