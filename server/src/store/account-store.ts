import type { AccountProfile, AccountRole } from '@rs/signaling';

/** An account as stored: the profile clients see, plus what they never see. */
export interface AccountRecord extends AccountProfile {
  /** Self-describing scrypt hash (see auth/password-hasher.ts). */
  passwordHash: string;
  createdAt: number;
}

/** What an update may change; username and id never change. */
export type AccountPatch = Partial<Pick<AccountRecord, 'displayName' | 'passwordHash' | 'maxSessions' | 'supervisorId' | 'role' | 'disabled'>>;

/**
 * Agent, supervisor and admin accounts, behind one interface with a memory and a
 * Redis implementation. Both pass test/integration/account-store-contract.test.ts.
 * Usernames are stored as given: callers normalise them (UsernameSchema lower-cases).
 */
export interface AccountStore {
  readonly kind: 'memory' | 'redis';
  /** Stores a new account; false (and nothing stored) when its username is taken. Atomic. */
  create(account: AccountRecord): Promise<boolean>;
  get(accountId: string): Promise<AccountRecord | null>;
  findByUsername(username: string): Promise<AccountRecord | null>;
  /** Every account, by username. */
  list(): Promise<AccountRecord[]>;
  /** Applies the patch; the updated account, or null when it is unknown. */
  update(accountId: string, patch: AccountPatch): Promise<AccountRecord | null>;
  /** Removes the account and frees its username; false when it is unknown. Atomic. */
  delete(accountId: string): Promise<boolean>;
  countByRole(role: AccountRole): Promise<number>;
}

export function byUsername(a: AccountRecord, b: AccountRecord): number {
  return a.username < b.username ? -1 : a.username > b.username ? 1 : 0;
}

/** Keeps only the patch's own, defined fields (an explicit null supervisorId is kept). */
export function applyPatch(account: AccountRecord, patch: AccountPatch): AccountRecord {
  const defined = Object.entries(patch).filter(([, value]) => value !== undefined);
  return { ...account, ...(Object.fromEntries(defined) as AccountPatch) };
}
