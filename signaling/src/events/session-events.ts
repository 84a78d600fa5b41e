import { z } from 'zod';
import { ParticipantIdSchema, SessionIdSchema } from '../ids';
import {
  ChatMessageSchema,
  ConsentRequestSchema,
  ParticipantSchema,
  ProducerInfoSchema,
  SessionSummarySchema,
} from '../models';

export const SessionRefSchema = z.object({ sessionId: SessionIdSchema }).strict();
export type SessionRef = z.infer<typeof SessionRefSchema>;

/** Everything a client needs to (re)draw a session after joining or reloading. */
export const SessionSnapshotSchema = z.object({
  session: SessionSummarySchema,
  self: ParticipantSchema,
  participants: z.array(ParticipantSchema),
  chat: z.array(ChatMessageSchema),
  consents: z.array(ConsentRequestSchema),
  producers: z.array(ProducerInfoSchema),
});
export type SessionSnapshot = z.infer<typeof SessionSnapshotSchema>;

export const AgentSessionsResponseSchema = z.object({ sessions: z.array(SessionSummarySchema) });
export type AgentSessionsResponse = z.infer<typeof AgentSessionsResponseSchema>;

export const EmptySchema = z.object({}).strict();

export const ParticipantEventSchema = z.object({ sessionId: SessionIdSchema, participant: ParticipantSchema });
export type ParticipantEvent = z.infer<typeof ParticipantEventSchema>;

export const SessionEndedEventSchema = z.object({
  sessionId: SessionIdSchema,
  endedBy: ParticipantIdSchema,
  endedAt: z.number().int(),
});
export type SessionEndedEvent = z.infer<typeof SessionEndedEventSchema>;
