import { randomBytes, randomUUID } from 'node:crypto';
import type { AccountProfile, AccountRole, AdminAction, AdminAuditEntry, CreateAccountRequest, UpdateAccountRequest } from '@rs/signaling';
import { TypedEmitter } from '../domain/typed-emitter';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { AccountPatch, AccountRecord, AccountStore } from '../store/account-store';
import type { AdminAuditLog } from '../store/admin-audit-log';
import type { PasswordHasher } from './password-hasher';
import type { StaffPrincipal, TokenIssuer } from './principal';

export interface AccountServiceOptions {
  accounts: AccountStore;
  audit: AdminAuditLog;
  /** Revokes every token of an account whose access changed. */
  tokens: Pick<TokenIssuer, 'revokeAccount'>;
  hasher: PasswordHasher;
  log: Logger;
  now?: () => number;
}

/** Who makes an account change (for the admin audit log). */
export type Actor = Pick<StaffPrincipal, 'accountId' | 'displayName'>;

export type AccountServiceEvents = {
  /** The account was disabled or deleted: its live sessions must not go on without it. */
  'locked-out': [accountId: string];
};

export interface FirstAdmin {
  username: string;
  /** Only when the password was generated here: shown once to whoever started the server. */
  generatedPassword: string | null;
}

/**
 * Sign-in and the accounts of agents, supervisors and admins (who may do what is checked by the routes).
 * Every change to an account's access (password, role, disabled, deleted) revokes its tokens at
 * once and is written to the admin audit log; there is always at least one enabled admin.
 */
export class AccountService extends TypedEmitter<AccountServiceEvents> {
  readonly #accounts: AccountStore;
  readonly #audit: AdminAuditLog;
  readonly #tokens: Pick<TokenIssuer, 'revokeAccount'>;
  readonly #hasher: PasswordHasher;
  readonly #log: Logger;
  readonly #now: () => number;
  /** Verified against when the username is unknown, so both failures take the same time. */
  readonly #dummyHash: Promise<string>;

