import { z } from 'zod';
import { FileTransferSchema } from './events/file-events';
import { ParticipantIdSchema, SessionIdSchema, SessionNumberSchema } from './ids';
import { LIMITS } from './limits';
import {
  AccountRoleSchema,
  AuditEntrySchema,
  ChatMessageSchema,
  ConsentRequestSchema,
  DisplayNameSchema,
  ParticipantSchema,
  SessionSummarySchema,
} from './models';
import {
  HelpFormAnswersSchema,
  LanguageSchema,
  PublicQueueSchema,
  QUEUE_LIMITS,
  QueueRecordSchema,
  QueueSchema,
  QueueIdSchema,
  QueueSettingsObjectSchema,
  QueueSettingsSchema,
  QuickPhraseSchema,
  QuickPhraseSettingsSchema,
  WaitStatusSchema,
} from './queue-models';

/** REST bodies and answers. Every answer is wrapped in Result<T> (see result.ts). */

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(LIMITS.usernameLength)
  .regex(/^[a-z0-9._@-]+$/, 'letters, digits and . _ @ - only');
export const PasswordSchema = z.string().min(1).max(LIMITS.passwordLength);
/** For new passwords only: sign-in accepts whatever was set before. */
export const NewPasswordSchema = z.string().min(LIMITS.minPasswordLength).max(LIMITS.passwordLength);

export const LoginRequestSchema = z.object({ username: UsernameSchema, password: PasswordSchema }).strict();
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** An agent, supervisor or admin account as clients see it (never the password hash). */
export const AccountProfileSchema = z.object({
  id: z.string().uuid(),
  username: UsernameSchema,
  displayName: DisplayNameSchema,
  role: AccountRoleSchema,
  /** Sessions an agent may run at once (1 = single-session mode). */
  maxSessions: z.number().int().min(1).max(LIMITS.maxSessionsPerAgent),
  /** The supervisor this agent reports to, if any. */
  supervisorId: z.string().uuid().nullable(),
  /** A disabled account cannot sign in and its tokens are refused (re-enabling restores sign-in). */
  disabled: z.boolean(),
});
export type AccountProfile = z.infer<typeof AccountProfileSchema>;

