import { ROUTES } from '@rs/signaling';
import type { AccountProfile, CreateAccountRequest, LoginResponse, Result, UpdateAccountRequest } from '@rs/signaling';
import type { Credentials } from './signaling-client';

export type { Credentials };

/** A seeded account: its profile as the admin API returned it, and how to sign in. */
export type SeededAccount = AccountProfile & Credentials;

export interface SeededAccounts {
  /** Two agents reporting to `sam`, each allowed two sessions at once. */
  alice: SeededAccount;
  bob: SeededAccount;
  /** Supervisor of alice and bob. */
  sam: SeededAccount;
}

async function call<T>(baseUrl: string, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const result = (await response.json()) as Result<T>;
  if (!result.ok) throw new Error(`${method} ${path} refused (HTTP ${response.status}): ${result.error.code} ${result.error.message}`);
  return result.data;
}

export function signInOverRest(baseUrl: string, who: Credentials): Promise<LoginResponse> {
  return call<LoginResponse>(baseUrl, 'POST', ROUTES.login, who);
}

async function create(baseUrl: string, adminToken: string, account: CreateAccountRequest): Promise<SeededAccount> {
  const created = await call<AccountProfile>(baseUrl, 'POST', ROUTES.accounts, account, adminToken);
  return { ...created, password: account.password };
}

/** Changes an account as the admin would (e.g. an agent's maximum of sessions). */
export async function updateAccount(baseUrl: string, admin: Credentials, accountId: string, changes: UpdateAccountRequest): Promise<AccountProfile> {
  const { token } = await signInOverRest(baseUrl, admin);
  return call<AccountProfile>(baseUrl, 'PATCH', ROUTES.account(accountId), changes, token);
}

/**
 * Creates, through the admin REST API as a real admin would, a supervisor
 * `sam` and two agents `alice` and `bob` (maxSessions 2) assigned to him.
 * Call once per server: usernames are unique.
 */
export async function seedAccounts(baseUrl: string, admin: Credentials): Promise<SeededAccounts> {
  const { token } = await signInOverRest(baseUrl, admin);
  const sam = await create(baseUrl, token, { username: 'sam', displayName: 'Sam Supervisor', role: 'supervisor', password: 'sam-password-1' });
  const agent = (username: string, displayName: string) =>
    create(baseUrl, token, { username, displayName, role: 'agent', password: `${username}-password-1`, maxSessions: 2, supervisorId: sam.id });
  return { alice: await agent('alice', 'Alice Agent'), bob: await agent('bob', 'Bob Agent'), sam };
}
