import type { LoginResponse } from '@rs/signaling';
import { ApiError, type ApiClient, type MessageKey } from '@rs/web-common';
import { accountCredentials } from './account-credentials';

/** Signs an account in and out (REST login/logout) and remembers the token for this tab. */
export class SignInManager {
  constructor(private readonly api: ApiClient) {}

  async signIn(username: string, password: string): Promise<LoginResponse> {
    const answer = await this.api.login({ username: username.trim().toLowerCase(), password });
    accountCredentials.set(answer);
    return answer;
  }

  /** Forgets the token here at once and asks the server to revoke it (best effort). */
  signOut(): void {
    const stored = accountCredentials.get();
    accountCredentials.clear();
    if (stored) this.api.logout(stored.token).catch((error: unknown) => console.info('logout not confirmed', error));
  }

  /** The message for a failed sign-in. */
  static messageFor(error: unknown): MessageKey {
    if (!(error instanceof ApiError)) return 'error.generic';
    if (error.code === 'INVALID_CREDENTIALS' || error.code === 'INVALID_PAYLOAD' || error.code === 'UNAUTHENTICATED') return 'signIn.invalid';
    if (error.code === 'RATE_LIMITED') return 'signIn.rateLimited';
    if (error.code === 'ACCOUNT_DISABLED') return 'signIn.disabled';
    if (error.code === 'NETWORK_ERROR') return 'error.network';
    if (error.code === 'STORE_UNAVAILABLE') return 'error.storeUnavailable';
    return 'error.generic';
  }
}
