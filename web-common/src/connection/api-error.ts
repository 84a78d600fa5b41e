import { ERROR_CODES, type ErrorCode } from '@rs/signaling';

/** Server error codes plus the failures only a client can see. */
export type ClientErrorCode = ErrorCode | 'TIMEOUT' | 'NETWORK_ERROR' | 'BAD_RESPONSE' | 'DISCONNECTED';

/** A failed REST call or socket request, carrying the error code. */
export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly httpStatus?: number,
    /** RATE_LIMITED: seconds the server asks to wait. */
    readonly retryAfterSeconds?: number,
    /** FORM_INVALID: the fields refused, by id, with the server's reason. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value);
}

/** An unknown code from the wire becomes INTERNAL rather than a lie in the type. */
export function toErrorCode(value: string): ErrorCode {
  return isErrorCode(value) ? value : 'INTERNAL';
}

export function errorCodeOf(error: unknown): ClientErrorCode {
  return error instanceof ApiError ? error.code : 'INTERNAL';
}
