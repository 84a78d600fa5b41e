import { z } from 'zod';

/** Internal identifiers are UUIDs; the session number is what people read aloud. */
export const SessionIdSchema = z.string().uuid();
export const ParticipantIdSchema = z.string().uuid();
export const RequestIdSchema = z.string().uuid();
/** Media object ids are created by mediasoup (UUIDs), kept opaque here. */
export const MediaIdSchema = z.string().min(1).max(64);

/** Nine digits, random, not sequential (see server/src/domain/session-number.ts). */
export const SessionNumberSchema = z.string().regex(/^\d{9}$/, 'a session number has 9 digits');

export type SessionId = z.infer<typeof SessionIdSchema>;
export type ParticipantId = z.infer<typeof ParticipantIdSchema>;
export type SessionNumber = z.infer<typeof SessionNumberSchema>;
