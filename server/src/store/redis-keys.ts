/** Every Redis key the server uses is built here, under one configurable prefix. */
export const DEFAULT_KEY_PREFIX = 'rs:';

export interface RedisKeys {
  /** String: session id; expires until the number is kept (SET NX EX, PERSIST). */
  number(number: string): string;
  /** String: SessionRecord JSON. */
  session(sessionId: string): string;
  /** Set of session ids an agent account started or assists. */
  agentSessions(agentId: string): string;
  /** String: the session notes. */
  notes(sessionId: string): string;
  /** Hash: participant id -> ParticipantRecord JSON. */
  participants(sessionId: string): string;
  /** List of ChatMessage JSON; an entry's index is its seq. */
  chat(sessionId: string): string;
  /** Hash: request id -> ConsentRequest JSON. */
  consents(sessionId: string): string;
  /** List of AuditEntry JSON, oldest first. */
  audit(sessionId: string): string;
  /** String: AccountRecord JSON. */
  account(accountId: string): string;
  /** Hash: username -> account id (HSETNX keeps usernames unique). */
  accountUsernames(): string;
  /** Set of every account id. */
  accountIds(): string;
  /** Set of the account ids of one role (roles never change). */
  accountRole(role: string): string;
  /** String, expires with the token: a revoked token's id (sign-out). */
  revokedToken(tokenId: string): string;
  /** Counter of one fixed rate-limit window, expires with the window. */
  rateLimit(key: string): string;
  /** Pub/sub channel: the id of each token revoked, so every node cuts its sockets. */
  revocationsChannel(): string;
  /** String, expires with the code (SET NX PX, GETDEL): a helper pairing code's PairingRecord JSON. */
  pairing(code: string): string;
}

export function createRedisKeys(prefix: string = DEFAULT_KEY_PREFIX): RedisKeys {
  return {
    number: (number) => `${prefix}number:${number}`,
    session: (sessionId) => `${prefix}session:${sessionId}`,
    agentSessions: (agentId) => `${prefix}agent:${agentId}:sessions`,
    notes: (sessionId) => `${prefix}session:${sessionId}:notes`,
    participants: (sessionId) => `${prefix}session:${sessionId}:participants`,
    chat: (sessionId) => `${prefix}session:${sessionId}:chat`,
    consents: (sessionId) => `${prefix}session:${sessionId}:consents`,
    audit: (sessionId) => `${prefix}session:${sessionId}:audit`,
    account: (accountId) => `${prefix}account:${accountId}`,
    accountUsernames: () => `${prefix}accounts:usernames`,
    accountIds: () => `${prefix}accounts:ids`,
    accountRole: (role) => `${prefix}accounts:role:${role}`,
    revokedToken: (tokenId) => `${prefix}revoked-token:${tokenId}`,
    rateLimit: (key) => `${prefix}rate:${key}`,
    revocationsChannel: () => `${prefix}revocations`,
    pairing: (code) => `${prefix}pairing:${code}`,
  };
}
