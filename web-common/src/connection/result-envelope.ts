import { z } from 'zod';
import { ApiError, toErrorCode } from './api-error';

/** The outer shape of every answer: `{ok:true,data}` or `{ok:false,error:{code,message}}`. */
const ResultEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string(), retryAfterSeconds: z.number().optional(), fields: z.record(z.string(), z.string()).optional() }) }),
]);

/**
 * Checks the envelope and the data against `schema`; returns the data or
 * throws an ApiError with the server's code (or BAD_RESPONSE).
 */
export function unwrapResult<T>(raw: unknown, schema: z.ZodType<T, z.ZodTypeDef, unknown>, what: string, httpStatus?: number): T {
  const envelope = ResultEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new ApiError('BAD_RESPONSE', `${what}: answer is not a Result`, httpStatus);
  }
  if (!envelope.data.ok) {
    const { code, message, retryAfterSeconds, fields } = envelope.data.error;
    throw new ApiError(toErrorCode(code), message, httpStatus, retryAfterSeconds, fields);
  }
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) {
    console.warn(`${what}: unexpected answer`, data.error.issues);
    throw new ApiError('BAD_RESPONSE', `${what}: unexpected answer`, httpStatus);
  }
  return data.data;
}
