import { z } from 'zod';
import { ParticipantIdSchema, SessionIdSchema } from '../ids';
import { LIMITS } from '../limits';

export const ChatSendRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    text: z.string().trim().min(1).max(LIMITS.chatTextLength),
    /** Omitted or null: to everyone (R6.1). */
    to: ParticipantIdSchema.nullable().optional(),
  })
  .strict();
export type ChatSendRequest = z.infer<typeof ChatSendRequestSchema>;
