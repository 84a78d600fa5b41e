import type { AccountProfile, AdminAuditEntry, CreateAccountRequest, UpdateAccountRequest } from '@rs/signaling';
import { ApiError, TypedEmitter, type ApiClient, type MessageKey } from '@rs/web-common';

export type AccountsEvents = {
  changed: [AccountProfile[]];
  /** The admin audit log, newest first (reloaded after each change made here). */
  audit: [AdminAuditEntry[]];
  /** The token is no longer accepted: sign in again. */
  unauthenticated: [];
};

/** The admin's accounts (REST only): list, create, edit, disable, delete, and the audit log of those changes. */
export class AccountsManager {
  readonly events = new TypedEmitter<AccountsEvents>();
  private accounts: AccountProfile[] = [];

  constructor(
    private readonly api: ApiClient,
    private readonly token: string,
  ) {}

  list(): AccountProfile[] {
    return [...this.accounts];
  }

  supervisors(): AccountProfile[] {
    return this.accounts.filter((account) => account.role === 'supervisor');
  }

  /** Accounts and the audit log (a change can touch other accounts: a deleted supervisor's agents). */
  async load(): Promise<void> {
    const [{ accounts }, { entries }] = await Promise.all([this.guard(this.api.listAccounts(this.token)), this.guard(this.api.adminAudit(this.token))]);
    this.accounts = [...accounts].sort((a, b) => a.username.localeCompare(b.username));
    this.events.emit('changed', this.list());
    this.events.emit('audit', entries);
  }

  async create(body: CreateAccountRequest): Promise<AccountProfile> {
    const created = await this.guard(this.api.createAccount(this.token, body));
    await this.load();
    return created;
  }

  async update(accountId: string, body: UpdateAccountRequest): Promise<AccountProfile> {
    const updated = await this.guard(this.api.updateAccount(this.token, accountId, body));
    await this.load();
    return updated;
  }

  async setDisabled(accountId: string, disabled: boolean): Promise<void> {
    await this.guard(this.api.setAccountDisabled(this.token, accountId, disabled));
    await this.load();
  }

  async remove(accountId: string): Promise<void> {
    await this.guard(this.api.deleteAccount(this.token, accountId));
    await this.load();
  }

  /** The message for a refused change. */
  static messageFor(error: unknown): MessageKey {
    const code = error instanceof ApiError ? error.code : 'INTERNAL';
    if (code === 'ACCOUNT_EXISTS') return 'admin.exists';
    if (code === 'INVALID_PAYLOAD') return 'admin.invalid';
    if (code === 'ACCOUNT_NOT_FOUND') return 'admin.notFound';
    if (code === 'LAST_ADMIN') return 'admin.lastAdmin';
    if (code === 'NETWORK_ERROR') return 'error.network';
    return 'error.generic';
  }

  private async guard<T>(call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') this.events.emit('unauthenticated');
      throw error;
    }
  }
}
