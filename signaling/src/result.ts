import type { ErrorPayload } from './errors';

/** The envelope of every socket acknowledgement and every REST answer. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}
