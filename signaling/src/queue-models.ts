import { z } from 'zod';
import { ParticipantIdSchema, SessionIdSchema } from './ids';
import { LIMITS } from './limits';
import { DisplayNameSchema } from './models';
import { nameSchema } from './text';

/**
 * Inbound support (R1.1, R1.5, R6.2): support queues, the pre-session help form,
 * queue entries, agent presence, quick phrases. Events and requests are in
 * events/queue-events.ts, REST bodies in http.ts.
 */

/** Languages the apps speak (web-common/src/i18n); admin texts are given per language. */
export const LanguageSchema = z.enum(['en', 'fr', 'zh-TW', 'nl']);
export type Language = z.infer<typeof LanguageSchema>;

export const QUEUE_LIMITS = {
  /** R1.5: the optional personal message of a session transfer. */
  transferMessageLength: 345,
  queueNameLength: 80,
  greetingLength: 1_000,
  formFieldLabelLength: 120,
  formFieldsPerQueue: 10,
  formFieldOptions: 20,
  formFieldOptionLength: 80,
  /** Answer to one admin-defined field (a field may set a lower maxLength). */
  formAnswerLength: 500,
  emailLength: 254,
  problemLength: 1_000,
  /** The first chat message written while waiting (the chat's own limit). */
  firstMessageLength: LIMITS.chatTextLength,
  /** A message left when the maximum wait is reached. */
  leftMessageLength: 2_000,
  referrerLength: 2_048,
  membersPerQueue: 200,
  queues: 50,
  quickPhraseLength: LIMITS.chatTextLength,
  quickPhrases: 500,
  quickPhraseCodeLength: 16,
  /** Agents a session may be transferred to at once. */
  transferAgents: 10,
  offerTimeoutSeconds: { min: 5, max: 300 },
  maxWaitSeconds: { min: 30, max: 86_400 },
  wrapUpSeconds: { min: 0, max: 900 },
  missedOffersBeforeAway: { min: 1, max: 20 },
} as const;

export const QueueIdSchema = z.string().uuid();
export const EntryIdSchema = z.string().uuid();
export const OfferIdSchema = z.string().uuid();
export const AccountIdSchema = z.string().uuid();
export const QuickPhraseIdSchema = z.string().uuid();
export type QueueId = z.infer<typeof QueueIdSchema>;
export type EntryId = z.infer<typeof EntryIdSchema>;

/** Free text as typed (trimmed; line breaks kept), 0..max. */
function textSchema(max: number) {
  return z.string().trim().max(max);
}

/** A text the admin writes per language: English required (the fallback), the others optional. */
export function localizedSchema(max: number) {
  return z
    .object({
      en: textSchema(max),
      fr: textSchema(max).optional(),
      'zh-TW': textSchema(max).optional(),
      nl: textSchema(max).optional(),
    })
    .strict();
}
export const LocalizedNameSchema = z
  .object({
    en: nameSchema(QUEUE_LIMITS.queueNameLength),
    fr: nameSchema(QUEUE_LIMITS.queueNameLength).optional(),
    'zh-TW': nameSchema(QUEUE_LIMITS.queueNameLength).optional(),
    nl: nameSchema(QUEUE_LIMITS.queueNameLength).optional(),
  })
  .strict();
export type LocalizedName = z.infer<typeof LocalizedNameSchema>;
export const LocalizedTextSchema = localizedSchema(QUEUE_LIMITS.greetingLength);
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** The text in `language`, else English. */
export function localized(text: { en: string } & Partial<Record<Language, string>>, language: Language): string {
  const value = text[language];
  return value !== undefined && value.length > 0 ? value : text.en;
}

/**
 * How a queue's customers reach agents: 'manual' agents pick (Accept next or a
 * given customer); 'longest-idle' and 'fewest-active' offer the head of the
 * queue to one available member at a time, who accepts within the offer timeout.
 */
export const QueueRoutingSchema = z.enum(['manual', 'longest-idle', 'fewest-active']);
export type QueueRouting = z.infer<typeof QueueRoutingSchema>;

/** An admin-defined question of the pre-session form. */
export const FormFieldKindSchema = z.enum(['text', 'textarea', 'select', 'email', 'checkbox']);
export type FormFieldKind = z.infer<typeof FormFieldKindSchema>;

