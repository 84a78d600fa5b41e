import { z } from 'zod';
import { ParticipantIdSchema, RequestIdSchema, SessionIdSchema } from '../ids';
import { ConsentActivitySchema } from '../models';

export const ConsentAskRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    activity: ConsentActivitySchema,
    customerId: ParticipantIdSchema,
  })
  .strict();
export type ConsentAskRequest = z.infer<typeof ConsentAskRequestSchema>;

export const ConsentAnswerRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    requestId: RequestIdSchema,
    granted: z.boolean(),
  })
  .strict();
export type ConsentAnswerRequest = z.infer<typeof ConsentAnswerRequestSchema>;
