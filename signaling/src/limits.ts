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
  /** Points of one annotation stroke (clients simplify longer strokes). */
  strokePoints: 1_000,
  /** Ink a session keeps: one participant over their share loses their oldest strokes... */
  strokesPerParticipant: 100,
  pointsPerParticipant: 20_000,
  /** ...and a session over its budget refuses new strokes (MEDIA_LIMIT) until some are erased. */
  strokesPerSession: 300,
  pointsPerSession: 60_000,
  /** Bytes of strokes (JSON) a late joiner's snapshot carries at most: the newest that fit. */
  snapshotStrokeBytes: 1_048_576,
  /** Chat messages a join snapshot carries at most (the newest); the session record keeps them all. */
  snapshotChatMessages: 200,
  maxSessionsPerAgent: 20,
  /** WebRTC transports one participant may hold at once (send + receive + a margin for a reconnect). */
  transportsPerParticipant: 4,
  /** Transports one participant may create per minute (a failing client retries with backoff). */
  transportCreationsPerMinute: 20,
  /** A key a customer's browser keeps so a rejoin from a new tab replaces its old entry. */
  customerKeyLength: 64,
} as const;
