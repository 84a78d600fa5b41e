/** Limits enforced by the schemas (and so by the server on every input). */
export const LIMITS = {
  displayNameLength: 64,
  usernameLength: 64,
  passwordLength: 256,
  minPasswordLength: 10,
  chatTextLength: 2000,
  tokenLength: 2048,
  chatHistoryPageSize: 500,
  notesLength: 20_000,
  strokePoints: 2_000,
  strokesPerSession: 500,
  maxSessionsPerAgent: 20,
  /** WebRTC transports one participant may hold at once (send + receive + a margin for a reconnect). */
  transportsPerParticipant: 4,
  /** Transports one participant may create per minute (a failing client retries with backoff). */
  transportCreationsPerMinute: 20,
  /** A key a customer's browser keeps so a rejoin from a new tab replaces its old entry. */
  customerKeyLength: 64,
} as const;
