import { z } from 'zod';
import { MediaIdSchema, ParticipantIdSchema, RequestIdSchema, SessionIdSchema, SessionNumberSchema } from './ids';
import { LIMITS } from './limits';
import { nameSchema } from './text';
import { QualityModeSchema } from './quality';

/**
 * Who a connection speaks for: an account role, a customer (no account, in one
 * session), or a visitor (a customer waiting in a support queue, bound to one entry).
 */
export const RoleSchema = z.enum(['agent', 'supervisor', 'admin', 'customer', 'visitor']);
export type Role = z.infer<typeof RoleSchema>;

export const AccountRoleSchema = z.enum(['agent', 'supervisor', 'admin']);
export type AccountRole = z.infer<typeof AccountRoleSchema>;

/**
 * A participant's role inside one session: 'agent' is the agent in control
 * (the primary), 'assistant' another agent (or a former primary after a
 * transfer of control), 'supervisor' a watcher, 'customer' a customer.
 */
export const SessionRoleSchema = z.enum(['agent', 'assistant', 'supervisor', 'customer']);
export type SessionRole = z.infer<typeof SessionRoleSchema>;

/** Names people see: bidi and control characters stripped, trimmed, length-limited (see text.ts). */
export const DisplayNameSchema = nameSchema(LIMITS.displayNameLength);

export const SessionStateSchema = z.enum(['waiting', 'active', 'ended']);
export type SessionState = z.infer<typeof SessionStateSchema>;

export const SessionSummarySchema = z.object({
  id: SessionIdSchema,
  number: SessionNumberSchema,
  state: SessionStateSchema,
  agentName: DisplayNameSchema,
  createdAt: z.number().int(),
  endedAt: z.number().int().nullable(),
  /** The participant in control (the primary agent); changes on a transfer of control. */
  controllerId: ParticipantIdSchema,
  /** The customer the agent is helping now (R1.2), null until chosen or when none is present. */
  selectedCustomerId: ParticipantIdSchema.nullable(),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

export const ParticipantSchema = z.object({
  id: ParticipantIdSchema,
  role: SessionRoleSchema,
  displayName: DisplayNameSchema,
  connected: z.boolean(),
  joinedAt: z.number().int(),
  leftAt: z.number().int().nullable(),
  /** A customer who ticked "grant all actions for this session" (R2.2); false for others. */
  grantsAll: z.boolean(),
  /**
   * A customer who joined with the number of a session that already had a customer:
   * they wait, receiving nothing of the session, until the agent in control admits them.
   * Absent once admitted (and for everyone else).
   */
  waiting: z.boolean().optional(),
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
  /** A supervisor's private message to an agent; never delivered to customers. */
  whisper: z.boolean(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** What the sharer picked in the browser's picker (display-capture `displaySurface`). */
export const DisplaySurfaceSchema = z.enum(['monitor', 'window', 'browser']);
export type DisplaySurface = z.infer<typeof DisplaySurfaceSchema>;

/** Support activities that touch the customer's machine and need their OK (R2.1). */
export const ConsentActivitySchema = z.enum(['view-desktop', 'control-desktop', 'file-transfer', 'system-info', 'recording']);
export type ConsentActivity = z.infer<typeof ConsentActivitySchema>;

/**
 * pending -> granted | denied; granted -> ended when the activity stops, or
 * revoked when the customer withdraws it (R2.2). pending -> unsupported when
 * the customer's browser cannot do it, cancelled when the agent withdraws the request.
 */
export const ConsentStatusSchema = z.enum(['pending', 'granted', 'denied', 'ended', 'revoked', 'unsupported', 'cancelled']);
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
  /** Granted without a prompt because the customer had granted all actions (R2.2). */
  automatic: z.boolean(),
  /** For viewing: what the agent asked to see (whole desktop, a window, the browser tab); null: any. */
  surface: DisplaySurfaceSchema.nullable(),
});
export type ConsentRequest = z.infer<typeof ConsentRequestSchema>;

/** What a published media track carries. */
/**
 * What a published track carries: 'screen' the customer's shared screen
 * (under consent), 'agent-screen' the agent showing their own screen, 'mic'
 * voice (R4), 'camera' video (R5).
 */
export const MediaSourceSchema = z.enum(['screen', 'agent-screen', 'mic', 'camera']);
export type MediaSource = z.infer<typeof MediaSourceSchema>;


export const MediaKindSchema = z.enum(['audio', 'video']);
export type MediaKind = z.infer<typeof MediaKindSchema>;

export const ProducerInfoSchema = z.object({
  producerId: MediaIdSchema,
  participantId: ParticipantIdSchema,
  source: MediaSourceSchema,
  kind: MediaKindSchema,
  /** For screens: desktop, window or tab, as picked. */
  surface: DisplaySurfaceSchema.nullable(),
  /** Paused by the server (e.g. a microphone without the floor): nothing is forwarded. */
  paused: z.boolean(),
  /** For screens: the quality mode the sender applies (R3.4), so a late joiner's label is right at once. */
  quality: QualityModeSchema.optional(),
});
export type ProducerInfo = z.infer<typeof ProducerInfoSchema>;

/** A line of the session record's audit trail (R2.3, R10.5). */
export const AuditEntrySchema = z.object({
  at: z.number().int(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
