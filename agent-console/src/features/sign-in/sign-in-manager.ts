import type { AgentLoginResponse } from '@rs/signaling';
import { ApiError, type ApiClient, type MessageKey } from '@rs/web-common';
import { agentCredentials } from './agent-credentials';

/** Signs the agent in (REST `agent/login`) and remembers the token for this tab. */
export class SignInManager {
  constructor(private readonly api: ApiClient) {}

  async signIn(username: string, password: string): Promise<AgentLoginResponse> {
    const answer = await this.api.login({ username: username.trim(), password });
    agentCredentials.set(answer);
    return answer;
  }

  signOut(): void {
    agentCredentials.clear();
  }

  /** The message for a failed sign-in. */
  static messageFor(error: unknown): MessageKey {
    if (!(error instanceof ApiError)) return 'error.generic';
    if (error.code === 'INVALID_CREDENTIALS' || error.code === 'INVALID_PAYLOAD' || error.code === 'UNAUTHENTICATED') return 'signIn.invalid';
    if (error.code === 'NETWORK_ERROR') return 'error.network';
    return 'error.generic';
  }
}
