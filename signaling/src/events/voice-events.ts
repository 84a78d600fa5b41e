import { z } from 'zod';
import { ParticipantIdSchema, SessionIdSchema } from '../ids';

/** R4.2: the agent passes the microphone; at most two speak (the agent in control and the holder). */
export const PassMicRequestSchema = z
  .object({ sessionId: SessionIdSchema, participantId: ParticipantIdSchema.nullable() })
  .strict();
export type PassMicRequest = z.infer<typeof PassMicRequestSchema>;

export const VoiceStateSchema = z.object({
  sessionId: SessionIdSchema,
  /** A call is running (the session continues after it ends, R4.1). */
  active: z.boolean(),
  /** Participants in the call. */
  members: z.array(ParticipantIdSchema),
  /** Who holds the microphone besides the agent in control; null: only the agent speaks. */
  micHolderId: ParticipantIdSchema.nullable(),
});
export type VoiceState = z.infer<typeof VoiceStateSchema>;
