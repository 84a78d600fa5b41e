import type { z } from 'zod';
import { AppError } from '../errors/app-error';

/** Parses a REST body with its protocol schema, or refuses with INVALID_PAYLOAD. */
export function parseBody<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('INVALID_PAYLOAD', first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'invalid body');
  }
  return parsed.data;
}
