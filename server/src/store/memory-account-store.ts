import type { AccountRole } from '@rs/signaling';
import { applyPatch, byUsername } from './account-store';
import type { AccountPatch, AccountRecord, AccountStore } from './account-store';

/**
 * Single-process AccountStore on Maps. Values are cloned in and out; each method
 * runs without awaiting, so each is atomic (create's username check included).
 */
export class MemoryAccountStore implements AccountStore {
  readonly kind = 'memory' as const;
  readonly #accounts = new Map<string, AccountRecord>();
  readonly #idsByUsername = new Map<string, string>();

  async create(account: AccountRecord): Promise<boolean> {
    if (this.#idsByUsername.has(account.username) || this.#accounts.has(account.id)) return false;
    this.#idsByUsername.set(account.username, account.id);
    this.#accounts.set(account.id, structuredClone(account));
    return true;
  }

  async get(accountId: string): Promise<AccountRecord | null> {
    const account = this.#accounts.get(accountId);
    return account ? structuredClone(account) : null;
  }

  async findByUsername(username: string): Promise<AccountRecord | null> {
    const id = this.#idsByUsername.get(username);
    return id === undefined ? null : this.get(id);
  }

  async list(): Promise<AccountRecord[]> {
    return [...this.#accounts.values()].sort(byUsername).map((a) => structuredClone(a));
  }

  async update(accountId: string, patch: AccountPatch): Promise<AccountRecord | null> {
    const account = this.#accounts.get(accountId);
    if (!account) return null;
    const updated = applyPatch(account, structuredClone(patch));
    this.#accounts.set(accountId, updated);
    return structuredClone(updated);
  }

  async delete(accountId: string): Promise<boolean> {
    const account = this.#accounts.get(accountId);
    if (!account) return false;
    this.#accounts.delete(accountId);
    this.#idsByUsername.delete(account.username);
    return true;
  }

  async countByRole(role: AccountRole): Promise<number> {
    let count = 0;
    for (const account of this.#accounts.values()) if (account.role === role) count += 1;
    return count;
  }
}
