/** Every error a client can receive, HTTP or socket. */
export const ERROR_CODES = [
  'INVALID_PAYLOAD',
  'UNKNOWN_EVENT',
  'VERSION_MISMATCH',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'SESSION_NOT_FOUND',
  'SESSION_ENDED',
  'NOT_IN_SESSION',
  'PARTICIPANT_NOT_FOUND',
  'CONSENT_REQUIRED',
  'CONSENT_NOT_FOUND',
  'CONSENT_ALREADY_ANSWERED',
  'MEDIA_NOT_FOUND',
  'RATE_LIMITED',
  'SESSION_LIMIT',
  'ACCOUNT_EXISTS',
  'ACCOUNT_NOT_FOUND',
  'NOT_IN_CONTROL',
  'MEDIA_LIMIT',
  'NOT_IN_CALL',
  'INTERNAL',
  'STORE_UNAVAILABLE',
  /** Remote control: no active grant for this sender (not granted, not the controller, stopped). */
  'CONTROL_NOT_GRANTED',
  /** Remote control is paused (the person at the machine is using it, or someone annotates). */
  'CONTROL_PAUSED',
  /** Remote control is already asked for or running in this session. */
  'CONTROL_BUSY',
  /** The helper program is not connected, or not built on this server. */
  'HELPER_UNAVAILABLE',
  /** A helper pairing code or resume token is unknown, used or expired. */
  'PAIRING_INVALID',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** RATE_LIMITED: seconds to wait before trying again (also the HTTP Retry-After header). */
  retryAfterSeconds?: number;
}
