import { z } from 'zod';
import { ParticipantIdSchema, SessionIdSchema, SessionNumberSchema } from '../ids';
import { StrokeEventSchema } from './annotation-events';
import { VoiceStateSchema } from './voice-events';
import { LIMITS } from '../limits';
import {
  ChatMessageSchema,
  ConsentRequestSchema,
  DisplayNameSchema,
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
  /** Customers do not see supervisors unless the site says so. */
  participants: z.array(ParticipantSchema),
  /** The newest messages the member may see (the session record keeps them all). */
  chat: z.array(ChatMessageSchema).max(LIMITS.snapshotChatMessages),
  consents: z.array(ConsentRequestSchema),
  producers: z.array(ProducerInfoSchema),
  /** Session notes (R1.7); null for customers, who never see them. */
  notes: z.string().max(LIMITS.notesLength).nullable(),
  voice: VoiceStateSchema,
  /** Annotation strokes on the shared screens (R3.6), oldest first: the newest that fit in LIMITS.snapshotStrokeBytes. */
  strokes: z.array(StrokeEventSchema).max(LIMITS.strokesPerSession),
});
export type SessionSnapshot = z.infer<typeof SessionSnapshotSchema>;

export const AgentSessionsResponseSchema = z.object({ sessions: z.array(SessionSummarySchema) });
export type AgentSessionsResponse = z.infer<typeof AgentSessionsResponseSchema>;

/** An agent joins a running session as assistant by its number (R1.3). */
export const AssistRequestSchema = z.object({ sessionNumber: SessionNumberSchema }).strict();
export type AssistRequest = z.infer<typeof AssistRequestSchema>;

/** The agent in control admits or declines a customer waiting to join (privacy between customers). */
export const AdmitRequestSchema = z.object({ sessionId: SessionIdSchema, participantId: ParticipantIdSchema, admit: z.boolean() }).strict();
export type AdmitRequest = z.infer<typeof AdmitRequestSchema>;

/** To a waiting customer: the agent's answer. Admitted: join again for the whole snapshot. Declined: they are out. */
export const AdmissionEventSchema = z.object({ sessionId: SessionIdSchema, admitted: z.boolean() });
export type AdmissionEvent = z.infer<typeof AdmissionEventSchema>;

export const SelectCustomerRequestSchema = z.object({ sessionId: SessionIdSchema, customerId: ParticipantIdSchema }).strict();
export type SelectCustomerRequest = z.infer<typeof SelectCustomerRequestSchema>;

/** The agent in control hands control to another agent of the session (R1.4). */
export const TransferControlRequestSchema = z.object({ sessionId: SessionIdSchema, toParticipantId: ParticipantIdSchema }).strict();
export type TransferControlRequest = z.infer<typeof TransferControlRequestSchema>;

export const NotesUpdateRequestSchema = z.object({ sessionId: SessionIdSchema, text: z.string().max(LIMITS.notesLength) }).strict();
export type NotesUpdateRequest = z.infer<typeof NotesUpdateRequestSchema>;

/** What a supervisor sees of a live session of one of their agents. */
export const LiveSessionSchema = z.object({
  session: SessionSummarySchema,
  agentName: DisplayNameSchema,
  customers: z.array(DisplayNameSchema),
  participants: z.number().int().nonnegative(),
  /** Activities running now, e.g. 'screen'. */
  active: z.array(z.string()),
});
export type LiveSession = z.infer<typeof LiveSessionSchema>;

export const SupervisorSessionsResponseSchema = z.object({ sessions: z.array(LiveSessionSchema) });
export type SupervisorSessionsResponse = z.infer<typeof SupervisorSessionsResponseSchema>;

export const EmptySchema = z.object({}).strict();

export const ParticipantEventSchema = z.object({ sessionId: SessionIdSchema, participant: ParticipantSchema });
export type ParticipantEvent = z.infer<typeof ParticipantEventSchema>;

export const SessionUpdatedEventSchema = z.object({ session: SessionSummarySchema });
export type SessionUpdatedEvent = z.infer<typeof SessionUpdatedEventSchema>;

export const SessionEndedEventSchema = z.object({
  sessionId: SessionIdSchema,
  endedBy: ParticipantIdSchema,
  endedAt: z.number().int(),
});
export type SessionEndedEvent = z.infer<typeof SessionEndedEventSchema>;

export const NotesUpdatedEventSchema = z.object({ sessionId: SessionIdSchema, text: z.string().max(LIMITS.notesLength) });

/** The agent in control removes a participant who left or lost their connection (a ghost entry). */
export const RemoveParticipantRequestSchema = z.object({ sessionId: SessionIdSchema, participantId: ParticipantIdSchema }).strict();
export type RemoveParticipantRequest = z.infer<typeof RemoveParticipantRequestSchema>;
