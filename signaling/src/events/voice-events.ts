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
  /**
   * Who holds the second floor besides the agent in control: the customer
   * being helped unless the agent passed the microphone to someone else;
   * null: only the agent speaks.
   */
  micHolderId: ParticipantIdSchema.nullable(),
  /** Members whose microphone the server forwards when not muted: the agent in control and the mic holder (R4.2). */
  floor: z.array(ParticipantIdSchema).default([]),
  /** Muted members (their producer is paused on the server); 'agent': muted by the agent in control. */
  muted: z.array(z.object({ participantId: ParticipantIdSchema, by: z.enum(['self', 'agent']) })).default([]),
});
export type VoiceState = z.infer<typeof VoiceStateSchema>;

/**
 * Mute or unmute a call member. Anyone mutes or unmutes themselves; the agent
 * in control mutes another member but never unmutes them. A member muted by
 * the agent unmutes themselves only while they hold a floor.
 */
export const MuteRequestSchema = z
  .object({ sessionId: SessionIdSchema, participantId: ParticipantIdSchema, muted: z.boolean() })
  .strict();
export type MuteRequest = z.infer<typeof MuteRequestSchema>;
