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
  /** Hash: transfer id -> TransferRecord JSON. */
  transfers(sessionId: string): string;
  /** List of transfer ids in the order they were created. */
  transferOrder(sessionId: string): string;
  /** String: AccountRecord JSON. */
  account(accountId: string): string;
  /** Hash: username -> account id (HSETNX keeps usernames unique). */
  accountUsernames(): string;
  /** Set of every account id. */
  accountIds(): string;
  /** Set of the account ids of one role. */
  accountRole(role: string): string;
  /** List of AdminAuditEntry JSON, newest first (trimmed). */
  adminAudit(): string;
  /** String (ms), expires after the longest token life: tokens of this account issued earlier are refused. */
  revokedSubject(subjectId: string): string;
  /** String, expires with the token: a revoked token's id (sign-out). */
  revokedToken(tokenId: string): string;
  /** Counter of one fixed rate-limit window, expires with the window. */
  rateLimit(key: string): string;
  /** Pub/sub channel: each token (t:<id>) or account (s:<id>) revoked, so every node cuts its sockets. */
  revocationsChannel(): string;
  /** String, expires with the code (SET NX PX, GETDEL): a helper pairing code's PairingRecord JSON. */
  pairing(code: string): string;
  /** Hash: queue id -> Queue JSON. */
  queues(): string;
  /** Hash: quick phrase id -> QuickPhrase JSON. */
  quickPhrases(): string;
  /** Hash: one queue entry, each EntryRecord field JSON-encoded (claims test and set `state` in Lua). */
  queueEntry(entryId: string): string;
  /** Prefix of queueEntry keys (the claim-next script builds the key of the entry it took). */
  queueEntryPrefix(): string;
  /** Sorted set: entry ids waiting in a queue, score = waitScore (transferred first, then enqueue time). */
  queueWaiting(queueId: string): string;
  /** Prefix of queueWaiting keys (scripts find an entry's queue from its queueId field). */
  queueWaitingPrefix(): string;
  /** Sorted set: entries offered to named agents (transfers outside any queue). */
  queueDirected(): string;
  /** Sorted set: every entry id by request time (the records list). */
  queueHistory(): string;
  /** Hash: session id -> entry id. */
  sessionEntries(): string;
  /** Hash: agent account id -> PresenceRecord JSON. */
  presence(): string;
  /** List: a queue's newest handling times in seconds, newest first. */
  handlingTimes(queueId: string): string;
  /** String with a TTL: the node leading a periodic job (SET NX PX). */
  lease(name: string): string;
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
    transfers: (sessionId) => `${prefix}session:${sessionId}:transfers`,
    transferOrder: (sessionId) => `${prefix}session:${sessionId}:transfer-order`,
    account: (accountId) => `${prefix}account:${accountId}`,
    accountUsernames: () => `${prefix}accounts:usernames`,
    accountIds: () => `${prefix}accounts:ids`,
    accountRole: (role) => `${prefix}accounts:role:${role}`,
    adminAudit: () => `${prefix}admin:audit`,
    revokedSubject: (subjectId) => `${prefix}revoked-subject:${subjectId}`,
    revokedToken: (tokenId) => `${prefix}revoked-token:${tokenId}`,
    rateLimit: (key) => `${prefix}rate:${key}`,
    revocationsChannel: () => `${prefix}revocations`,
    pairing: (code) => `${prefix}pairing:${code}`,
    queues: () => `${prefix}queues`,
    quickPhrases: () => `${prefix}quick-phrases`,
    queueEntry: (entryId) => `${prefix}queue-entry:${entryId}`,
    queueEntryPrefix: () => `${prefix}queue-entry:`,
    queueWaiting: (queueId) => `${prefix}queue:${queueId}:waiting`,
    queueWaitingPrefix: () => `${prefix}queue:`,
    queueDirected: () => `${prefix}queue-directed`,
    queueHistory: () => `${prefix}queue-history`,
    sessionEntries: () => `${prefix}session-entries`,
    presence: () => `${prefix}presence`,
    handlingTimes: (queueId) => `${prefix}queue:${queueId}:handling-times`,
    lease: (name) => `${prefix}lease:${name}`,
  };
}
