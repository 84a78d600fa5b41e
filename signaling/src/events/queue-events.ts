import { z } from 'zod';
import { SessionIdSchema } from '../ids';
import { LIMITS } from '../limits';
import { SessionSummarySchema } from '../models';
import {
  AccountIdSchema,
  AgentPresenceSchema,
  ChosenPresenceSchema,
  EntryIdSchema,
  FirstMessageSchema,
  LanguageSchema,
  OfferIdSchema,
  QUEUE_LIMITS,
  QueueEntrySchema,
  QueueIdSchema,
  QueueRoutingSchema,
  LocalizedNameSchema,
  QuickPhraseSchema,
  TransferNoteSchema,
  WaitStatusSchema,
} from '../queue-models';

/**
 * Inbound support over the socket (R1.1, R1.5, R6.2). Who sends what:
 * - a waiting customer ('visitor': the waitToken from POST /api/help in the
 *   handshake) reads and updates their own entry only;
 * - agents set presence, see their queues, accept, answer offers, transfer;
 * - supervisors watch the queue board.
 */

// ---- waiting customer -> server -------------------------------------------------

export const FirstMessageRequestSchema = z.object({ text: FirstMessageSchema }).strict();
export type FirstMessageRequest = z.infer<typeof FirstMessageRequestSchema>;

/** After the maximum wait: leave a message (stored in the record) instead of waiting. */
export const LeaveMessageRequestSchema = z.object({ text: z.string().trim().min(1).max(QUEUE_LIMITS.leftMessageLength) }).strict();
export type LeaveMessageRequest = z.infer<typeof LeaveMessageRequestSchema>;

/**
 * How a waiting customer enters the session an agent accepted them into: the
 * same customer token POST /api/join gives (reconnect the socket with it, then
 * `session:join`). Pushed with `queue:accepted`; `queue:admission` asks again
 * (e.g. after a reload at that moment).
 */
export const AdmissionSchema = z.object({
  token: z.string().max(LIMITS.tokenLength),
  sessionId: SessionIdSchema,
  participantId: z.string().uuid(),
});
export type Admission = z.infer<typeof AdmissionSchema>;

// ---- agent -> server ------------------------------------------------------------

export const SetPresenceRequestSchema = z.object({ state: ChosenPresenceSchema }).strict();
export type SetPresenceRequest = z.infer<typeof SetPresenceRequestSchema>;

/** Accept the head of one queue (per its order), or of all my queues (the longest waiting) when queueId is omitted. */
export const AcceptNextRequestSchema = z.object({ queueId: QueueIdSchema.optional() }).strict();
export type AcceptNextRequest = z.infer<typeof AcceptNextRequestSchema>;

export const AcceptEntryRequestSchema = z.object({ entryId: EntryIdSchema }).strict();
export type AcceptEntryRequest = z.infer<typeof AcceptEntryRequestSchema>;

export const OfferRefSchema = z.object({ offerId: OfferIdSchema }).strict();
export type OfferRef = z.infer<typeof OfferRefSchema>;

/**
 * The agent now in the session with the customer: join it with `session:join`
 * ({sessionId}). A transferred session brings the transfer note (message and who sent it).
 */
export const AcceptResponseSchema = z.object({
  entryId: EntryIdSchema,
  session: SessionSummarySchema,
  entry: QueueEntrySchema,
  transfer: TransferNoteSchema.nullable(),
});
export type AcceptResponse = z.infer<typeof AcceptResponseSchema>;

export const TransferTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), queueId: QueueIdSchema }).strict(),
  z.object({ kind: z.literal('agents'), agentIds: z.array(AccountIdSchema).min(1).max(QUEUE_LIMITS.transferAgents) }).strict(),
]);
export type TransferTarget = z.infer<typeof TransferTargetSchema>;

/**
 * Transfer the session (R1.5). The message is checked by the server: longer
 * than QUEUE_LIMITS.transferMessageLength (345) is refused with TRANSFER_MESSAGE_TOO_LONG.
 * The customer is told and waits (at the front of the queue, or offered to the
 * named agents); the transferring agent leaves; a running voice call ends.
 */
export const SessionTransferRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    target: TransferTargetSchema,
    message: z.string().trim().max(LIMITS.chatTextLength).optional(),
  })
  .strict();
export type SessionTransferRequest = z.infer<typeof SessionTransferRequestSchema>;

