import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { z } from 'zod';

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
  devAgentUsername: z.string().min(1).default('agent'),
  devAgentPassword: z.string().min(1).default('agent'),
  devAgentDisplayName: z.string().min(1).default('Support Agent'),
  media: z.object({
    workers: z.coerce.number().int().positive().default(Math.max(1, os.availableParallelism())),
    listenIp: z.string().default('127.0.0.1'),
    /** Address put in ICE candidates; defaults to listenIp. */
    announcedAddress: z.string().optional(),
    rtcMinPort: z.coerce.number().int().min(1024).max(65535).default(40000),
    rtcMaxPort: z.coerce.number().int().min(1024).max(65535).default(49999),
    logLevel: z.enum(['debug', 'warn', 'error', 'none']).default('warn'),
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
      devAgentUsername: env.DEV_AGENT_USERNAME,
      devAgentPassword: env.DEV_AGENT_PASSWORD,
      devAgentDisplayName: env.DEV_AGENT_DISPLAY_NAME,
      staticRoot: env.STATIC_ROOT,
    }),
    media: drop({
      workers: env.MEDIA_WORKERS,
      listenIp: env.MEDIA_LISTEN_IP,
      announcedAddress: env.MEDIA_ANNOUNCED_ADDRESS,
      rtcMinPort: env.RTC_MIN_PORT,
      rtcMaxPort: env.RTC_MAX_PORT,
      logLevel: env.MEDIASOUP_LOG_LEVEL,
    }),
  }));
}
