import { z } from 'zod';
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
    password: NewPasswordSchema.optional(),
    maxSessions: z.number().int().min(1).max(LIMITS.maxSessionsPerAgent).optional(),
    supervisorId: z.string().uuid().nullable().optional(),
  })
  .strict();
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequestSchema>;

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

/** REST routes in one place so clients never spell a path twice. */
export const ROUTES = {
  health: '/api/health',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  accounts: '/api/admin/accounts',
  /** PATCH `${ROUTES.accounts}/:accountId` */
  account: (accountId: string) => `/api/admin/accounts/${encodeURIComponent(accountId)}`,
  sessions: '/api/sessions',
  /** GET: the record of a session (staff of the session, its agent's supervisor, admins). */
  sessionRecord: (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/record`,
  join: '/api/join',
  /** GET: the helper program (remote control, R9); `${ROUTES.helperDownload}/:code` appends the pairing trailer. */
  helperDownload: '/helper/download',
} as const;