export const SessionTransferResponseSchema = z.object({ entryId: EntryIdSchema });
export type SessionTransferResponse = z.infer<typeof SessionTransferResponseSchema>;

/** Quick phrases for the chat box: of that language (default: all), for that queue (plus those for every queue). */
export const QuickPhrasesRequestSchema = z
  .object({ language: LanguageSchema.optional(), queueId: QueueIdSchema.nullable().optional() })
  .strict();
export type QuickPhrasesRequest = z.infer<typeof QuickPhrasesRequestSchema>;
export const QuickPhrasesResponseSchema = z.object({ phrases: z.array(QuickPhraseSchema) });
export type QuickPhrasesResponse = z.infer<typeof QuickPhrasesResponseSchema>;

// ---- views pushed to agents and supervisors --------------------------------------

/** A queue as its members see it. */
export const AgentQueueSchema = z.object({
  id: QueueIdSchema,
  name: LocalizedNameSchema,
  routing: QueueRoutingSchema,
  offerTimeoutSeconds: z.number().int(),
  maxWaitSeconds: z.number().int(),
});
export type AgentQueue = z.infer<typeof AgentQueueSchema>;

/** One queue with every waiting customer, in queue order. */
export const QueueViewSchema = z.object({ queue: AgentQueueSchema, entries: z.array(QueueEntrySchema) });
export type QueueView = z.infer<typeof QueueViewSchema>;

/** Everything an agent's queue panel shows: own presence, own queues. Answer of `queue:list`, pushed as `queue:snapshot`. */
export const AgentQueueSnapshotSchema = z.object({ presence: AgentPresenceSchema, queues: z.array(QueueViewSchema) });
export type AgentQueueSnapshot = z.infer<typeof AgentQueueSnapshotSchema>;

/** Agents a session may be transferred to (members of any queue), with their presence. */
export const AgentDirectoryResponseSchema = z.object({ agents: z.array(AgentPresenceSchema) });
export type AgentDirectoryResponse = z.infer<typeof AgentDirectoryResponseSchema>;

/** An automatic offer (or a transfer to named agents): accept within expiresAt, else it moves on. */
export const OfferSchema = z.object({
  offerId: OfferIdSchema,
  entry: QueueEntrySchema,
  expiresAt: z.number().int(),
  transfer: TransferNoteSchema.nullable(),
});
export type Offer = z.infer<typeof OfferSchema>;

export const OfferWithdrawnEventSchema = z.object({
  offerId: OfferIdSchema,
  entryId: EntryIdSchema,
  reason: z.enum(['timeout', 'declined', 'taken', 'abandoned']),
});
export type OfferWithdrawnEvent = z.infer<typeof OfferWithdrawnEventSchema>;

export const ArrivalEventSchema = z.object({ entry: QueueEntrySchema });
export type ArrivalEvent = z.infer<typeof ArrivalEventSchema>;

/** The live queue board (supervisors): per queue, waiting count, longest wait, agents per state. */
export const QueueBoardRowSchema = z.object({
  queue: AgentQueueSchema,
  waiting: z.number().int().nonnegative(),
  /** Seconds the longest-waiting customer has waited (0 when none). */
  longestWaitSeconds: z.number().int().nonnegative(),
  agents: z.object({
    available: z.number().int().nonnegative(),
    busy: z.number().int().nonnegative(),
    wrapUp: z.number().int().nonnegative(),
    away: z.number().int().nonnegative(),
    offline: z.number().int().nonnegative(),
  }),
});
export type QueueBoardRow = z.infer<typeof QueueBoardRowSchema>;
export const QueueBoardSchema = z.object({ rows: z.array(QueueBoardRowSchema), at: z.number().int() });
export type QueueBoard = z.infer<typeof QueueBoardSchema>;

// ---- pushed to a waiting customer (their own entry only) -------------------------

/** An agent accepted: enter the session with `admission` (null when already in it: a transferred session). */
export const AcceptedEventSchema = z.object({
  entryId: EntryIdSchema,
  agentName: z.string(),
  admission: AdmissionSchema.nullable(),
});
export type AcceptedEvent = z.infer<typeof AcceptedEventSchema>;

/** To the customer of a session transferred to a queue or agents: they stay in the session and wait (status follows). */
export const TransferredEventSchema = z.object({
  sessionId: SessionIdSchema,
  status: WaitStatusSchema,
});
export type TransferredEvent = z.infer<typeof TransferredEventSchema>;