  constructor(options: AccountServiceOptions) {
    super(options.log);
    this.#accounts = options.accounts;
    this.#audit = options.audit;
    this.#tokens = options.tokens;
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
    if (account.disabled) {
      this.#log.warn({ accountId: account.id, address }, 'sign-in of a disabled account');
      throw new AppError('ACCOUNT_DISABLED', 'this account is disabled; ask an administrator');
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

  async create(request: CreateAccountRequest, by?: Actor): Promise<AccountProfile> {
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
      disabled: false,
    };
    if (!(await this.#accounts.create(account))) throw new AppError('ACCOUNT_EXISTS', 'this username is taken');
    this.#log.info({ accountId: account.id, role: account.role }, 'account created');
    if (by) await this.#record(by, 'account:created', account, ['username', 'role']);
    return toProfile(account);
  }

  /**
   * An admin edits an account. A new password or role revokes the account's tokens (its
   * holder signs in again); a role change drops the agent-only fields.
   */
  async update(accountId: string, request: UpdateAccountRequest, by?: Actor): Promise<AccountProfile> {
    const account = await this.#require(accountId);
    const role = request.role ?? account.role;
    if (role !== account.role) await this.#keepAnAdmin(account, by, 'demote');
    await this.#checkAgentFields(role, request);
    const leavesAgent = account.role === 'agent' && role !== 'agent';
    const patch: AccountPatch = {
      displayName: request.displayName,
      role: request.role,
      maxSessions: leavesAgent ? 1 : request.maxSessions,
      supervisorId: leavesAgent ? null : request.supervisorId,
      passwordHash: request.password === undefined ? undefined : await this.#hasher.hash(request.password),
    };
    const updated = await this.#accounts.update(accountId, patch);
    if (!updated) throw new AppError('ACCOUNT_NOT_FOUND', 'no such account');
    if (account.role === 'supervisor' && role !== 'supervisor') await this.#releaseAgentsOf(accountId);
    const fields = Object.keys(request).filter((k) => request[k as keyof UpdateAccountRequest] !== undefined);
    if (request.password !== undefined || role !== account.role) await this.#tokens.revokeAccount(accountId);
    this.#log.info({ accountId, fields }, 'account updated');
    if (by) await this.#record(by, 'account:updated', updated, fields);
    return toProfile(updated);
  }

  /** Disables (tokens revoked, sockets cut, live sessions ended: see 'locked-out') or re-enables an account. */
  async setDisabled(accountId: string, disabled: boolean, by: Actor): Promise<AccountProfile> {
    const account = await this.#require(accountId);
    if (disabled) await this.#keepAnAdmin(account, by, 'disable');
    const updated = await this.#accounts.update(accountId, { disabled });
    if (!updated) throw new AppError('ACCOUNT_NOT_FOUND', 'no such account');
    if (disabled) await this.#lockOut(accountId);
    this.#log.info({ accountId, disabled }, disabled ? 'account disabled' : 'account enabled');
    await this.#record(by, disabled ? 'account:disabled' : 'account:enabled', updated, ['disabled']);
    return toProfile(updated);
  }

  /** Deletes an account; session records keep the names they were written with. */
  async delete(accountId: string, by: Actor): Promise<void> {
    const account = await this.#require(accountId);
    await this.#keepAnAdmin(account, by, 'delete');
    if (!(await this.#accounts.delete(accountId))) throw new AppError('ACCOUNT_NOT_FOUND', 'no such account');
    if (account.role === 'supervisor') await this.#releaseAgentsOf(accountId);
    await this.#lockOut(accountId);
    this.#log.info({ accountId }, 'account deleted');
    await this.#record(by, 'account:deleted', account, []);
  }

  /** Anyone signed in changes their own password; every token of the account issued so far stops working. */
  async changeOwnPassword(accountId: string, currentPassword: string, newPassword: string): Promise<AccountProfile> {
    const account = await this.#require(accountId);
    if (!(await this.#hasher.verify(currentPassword, account.passwordHash))) {
      throw new AppError('INVALID_CREDENTIALS', 'the current password is wrong');
    }
    const updated = await this.#accounts.update(accountId, { passwordHash: await this.#hasher.hash(newPassword) });
    if (!updated) throw new AppError('ACCOUNT_NOT_FOUND', 'no such account');
    await this.#tokens.revokeAccount(accountId);
    this.#log.info({ accountId }, 'password changed by its owner');
    await this.#record({ accountId: account.id, displayName: account.displayName }, 'password:changed', account, ['password']);
    return toProfile(updated);
  }

  /** The admin audit log, newest first. */
  auditLog(limit: number): Promise<AdminAuditEntry[]> {
    return this.#audit.list(limit);
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

  async #lockOut(accountId: string): Promise<void> {
    await this.#tokens.revokeAccount(accountId);
    this.emit('locked-out', accountId);
  }

  /** An admin never locks themselves out, and the last enabled admin stays one. */
  async #keepAnAdmin(account: AccountRecord, by: Actor | undefined, change: 'demote' | 'disable' | 'delete'): Promise<void> {
    if (account.role !== 'admin') return;
    if (by?.accountId === account.id) throw new AppError('LAST_ADMIN', `an admin cannot ${change} their own account`);
    const enabledAdmins = (await this.#accounts.list()).filter((a) => a.role === 'admin' && !a.disabled);
    if (enabledAdmins.length <= 1 && !account.disabled) throw new AppError('LAST_ADMIN', `cannot ${change} the last enabled admin`);
  }

  /** A supervisor's agents report to nobody once it stops being a supervisor. */
  async #releaseAgentsOf(supervisorId: string): Promise<void> {
    for (const agentId of await this.agentsOf(supervisorId)) await this.#accounts.update(agentId, { supervisorId: null });
  }

  async #record(by: Actor, action: AdminAction, target: AccountRecord, fields: string[]): Promise<void> {
    await this.#audit.append({ at: this.#now(), action, actorId: by.accountId, actorName: by.displayName, targetId: target.id, targetName: target.username, fields });
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
  return { id, username, displayName, role, maxSessions, supervisorId, disabled: account.disabled === true };
}
