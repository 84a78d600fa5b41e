import { timingSafeEqual } from 'node:crypto';
import type { AgentProfile } from '@rs/signaling';

export interface AgentAccounts {
  /** The agent's profile when the credentials match, else null. */
  verify(username: string, password: string): Promise<AgentProfile | null>;
}

/**
 * The configured development account (issue: real accounts come later).
 * Compares in constant time so a wrong password leaks nothing by timing.
 */
export class DevAgentAccounts implements AgentAccounts {
  constructor(private readonly account: { username: string; password: string; displayName: string }) {}

  async verify(username: string, password: string): Promise<AgentProfile | null> {
    const userOk = constantTimeEqual(username, this.account.username);
    const passOk = constantTimeEqual(password, this.account.password);
    return userOk && passOk ? { id: this.account.username, displayName: this.account.displayName } : null;
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