export const FormFieldIdSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'lowercase letters, digits, _ and - (32 at most)');

export const FormFieldSchema = z
  .object({
    id: FormFieldIdSchema,
    label: localizedSchema(QUEUE_LIMITS.formFieldLabelLength).refine((l) => l.en.length > 0, 'an English label is required'),
    kind: FormFieldKindSchema,
    required: z.boolean(),
    /** Answer length limit for text kinds (at most QUEUE_LIMITS.formAnswerLength). */
    maxLength: z.number().int().min(1).max(QUEUE_LIMITS.formAnswerLength).default(QUEUE_LIMITS.formAnswerLength),
    /** 'select' only: the values allowed, each with its label. */
    options: z
      .array(z.object({ value: z.string().trim().min(1).max(QUEUE_LIMITS.formFieldOptionLength), label: localizedSchema(QUEUE_LIMITS.formFieldOptionLength) }).strict())
      .max(QUEUE_LIMITS.formFieldOptions)
      .default([]),
  })
  .strict()
  .refine((f) => f.kind !== 'select' || f.options.length > 0, 'a select field needs options');
export type FormField = z.infer<typeof FormFieldSchema>;

/** What an admin sets on a queue (create; edit sends any part of it). */
export const QueueSettingsObjectSchema = z
  .object({
    name: LocalizedNameSchema,
    /** Shown in the waiting room (greeting / hold message). */
    greeting: LocalizedTextSchema,
    routing: QueueRoutingSchema,
    /** Automatic routing: seconds an agent has to accept an offer before it moves to the next agent. */
    offerTimeoutSeconds: z.number().int().min(QUEUE_LIMITS.offerTimeoutSeconds.min).max(QUEUE_LIMITS.offerTimeoutSeconds.max),
    /** After this wait the customer is asked: keep waiting or leave a message. */
    maxWaitSeconds: z.number().int().min(QUEUE_LIMITS.maxWaitSeconds.min).max(QUEUE_LIMITS.maxWaitSeconds.max),
    /** Sessions a member takes from this queue at most at once (null: the account's own maximum). */
    maxSessionsPerAgent: z.number().int().min(1).max(LIMITS.maxSessionsPerAgent).nullable(),
    /** After a session ends, the agent is in wrap-up this long before being available again. */
    wrapUpSeconds: z.number().int().min(QUEUE_LIMITS.wrapUpSeconds.min).max(QUEUE_LIMITS.wrapUpSeconds.max),
    /** An agent letting this many offers in a row time out is set away. */
    missedOffersBeforeAway: z.number().int().min(QUEUE_LIMITS.missedOffersBeforeAway.min).max(QUEUE_LIMITS.missedOffersBeforeAway.max),
    /** Agent account ids (members see the queue and take its customers). */
    members: z.array(AccountIdSchema).max(QUEUE_LIMITS.membersPerQueue),
    formFields: z.array(FormFieldSchema).max(QUEUE_LIMITS.formFieldsPerQueue),
  })
  .strict();
/** Form field ids are unique within a queue. */
export const QueueSettingsSchema = QueueSettingsObjectSchema.refine(
  (q) => new Set(q.formFields.map((f) => f.id)).size === q.formFields.length,
  { message: 'form field ids must be unique', path: ['formFields'] },
);
export type QueueSettings = z.infer<typeof QueueSettingsSchema>;

