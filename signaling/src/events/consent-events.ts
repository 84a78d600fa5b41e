import { z } from 'zod';
import { ParticipantIdSchema, RequestIdSchema, SessionIdSchema } from '../ids';
import { ConsentActivitySchema, DisplaySurfaceSchema } from '../models';

export const ConsentAskRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    activity: ConsentActivitySchema,
    customerId: ParticipantIdSchema,
    /** For viewing: ask for the whole desktop, a window/application, or the browser tab. */
    surface: DisplaySurfaceSchema.optional(),
  })
  .strict();
export type ConsentAskRequest = z.infer<typeof ConsentAskRequestSchema>;

export const ConsentAnswerRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    requestId: RequestIdSchema,
    granted: z.boolean(),
    /** "Grant permission for all actions during this session without asking again" (R2.2). */
    grantAll: z.boolean().optional(),
    /** The customer's browser cannot do what is asked (e.g. no screen capture on a phone); `granted` must be false. */
    unsupported: z.boolean().optional(),
  })
  .strict();
export type ConsentAnswerRequest = z.infer<typeof ConsentAnswerRequestSchema>;

/** The customer withdraws every grant (and "grant all"); running activities stop at once. */
export const ConsentRevokeRequestSchema = z.object({ sessionId: SessionIdSchema }).strict();
export type ConsentRevokeRequest = z.infer<typeof ConsentRevokeRequestSchema>;

/** The agent in control withdraws a request the customer has not answered yet. */
export const ConsentCancelRequestSchema = z.object({ sessionId: SessionIdSchema, requestId: RequestIdSchema }).strict();
export type ConsentCancelRequest = z.infer<typeof ConsentCancelRequestSchema>;
