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
  /** A customer waiting to be admitted asked for something of the session. */
  'NOT_ADMITTED',
  'PARTICIPANT_NOT_FOUND',
  'CONSENT_REQUIRED',
  'CONSENT_NOT_FOUND',
  'CONSENT_ALREADY_ANSWERED',
  'MEDIA_NOT_FOUND',
  'RATE_LIMITED',
  'SESSION_LIMIT',
  'ACCOUNT_EXISTS',
  'ACCOUNT_NOT_FOUND',
  /** The account was disabled by an admin. */
  'ACCOUNT_DISABLED',
  /** The change would leave no enabled admin, or an admin would lock themselves out. */
  'LAST_ADMIN',
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
  // inbound support queues
  'QUEUE_NOT_FOUND',
  'ENTRY_NOT_FOUND',
  'QUEUE_EMPTY',
  /** Another agent accepted this customer first. */
  'ALREADY_TAKEN',
  /** The offer expired, was declined or was withdrawn. */
  'OFFER_NOT_FOUND',
  'NOT_QUEUE_MEMBER',
  /** The pre-session form breaks the queue's rules (required field, unknown field, option, length). */
  'FORM_INVALID',
  'TRANSFER_MESSAGE_TOO_LONG',
  /** The waiting customer is not accepted yet (queue:admission). */
  'NOT_ACCEPTED',
  /** A customer's session has no queue entry (queue:status). */
  'NOT_IN_QUEUE',
  /** An agent who is away (or over their maximum) cannot take customers. */
  'AGENT_UNAVAILABLE',
  /** The admin's quick phrase code is taken in that language and queue. */
  'PHRASE_CODE_TAKEN',
  'PHRASE_NOT_FOUND',
  // file transfer (R7)
  /** A file is larger than the server's FILE_TRANSFER_MAX_BYTES. */
  'FILE_TOO_LARGE',
  /** A file or folder name is unsafe ('..', separators, control or reserved characters, reserved names, too long). */
  'INVALID_FILE_NAME',
  /** More than FILES_PER_OFFER_MAX files in one offer. */
  'TOO_MANY_FILES',
  'TRANSFER_NOT_FOUND',
  /** The request does not fit the transfer's state (e.g. progress on a finished transfer, accept twice). */
  'TRANSFER_STATE',
  /** No live transfer exists between these two participants (signals and relay need one). */
  'NO_TRANSFER',
  /** Peer to peer is forbidden on this server (FILE_TRANSFER_FORCE_RELAY): use the relay. */
  'P2P_DISABLED',
  /** Sender and receiver computed different SHA-256 for the whole file. */
  'HASH_MISMATCH',
  /** The receiver declined the offer. */
  'DECLINED',
  /** A party cancelled the transfer. */
  'CANCELLED',
  /** A reloaded sender re-selected a file that is not the one offered. */
  'FILE_CHANGED',
  /** The receiver's browser storage is full. */
  'STORAGE_FULL',
  'FILE_READ_ERROR',
  'FILE_WRITE_ERROR',
  /** Folder mode: the customer has not granted a folder. */
  'FOLDER_NOT_GRANTED',
  /** Folder mode: the customer's app did not answer in time. */
  'FS_TIMEOUT',
  /** Folder mode: the customer's app refused or failed the operation (the message says DENIED, NOT_FOUND, EXISTS or FS_ERROR). */
  'FS_FAILED',
  /** A new session number was asked for a session whose number a customer has used (it stays for the whole session). */
  'NUMBER_IN_USE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** RATE_LIMITED: seconds to wait before trying again (also the HTTP Retry-After header). */
  retryAfterSeconds?: number;
  /** FORM_INVALID: the fields refused, by field id ('name', 'email', 'problem' or an admin-defined id) -> reason. */
  fields?: Record<string, string>;
}
