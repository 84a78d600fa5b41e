import { z } from 'zod';
import { MediaIdSchema, ParticipantIdSchema, RequestIdSchema, SessionIdSchema, SessionNumberSchema } from './ids';
import { LIMITS } from './limits';

export const RoleSchema = z.enum(['agent', 'customer']);
export type Role = z.infer<typeof RoleSchema>;

export const DisplayNameSchema = z.string().trim().min(1).max(LIMITS.displayNameLength);

export const SessionStateSchema = z.enum(['waiting', 'active', 'ended']);
export type SessionState = z.infer<typeof SessionStateSchema>;

export const SessionSummarySchema = z.object({
  id: SessionIdSchema,
  number: SessionNumberSchema,
  state: SessionStateSchema,
  agentName: DisplayNameSchema,
  createdAt: z.number().int(),
  endedAt: z.number().int().nullable(),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

export const ParticipantSchema = z.object({
  id: ParticipantIdSchema,
  role: RoleSchema,
  displayName: DisplayNameSchema,
  connected: z.boolean(),
  joinedAt: z.number().int(),
  leftAt: z.number().int().nullable(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const ChatMessageSchema = z.object({
  id: z.string().uuid(),
  sessionId: SessionIdSchema,
  seq: z.number().int().nonnegative(),
  from: ParticipantIdSchema,
  fromName: DisplayNameSchema,
  /** null: to everyone in the session. */
  to: ParticipantIdSchema.nullable(),
  text: z.string().min(1).max(LIMITS.chatTextLength),
  sentAt: z.number().int(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** Support activities that touch the customer's machine and need their OK (R2.1). */
export const ConsentActivitySchema = z.enum(['view-desktop']);
export type ConsentActivity = z.infer<typeof ConsentActivitySchema>;

/** pending -> granted | denied; granted -> ended when the activity stops. */
export const ConsentStatusSchema = z.enum(['pending', 'granted', 'denied', 'ended']);
export type ConsentStatus = z.infer<typeof ConsentStatusSchema>;

export const ConsentRequestSchema = z.object({
  id: RequestIdSchema,
  sessionId: SessionIdSchema,
  activity: ConsentActivitySchema,
  requestedBy: ParticipantIdSchema,
  customerId: ParticipantIdSchema,
  status: ConsentStatusSchema,
  requestedAt: z.number().int(),
  answeredAt: z.number().int().nullable(),
});
export type ConsentRequest = z.infer<typeof ConsentRequestSchema>;

/** What a published media track carries. */
export const MediaSourceSchema = z.enum(['screen']);
export type MediaSource = z.infer<typeof MediaSourceSchema>;

export const MediaKindSchema = z.enum(['audio', 'video']);
export type MediaKind = z.infer<typeof MediaKindSchema>;

export const ProducerInfoSchema = z.object({
  producerId: MediaIdSchema,
  participantId: ParticipantIdSchema,
  source: MediaSourceSchema,
  kind: MediaKindSchema,
});
export type ProducerInfo = z.infer<typeof ProducerInfoSchema>;
