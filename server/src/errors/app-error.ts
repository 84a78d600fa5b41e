import type { ErrorCode, ErrorPayload } from '@rs/signaling';

/** The one error type of the server: a code from the protocol and a message for humans. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message };
  }
}

/** HTTP status for each error code (socket acks carry the code only). */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'INVALID_PAYLOAD':
    case 'UNKNOWN_EVENT':
    case 'VERSION_MISMATCH':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'FORBIDDEN':
    case 'ACCOUNT_DISABLED':
    case 'CONSENT_REQUIRED':
    case 'NOT_IN_SESSION':
    case 'NOT_ADMITTED':
    case 'NOT_IN_CONTROL':
    case 'NOT_IN_CALL':
    case 'CONTROL_NOT_GRANTED':
    case 'NOT_QUEUE_MEMBER':
    case 'AGENT_UNAVAILABLE':
      return 403;
    case 'SESSION_NOT_FOUND':
    case 'PARTICIPANT_NOT_FOUND':
    case 'CONSENT_NOT_FOUND':
    case 'MEDIA_NOT_FOUND':
    case 'ACCOUNT_NOT_FOUND':
    case 'PAIRING_INVALID':
    case 'QUEUE_NOT_FOUND':
    case 'ENTRY_NOT_FOUND':
    case 'OFFER_NOT_FOUND':
    case 'NOT_IN_QUEUE':
    case 'PHRASE_NOT_FOUND':
      return 404;
    case 'FORM_INVALID':
    case 'TRANSFER_MESSAGE_TOO_LONG':
    case 'FILE_TOO_LARGE':
    case 'INVALID_FILE_NAME':
    case 'TOO_MANY_FILES':
      return 400;
    case 'TRANSFER_NOT_FOUND':
    case 'NO_TRANSFER':
      return 404;
    case 'TRANSFER_STATE':
    case 'P2P_DISABLED':
    case 'HASH_MISMATCH':
    case 'DECLINED':
    case 'CANCELLED':
    case 'FILE_CHANGED':
    case 'STORAGE_FULL':
    case 'FILE_READ_ERROR':
    case 'FILE_WRITE_ERROR':
    case 'FOLDER_NOT_GRANTED':
    case 'FS_FAILED':
    case 'NUMBER_IN_USE':
      return 409;
    case 'FS_TIMEOUT':
      return 504;
    case 'SESSION_ENDED':
    case 'CONSENT_ALREADY_ANSWERED':
    case 'SESSION_LIMIT':
    case 'ACCOUNT_EXISTS':
    case 'LAST_ADMIN':
    case 'MEDIA_LIMIT':
    case 'CONTROL_PAUSED':
    case 'CONTROL_BUSY':
    case 'QUEUE_EMPTY':
    case 'ALREADY_TAKEN':
    case 'NOT_ACCEPTED':
    case 'PHRASE_CODE_TAKEN':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    case 'STORE_UNAVAILABLE':
    case 'HELPER_UNAVAILABLE':
      return 503;
  }
}

/** Turns anything thrown into a payload; unknown errors become INTERNAL (the caller logs the cause). */
export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof AppError) return err.toPayload();
  return { code: 'INTERNAL', message: 'internal error' };
}
