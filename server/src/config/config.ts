import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { z } from 'zod';
import { NewPasswordSchema, UsernameSchema } from '@rs/signaling';

/** 'true'/'1'/'yes' and 'false'/'0'/'no' from the environment, or a boolean. */
const booleanFlag = z.union([z.boolean(), z.enum(['true', '1', 'yes', 'false', '0', 'no']).transform((v) => ['true', '1', 'yes'].includes(v))]);

const ConfigSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address browsers use to reach this server; used to build join links. */
  publicUrl: z.string().url().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: in-memory store (single node). Set: Redis-backed store. */
  redisUrl: z.string().url().optional(),
  /** HMAC secret for access tokens; random per process when unset (tokens then die with the process). */
  tokenSecret: z.string().min(32).optional(),
  agentTokenTtlSeconds: z.coerce.number().int().positive().default(12 * 3600),
  customerTokenTtlSeconds: z.coerce.number().int().positive().default(4 * 3600),
  /** How long a new session number stays valid if no customer uses it. */
  sessionNumberTtlSeconds: z.coerce.number().int().positive().default(15 * 60),
  /** Site setting: customers see a supervisor watching their session. */
  showSupervisorsToCustomers: booleanFlag.default(false),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (per-address limits need it). */
  trustProxy: booleanFlag.default(false),
  /** First admin, created at boot when no admin exists (random password printed once when unset). */
  adminUsername: UsernameSchema.default('admin'),
  adminPassword: NewPasswordSchema.optional(),
  /** Attempts per minute: joins per client address and per 4-digit number prefix, sign-ins per address. */
  joinAttemptsPerAddress: z.coerce.number().int().positive().default(10),
  joinAttemptsPerPrefix: z.coerce.number().int().positive().default(30),
  loginAttemptsPerAddress: z.coerce.number().int().positive().default(20),
  media: z.object({
    workers: z.coerce.number().int().positive().default(Math.max(1, os.availableParallelism())),
    listenIp: z.string().default('127.0.0.1'),
    /** Address put in ICE candidates; defaults to listenIp. */
    announcedAddress: z.string().optional(),
    rtcMinPort: z.coerce.number().int().min(1024).max(65535).default(40000),
    rtcMaxPort: z.coerce.number().int().min(1024).max(65535).default(49999),
    logLevel: z.enum(['debug', 'warn', 'error', 'none']).default('warn'),
    /** How long a disconnected participant's media is kept for their reconnect (same page). */
    reconnectGraceSeconds: z.coerce.number().min(0).max(600).default(20),
  }),
  /** Where the built web apps live (dist/ of each app). */
  staticRoot: z.string().optional(),
});

export type Config = z.infer<typeof ConfigSchema> & { tokenSecret: string };
export type ConfigInput = z.input<typeof ConfigSchema>;

/** Validates and completes a configuration (defaults, random token secret). */
export function resolveConfig(input: ConfigInput): Config {
  return complete(ConfigSchema.parse(input));
}

function complete(parsed: z.infer<typeof ConfigSchema>): Config {
  return { ...parsed, tokenSecret: parsed.tokenSecret ?? randomBytes(32).toString('hex') };
}

/** Reads the configuration from environment variables (see the README's table). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const drop = (o: Record<string, string | undefined>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
  return complete(ConfigSchema.parse({
    ...drop({
      host: env.HOST,
      port: env.PORT,
      publicUrl: env.PUBLIC_URL,
      logLevel: env.LOG_LEVEL,
      redisUrl: env.REDIS_URL,
      tokenSecret: env.TOKEN_SECRET,
      sessionNumberTtlSeconds: env.SESSION_NUMBER_TTL_SECONDS,
      showSupervisorsToCustomers: env.SHOW_SUPERVISORS_TO_CUSTOMERS,
      trustProxy: env.TRUST_PROXY,
      adminUsername: env.ADMIN_USERNAME,
      adminPassword: env.ADMIN_PASSWORD,
      joinAttemptsPerAddress: env.JOIN_ATTEMPTS_PER_ADDRESS,
      joinAttemptsPerPrefix: env.JOIN_ATTEMPTS_PER_PREFIX,
      loginAttemptsPerAddress: env.LOGIN_ATTEMPTS_PER_ADDRESS,
      staticRoot: env.STATIC_ROOT,
    }),
    media: drop({
      workers: env.MEDIA_WORKERS,
      listenIp: env.MEDIA_LISTEN_IP,
      announcedAddress: env.MEDIA_ANNOUNCED_ADDRESS,
      rtcMinPort: env.RTC_MIN_PORT,
      rtcMaxPort: env.RTC_MAX_PORT,
      logLevel: env.MEDIASOUP_LOG_LEVEL,
      reconnectGraceSeconds: env.MEDIA_RECONNECT_GRACE_SECONDS,
    }),
  }));
}