export const LoginResponseSchema = z.object({
  token: z.string().max(LIMITS.tokenLength),
  account: AccountProfileSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const CreateAccountRequestSchema = z
  .object({
    username: UsernameSchema,
    displayName: DisplayNameSchema,
    role: AccountRoleSchema,
    password: NewPasswordSchema,
    maxSessions: z.number().int().min(1).max(LIMITS.maxSessionsPerAgent).optional(),
    supervisorId: z.string().uuid().nullable().optional(),
  })
  .strict();
export type CreateAccountRequest = z.infer<typeof CreateAccountRequestSchema>;

export const UpdateAccountRequestSchema = z
  .object({
    displayName: DisplayNameSchema.optional(),
    /** A new role; an agent's supervisor and session limit are dropped when it stops being an agent. */
    role: AccountRoleSchema.optional(),
    /** A password reset by an admin. */
    password: NewPasswordSchema.optional(),
    maxSessions: z.number().int().min(1).max(LIMITS.maxSessionsPerAgent).optional(),
    supervisorId: z.string().uuid().nullable().optional(),
  })
  .strict();
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequestSchema>;

/** Disables (or re-enables) an account; disabling ends the live sessions it is in control of. */
export const AccountStatusRequestSchema = z.object({ disabled: z.boolean() }).strict();
export type AccountStatusRequest = z.infer<typeof AccountStatusRequestSchema>;

/** Anyone signed in changes their own password; every other token of the account stops working. */
export const ChangePasswordRequestSchema = z.object({ currentPassword: PasswordSchema, newPassword: NewPasswordSchema }).strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

export const ADMIN_ACTIONS = ['account:created', 'account:updated', 'account:disabled', 'account:enabled', 'account:deleted', 'password:changed'] as const;
export const AdminActionSchema = z.enum(ADMIN_ACTIONS);
export type AdminAction = z.infer<typeof AdminActionSchema>;

/** One change to an account, in the admin audit log (never a password). */
export const AdminAuditEntrySchema = z.object({
  at: z.number().int(),
  action: AdminActionSchema,
  actorId: z.string().uuid(),
  actorName: z.string(),
  targetId: z.string().uuid(),
  /** The target's username when the change was made (kept after a delete). */
  targetName: z.string(),
  /** Which fields changed (names only: never values such as passwords). */
  fields: z.array(z.string()),
});
export type AdminAuditEntry = z.infer<typeof AdminAuditEntrySchema>;

export const AdminAuditResponseSchema = z.object({ entries: z.array(AdminAuditEntrySchema) });
export type AdminAuditResponse = z.infer<typeof AdminAuditResponseSchema>;

export const AccountListResponseSchema = z.object({ accounts: z.array(AccountProfileSchema) });
export type AccountListResponse = z.infer<typeof AccountListResponseSchema>;

/** The session record (R1.7, R2.3): it outlives the session. */
export const SessionRecordResponseSchema = z.object({
  session: SessionSummarySchema,
  participants: z.array(ParticipantSchema),
  chat: z.array(ChatMessageSchema),
  consents: z.array(ConsentRequestSchema),
  audit: z.array(AuditEntrySchema),
  notes: z.string(),
  /** The participant who ended the session (null while it runs, or when it ended unattended). */
  endedBy: z.string().nullable().default(null),
  /** Sessions from a support queue: queue, wait, who accepted, form answers, transfers (null otherwise). */
  queue: QueueRecordSchema.nullable().default(null),
  /** Every file transfer of the session (R7): name, size, hash, direction, who, when, outcome; never contents. */
  files: z.array(FileTransferSchema).default([]),
});
export type SessionRecordResponse = z.infer<typeof SessionRecordResponseSchema>;

export const CreateSessionResponseSchema = z.object({
  session: SessionSummarySchema,
  joinUrl: z.string().url(),
  /** Epoch ms after which an unused number no longer joins. */
  numberExpiresAt: z.number().int(),
});
export type CreateSessionResponse = z.infer<typeof CreateSessionResponseSchema>;

export const CustomerJoinRequestSchema = z.object({
  sessionNumber: SessionNumberSchema,
  displayName: DisplayNameSchema,
  /**
   * A random key the customer's browser keeps (local storage): a rejoin with
   * the same key replaces the customer's earlier entry instead of adding one.
   */
  customerKey: z.string().min(16).max(LIMITS.customerKeyLength).regex(/^[A-Za-z0-9_-]+$/).optional(),
});
export type CustomerJoinRequest = z.infer<typeof CustomerJoinRequestSchema>;

export const CustomerJoinResponseSchema = z.object({
  token: z.string().max(LIMITS.tokenLength),
  sessionId: SessionIdSchema,
  participantId: ParticipantIdSchema,
});
export type CustomerJoinResponse = z.infer<typeof CustomerJoinResponseSchema>;

export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  protocolVersion: z.number().int(),
  store: z.enum(['memory', 'redis']),
  mediaWorkers: z.number().int(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

// ---- inbound support queues (R1.1, R1.5, R6.2) ----

/** GET /api/help/queues (public): the queues a customer may pick, with their form fields. */
export const HelpQueuesResponseSchema = z.object({ queues: z.array(PublicQueueSchema) });
export type HelpQueuesResponse = z.infer<typeof HelpQueuesResponseSchema>;

/**
 * POST /api/help (public, HELP_REQUESTS_PER_ADDRESS a minute per address): the
 * pre-session form, validated by the server against the queue (FORM_INVALID
 * with `fields` naming what is wrong). The referrer is the page the help button
 * was clicked on (the snippet passes it).
 */
export const HelpRequestSchema = z
  .object({
    queueId: QueueIdSchema,
    form: HelpFormAnswersSchema,
    language: LanguageSchema,
    referrer: z.string().trim().max(QUEUE_LIMITS.referrerLength).optional(),
    firstMessage: z.string().trim().max(QUEUE_LIMITS.firstMessageLength).optional(),
  })
  .strict();
export type HelpRequest = z.infer<typeof HelpRequestSchema>;

/**
 * The entry and its wait credentials: open the socket with `waitToken` in the
 * handshake `auth.token` (role 'visitor'); it speaks for this entry only.
 * Keep it (session storage) so a reload keeps the place.
 */
export const HelpResponseSchema = z.object({
  entryId: z.string().uuid(),
  waitToken: z.string().max(LIMITS.tokenLength),
  status: WaitStatusSchema,
});
export type HelpResponse = z.infer<typeof HelpResponseSchema>;

/** Admin: every queue (POST body QueueSettingsSchema, PATCH body QueueUpdateRequestSchema). */
export const QueueListResponseSchema = z.object({ queues: z.array(QueueSchema) });
export type QueueListResponse = z.infer<typeof QueueListResponseSchema>;
export const QueueCreateRequestSchema = QueueSettingsSchema;
export type QueueCreateRequest = z.input<typeof QueueCreateRequestSchema>;
/** Any part of the settings; `members` replaces the whole list (the agents' queue membership). */
export const QueueUpdateRequestSchema = QueueSettingsObjectSchema.partial().strict();
export type QueueUpdateRequest = z.input<typeof QueueUpdateRequestSchema>;

/** Admin: quick phrases (R6.2). */
export const QuickPhraseListResponseSchema = z.object({ phrases: z.array(QuickPhraseSchema) });
export type QuickPhraseListResponse = z.infer<typeof QuickPhraseListResponseSchema>;
export const QuickPhraseCreateRequestSchema = QuickPhraseSettingsSchema;
export type QuickPhraseCreateRequest = z.infer<typeof QuickPhraseCreateRequestSchema>;
export const QuickPhraseUpdateRequestSchema = QuickPhraseSettingsSchema.partial().strict();
export type QuickPhraseUpdateRequest = z.infer<typeof QuickPhraseUpdateRequestSchema>;

/** GET /api/queue-records?queueId=&since= (admins; supervisors): what happened to queue entries (accepted, abandoned, messages), newest first. */
export const QueueRecordsResponseSchema = z.object({ records: z.array(QueueRecordSchema) });
export type QueueRecordsResponse = z.infer<typeof QueueRecordsResponseSchema>;

/** REST routes in one place so clients never spell a path twice. */
export const ROUTES = {
  health: '/api/health',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  /** POST: change my own password (answers with a fresh token). */
  password: '/api/auth/password',
  accounts: '/api/admin/accounts',
  /** PATCH `${ROUTES.accounts}/:accountId` */
  account: (accountId: string) => `/api/admin/accounts/${encodeURIComponent(accountId)}`,
  /** POST { disabled } */
  accountStatus: (accountId: string) => `/api/admin/accounts/${encodeURIComponent(accountId)}/status`,
  /** GET: the admin audit log, newest first. */
  adminAudit: '/api/admin/audit',
  sessions: '/api/sessions',
  /** GET: the record of a session (staff of the session, its agent's supervisor, admins). */
  sessionRecord: (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/record`,
  /** POST: a new number for a session whose number expired unused (the agent in control). */
  sessionNumber: (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/number`,
  join: '/api/join',
  /** GET: the helper program (remote control, R9); `${ROUTES.helperDownload}/:code` appends the pairing trailer. */
  helperDownload: '/helper/download',
  helpQueues: '/api/help/queues',
  help: '/api/help',
  queues: '/api/admin/queues',
  /** PATCH, DELETE */
  queue: (queueId: string) => `/api/admin/queues/${encodeURIComponent(queueId)}`,
  quickPhrases: '/api/admin/quick-phrases',
  /** PATCH, DELETE */
  quickPhrase: (phraseId: string) => `/api/admin/quick-phrases/${encodeURIComponent(phraseId)}`,
  queueRecords: '/api/queue-records',
  /** GET: session history (R10.1), filtered, sorted, paged; `.csv`: every matching row as CSV. */
  history: '/api/history',
  historyCsv: '/api/history.csv',
  /** GET: the agents the caller may filter history by. */
  historyAgents: '/api/history/agents',
} as const;
