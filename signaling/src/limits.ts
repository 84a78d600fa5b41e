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
} as const;
