import type { AccountProfile, CreateAccountRequest, UpdateAccountRequest } from '@rs/signaling';
import { ApiError, TypedEmitter, type ApiClient, type MessageKey } from '@rs/web-common';

export type AccountsEvents = {
  changed: [AccountProfile[]];
  /** The token is no longer accepted: sign in again. */
  unauthenticated: [];
};

/** The admin's accounts (REST only): list, create agents and supervisors, set limits and supervisors. */
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

  async load(): Promise<void> {
    const { accounts } = await this.guard(this.api.listAccounts(this.token));
    this.accounts = [...accounts].sort((a, b) => a.username.localeCompare(b.username));
    this.events.emit('changed', this.list());
  }

  async create(body: CreateAccountRequest): Promise<AccountProfile> {
    const created = await this.guard(this.api.createAccount(this.token, body));
    this.accounts = [...this.accounts, created].sort((a, b) => a.username.localeCompare(b.username));
    this.events.emit('changed', this.list());
    return created;
  }

  async update(accountId: string, body: UpdateAccountRequest): Promise<AccountProfile> {
    const updated = await this.guard(this.api.updateAccount(this.token, accountId, body));
    this.accounts = this.accounts.map((account) => (account.id === updated.id ? updated : account));
    this.events.emit('changed', this.list());
    return updated;
  }

  /** The message for a refused change. */
  static messageFor(error: unknown): MessageKey {
    const code = error instanceof ApiError ? error.code : 'INTERNAL';
    if (code === 'ACCOUNT_EXISTS') return 'admin.exists';
    if (code === 'INVALID_PAYLOAD') return 'admin.invalid';
    if (code === 'ACCOUNT_NOT_FOUND') return 'admin.notFound';
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
