/** Every Redis key the server uses is built here, under one configurable prefix. */
export const DEFAULT_KEY_PREFIX = 'rs:';

export interface RedisKeys {
  /** String: session id; expires until the number is kept (SET NX EX, PERSIST). */
  number(number: string): string;
  /** String: SessionRecord JSON. */
  session(sessionId: string): string;
  /** Set of session ids owned by an agent. */
  agentSessions(agentId: string): string;
  /** Hash: participant id -> ParticipantRecord JSON. */
  participants(sessionId: string): string;
  /** List of ChatMessage JSON; an entry's index is its seq. */
  chat(sessionId: string): string;
  /** Hash: request id -> ConsentRequest JSON. */
  consents(sessionId: string): string;
  /** List of AuditEntry JSON, oldest first. */
  audit(sessionId: string): string;
}

export function createRedisKeys(prefix: string = DEFAULT_KEY_PREFIX): RedisKeys {
  return {
    number: (number) => `${prefix}number:${number}`,
    session: (sessionId) => `${prefix}session:${sessionId}`,
    agentSessions: (agentId) => `${prefix}agent:${agentId}:sessions`,
    participants: (sessionId) => `${prefix}session:${sessionId}:participants`,
    chat: (sessionId) => `${prefix}session:${sessionId}:chat`,
    consents: (sessionId) => `${prefix}session:${sessionId}:consents`,
    audit: (sessionId) => `${prefix}session:${sessionId}:audit`,
  };
}
