import { ApiError, isSessionNumber, normaliseSessionNumber, type ApiClient, type MessageKey, type MessageParams } from '@rs/web-common';
import { LIMITS } from '@rs/signaling';
import type { CustomerCredentials } from './customer-credentials';
import { customerKey } from './customer-key';

/** A join attempt that failed, with the message to show. */
export class JoinError extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly field: 'number' | 'name' | null,
    readonly params?: MessageParams,
    /** The way forward, when there is one (a number that no longer joins: ask for a new one). */
    readonly hint?: MessageKey,
  ) {
    super(messageKey);
  }
}

/** Turns what the customer typed into a customer token for the session (REST `join`). */
export class JoinManager {
  constructor(private readonly api: ApiClient) {}

  async join(numberInput: string, nameInput: string): Promise<CustomerCredentials> {
    const sessionNumber = normaliseSessionNumber(numberInput);
    const displayName = nameInput.trim().slice(0, LIMITS.displayNameLength);
    if (!isSessionNumber(sessionNumber)) throw new JoinError('join.invalidNumber', 'number');
    if (!displayName) throw new JoinError('join.nameRequired', 'name');
    try {
      const key = customerKey();
      const answer = await this.api.join({ sessionNumber, displayName, ...(key ? { customerKey: key } : {}) });
      return { ...answer, sessionNumber };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'RATE_LIMITED') {
        throw new JoinError('join.rateLimited', null, { seconds: error.retryAfterSeconds ?? 60 });
      }
      const key = messageFor(error);
      const field = error instanceof ApiError && (error.code === 'NETWORK_ERROR' || error.code === 'STORE_UNAVAILABLE') ? null : 'number';
      throw new JoinError(key, field, undefined, key === 'join.invalidNumber' ? 'join.askNewNumber' : undefined);
    }
  }
}

function messageFor(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'error.generic';
  switch (error.code) {
    case 'SESSION_NOT_FOUND':
    case 'SESSION_ENDED':
    case 'INVALID_PAYLOAD':
      // Deliberately the same message for unknown, expired and ended numbers.
      return 'join.invalidNumber';
    case 'NETWORK_ERROR':
      return 'error.network';
    case 'STORE_UNAVAILABLE':
      return 'error.storeUnavailable';
    default:
      return 'error.generic';
  }
}
