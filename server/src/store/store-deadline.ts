import {
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  ErrorReply,
  ReconnectStrategyError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
} from 'redis';
import { AppError } from '../errors/app-error';

/** Default time a store call may take before it fails with STORE_UNAVAILABLE. */
export const DEFAULT_STORE_TIMEOUT_MS = 3000;

const CONNECTION_ERRORS = [
  ClientClosedError, ClientOfflineError, ConnectionTimeoutError, ReconnectStrategyError,
  SocketClosedUnexpectedlyError, SocketTimeoutError, TimeoutError,
];
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', 'ETIMEDOUT']);
/** Replies of a Redis that is up but cannot serve yet (loading its append-only file, ...). */
const NOT_READY_REPLY = /^(LOADING|MASTERDOWN|BUSY|TRYAGAIN)\b/;

export function storeUnavailable(): AppError {
  return new AppError('STORE_UNAVAILABLE', 'the server cannot reach its state store; try again in a moment');
}

/** True for the errors of a Redis that is down, unreachable or not ready (not for a bad command). */
export function isStoreConnectionError(err: unknown): boolean {
  if (CONNECTION_ERRORS.some((type) => err instanceof type)) return true;
  if (err instanceof ErrorReply) return NOT_READY_REPLY.test(err.message);
  return SOCKET_CODES.has((err as NodeJS.ErrnoException | null)?.code ?? '');
}

/**
 * Wraps a Redis-backed store so that every call settles within timeoutMs: a call
 * Redis does not answer in time (e.g. a stalled server) or that fails because the
 * connection is down rejects with AppError STORE_UNAVAILABLE, which both the HTTP
 * error handler and socket acks turn into a clear answer. Other errors pass unchanged.
 * A late answer of a timed-out call is dropped.
 */
export function withStoreDeadline<T extends object>(store: T, timeoutMs: number = DEFAULT_STORE_TIMEOUT_MS): T {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        return isPromise(result) ? settleWithin(result, timeoutMs) : result;
      };
    },
  });
}

function settleWithin<R>(call: Promise<R>, timeoutMs: number): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const timer = setTimeout(() => reject(storeUnavailable()), timeoutMs);
    call.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(asError(err));
      },
    );
  });
}

/** A connection failure becomes STORE_UNAVAILABLE; any other error passes unchanged. */
function asError(err: unknown): Error {
  if (isStoreConnectionError(err)) return storeUnavailable();
  return err instanceof Error ? err : new Error(String(err));
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | null)?.then === 'function';
}
