import { z } from 'zod';
import { ParticipantIdSchema, SessionIdSchema, SessionNumberSchema } from './ids';
import { LIMITS } from './limits';
import { DisplayNameSchema, SessionSummarySchema } from './models';

/** REST bodies and answers. Every answer is wrapped in Result<T> (see result.ts). */

export const AgentLoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(LIMITS.usernameLength),
  password: z.string().min(1).max(LIMITS.passwordLength),
});
export type AgentLoginRequest = z.infer<typeof AgentLoginRequestSchema>;

export const AgentProfileSchema = z.object({
  id: z.string().min(1).max(LIMITS.usernameLength),
  displayName: DisplayNameSchema,
});
export type AgentProfile = z.infer<typeof AgentProfileSchema>;

export const AgentLoginResponseSchema = z.object({
  token: z.string().max(LIMITS.tokenLength),
  agent: AgentProfileSchema,
});
export type AgentLoginResponse = z.infer<typeof AgentLoginResponseSchema>;

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
  agentLogin: '/api/agent/login',
  sessions: '/api/sessions',
  join: '/api/join',
} as const;