export const QueueSchema = QueueSettingsObjectSchema.extend({
  id: QueueIdSchema,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Queue = z.infer<typeof QueueSchema>;

/** What the public help page learns of a queue (no members, no routing). */
export const PublicQueueSchema = z.object({
  id: QueueIdSchema,
  name: LocalizedNameSchema,
  greeting: LocalizedTextSchema,
  formFields: z.array(FormFieldSchema),
});
export type PublicQueue = z.infer<typeof PublicQueueSchema>;

/**
 * The pre-session form as sent. `fields` answers the queue's admin-defined
 * fields by id (checkbox: 'true' | 'false'); the server checks them against the
 * queue (required, kind, length, select options) and refuses unknown ids.
 */
export const HelpFormAnswersSchema = z
  .object({
    name: DisplayNameSchema,
    email: z.union([z.literal(''), z.string().trim().max(QUEUE_LIMITS.emailLength).email()]).optional(),
    problem: textSchema(QUEUE_LIMITS.problemLength).optional(),
    fields: z
      .record(FormFieldIdSchema, textSchema(QUEUE_LIMITS.formAnswerLength))
      .refine((r) => Object.keys(r).length <= QUEUE_LIMITS.formFieldsPerQueue, 'too many answers')
      .default({}),
  })
  .strict();
export type HelpFormAnswers = z.infer<typeof HelpFormAnswersSchema>;

export const FirstMessageSchema = textSchema(QUEUE_LIMITS.firstMessageLength);
export const TransferMessageSchema = z.string().trim().max(QUEUE_LIMITS.transferMessageLength);

/**
 * waiting: in the queue; offered: offered to an agent now (still waiting for the
 * customer); accepted: in a session; abandoned: left or gone past the grace
 * period; left-message: gave up after the maximum wait and left a message;
 * cancelled: removed (queue deleted).
 */
export const EntryStateSchema = z.enum(['waiting', 'offered', 'accepted', 'abandoned', 'left-message', 'cancelled']);
export type EntryState = z.infer<typeof EntryStateSchema>;

/** A transfer of a running session to a queue or to agents (R1.5), as recorded and as the receiving agent sees it. */
export const TransferNoteSchema = z.object({
  at: z.number().int(),
  sessionId: SessionIdSchema,
  fromAgentName: DisplayNameSchema,
  /** 'queue': to the front of toQueueId; 'agents': offered to toAgentIds. */
  kind: z.enum(['queue', 'agents']),
  toQueueId: QueueIdSchema.nullable(),
  toAgentIds: z.array(AccountIdSchema),
  message: TransferMessageSchema.nullable(),
});
export type TransferNote = z.infer<typeof TransferNoteSchema>;

/** A waiting customer as the queue's agents see them. */
export const QueueEntrySchema = z.object({
  id: EntryIdSchema,
  /** null: a session transferred to named agents that came from no queue. */
  queueId: QueueIdSchema.nullable(),
  state: EntryStateSchema,
  customerName: DisplayNameSchema,
  email: z.string().max(QUEUE_LIMITS.emailLength),
  problem: z.string().max(QUEUE_LIMITS.problemLength),
  /** Answers to the admin-defined fields, by field id. */
  fields: z.record(z.string(), z.string()),
  /** The page the help button was clicked on ('' when unknown). */
  referrer: z.string().max(QUEUE_LIMITS.referrerLength),
  language: LanguageSchema,
  /** The first chat message written while waiting ('' if none yet). */
  firstMessage: z.string().max(QUEUE_LIMITS.firstMessageLength),
  /** When the customer asked for help (their first queue). */
  requestedAt: z.number().int(),
  /** Waiting since (this queue; a transfer restarts it). */
  enqueuedAt: z.number().int(),
  /** 1-based place in its queue while waiting or offered; 0 otherwise. */
  position: z.number().int().nonnegative(),
  /** The customer's page is connected now (a reload shows false for a moment). */
  connected: z.boolean(),
  /** A transferred session: the session the customer is already in, and the newest transfer. */
  sessionId: SessionIdSchema.nullable(),
  transfer: TransferNoteSchema.nullable(),
});
export type QueueEntry = z.infer<typeof QueueEntrySchema>;

/**
 * What a waiting customer learns, about their own entry only. estimatedWaitSeconds:
 * position x average handling time of the queue's recent sessions / available
 * agents (null while nothing is known or nobody is available).
 */
export const WaitStatusSchema = z.object({
  entryId: EntryIdSchema,
  /** null while offered to named agents outside any queue (a transfer to agents). */
  queueId: QueueIdSchema.nullable(),
  queueName: LocalizedNameSchema.nullable(),
  greeting: LocalizedTextSchema.nullable(),
  state: EntryStateSchema,
  position: z.number().int().nonnegative(),
  estimatedWaitSeconds: z.number().int().nonnegative().nullable(),
  enqueuedAt: z.number().int(),
  /** The queue's maximum wait is over: ask "keep waiting" or "leave a message" (until keepWaiting). */
  maxWaitReached: z.boolean(),
  /** The customer chose to keep waiting after the maximum wait. */
  keepWaiting: z.boolean(),
  /** Set when the customer already is in a session being transferred (they stay in it while waiting). */
  sessionId: SessionIdSchema.nullable(),
  firstMessage: z.string().max(QUEUE_LIMITS.firstMessageLength),
});
export type WaitStatus = z.infer<typeof WaitStatusSchema>;

/**
 * An agent's presence. The agent chooses available/away; the server computes
 * busy (active sessions at their maximum) and wrap-up (after a session ends, for
 * the queue's wrap-up time), and sets away after N offers timed out.
 */
export const ChosenPresenceSchema = z.enum(['available', 'away']);
export type ChosenPresence = z.infer<typeof ChosenPresenceSchema>;
export const PresenceStateSchema = z.enum(['available', 'away', 'busy', 'wrap-up', 'offline']);
export type PresenceState = z.infer<typeof PresenceStateSchema>;

export const AgentPresenceSchema = z.object({
  accountId: AccountIdSchema,
  displayName: DisplayNameSchema,
  /** The effective state others see and routing uses. */
  state: PresenceStateSchema,
  /** What the agent chose last. */
  chosen: ChosenPresenceSchema,
  activeSessions: z.number().int().nonnegative(),
  maxSessions: z.number().int().min(1),
  /** Wrap-up ends then (epoch ms), null when not in wrap-up. */
  wrapUpUntil: z.number().int().nullable(),
  /** Offers timed out in a row (reset by an accept or by choosing available). */
  missedOffers: z.number().int().nonnegative(),
  /** Idle since (the end of the last session, or when they became available): longest-idle routing. */
  idleSince: z.number().int(),
  /** Set when the server set them away: 'missed-offers'. */
  awayReason: z.enum(['chosen', 'missed-offers']).nullable(),
});
export type AgentPresence = z.infer<typeof AgentPresenceSchema>;

/** A canned chat message (R6.2): per language, for every queue or one; agents type `/code` or click it. */
export const QuickPhraseCodeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, _ and -')
  .max(QUEUE_LIMITS.quickPhraseCodeLength);
export const QuickPhraseSettingsSchema = z
  .object({
    language: LanguageSchema,
    /** null: offered in every queue's sessions (and sessions not from a queue). */
    queueId: QueueIdSchema.nullable(),
    code: QuickPhraseCodeSchema,
    title: z.string().trim().min(1).max(QUEUE_LIMITS.queueNameLength),
    text: z.string().trim().min(1).max(QUEUE_LIMITS.quickPhraseLength),
  })
  .strict();
export type QuickPhraseSettings = z.infer<typeof QuickPhraseSettingsSchema>;
export const QuickPhraseSchema = QuickPhraseSettingsSchema.extend({ id: QuickPhraseIdSchema });
export type QuickPhrase = z.infer<typeof QuickPhraseSchema>;

/** What the session record gains from the queue (R1.1, R1.5): it outlives the session; reports read it. */
export const QueueRecordSchema = z.object({
  entryId: EntryIdSchema,
  queueId: QueueIdSchema.nullable(),
  queueName: z.string(),
  customerName: DisplayNameSchema,
  email: z.string(),
  problem: z.string(),
  fields: z.record(z.string(), z.string()),
  referrer: z.string(),
  language: LanguageSchema,
  firstMessage: z.string(),
  requestedAt: z.number().int(),
  /** Seconds from the request to the accept (or to the abandon / message). */
  waitSeconds: z.number().int().nonnegative().nullable(),
  acceptedAt: z.number().int().nullable(),
  acceptedBy: z.string().nullable(),
  acceptedByName: z.string().nullable(),
  /** 'waiting': still in a queue (the records list shows it too). */
  outcome: z.enum(['waiting', 'accepted', 'abandoned', 'left-message', 'cancelled']),
  leftMessage: z.string().max(QUEUE_LIMITS.leftMessageLength).nullable(),
  sessionId: SessionIdSchema.nullable(),
  /** The customer participant admitted into the session. */
  participantId: ParticipantIdSchema.nullable(),
  transfers: z.array(TransferNoteSchema),
});
export type QueueRecord = z.infer<typeof QueueRecordSchema>;
