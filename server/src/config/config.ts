import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { z } from 'zod';
import { DEFAULT_FILE_TRANSFER_MAX_BYTES, FS_REQUEST_TIMEOUT_MS, NewPasswordSchema, UsernameSchema } from '@rs/signaling';
import { TrustProxySchema } from './trust-proxy';

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
  customersSeeOtherCustomersScreens: booleanFlag.default(false),
  /** Behind reverse proxies: how many hops, or which proxy addresses, may set X-Forwarded-For (see trust-proxy.ts). */
  trustProxy: TrustProxySchema.default(false),
  /** First admin, created at boot when no admin exists (random password printed once when unset). */
  adminUsername: UsernameSchema.default('admin'),
  adminPassword: NewPasswordSchema.optional(),
  /** Attempts per minute: joins per client address and per 4-digit number prefix, sign-ins per address. */
  joinAttemptsPerAddress: z.coerce.number().int().positive().default(10),
  joinAttemptsPerPrefix: z.coerce.number().int().positive().default(30),
  loginAttemptsPerAddress: z.coerce.number().int().positive().default(20),
  /** Join attempts per client address per 15 minutes at a prefix under attack; assists (by number) per agent per minute. */
  joinAttemptsAtAttackedPrefix: z.coerce.number().int().positive().default(3),
  assistAttemptsPerAgent: z.coerce.number().int().positive().default(10),
  /** A connection that has not authenticated its socket (handshake + token) by then is closed. */
  handshakeTimeoutSeconds: z.coerce.number().positive().default(10),
  /** An HTTP connection silent for this long is closed (also bounds a request's headers and body). */
  idleTimeoutSeconds: z.coerce.number().positive().default(30),
  /** Chat per participant (token bucket): a burst of messages, then messages per second. */
  chatBurst: z.coerce.number().int().positive().default(10),
  chatPerSecond: z.coerce.number().positive().default(2),
  /** Annotation per participant (token bucket in stroke points; a stroke, an erase or a clear costs at least 50). */
  drawBurstPoints: z.coerce.number().int().positive().default(6_000),
  drawPointsPerSecond: z.coerce.number().positive().default(2_000),
  media: z.object({
    workers: z.coerce.number().int().positive().default(Math.max(1, os.availableParallelism())),
    listenIp: z.string().default('127.0.0.1'),
    /** Address put in ICE candidates; defaults to listenIp. */
    announcedAddress: z.string().optional(),
    rtcMinPort: z.coerce.number().int().min(1024).max(65535).default(40000),
    rtcMaxPort: z.coerce.number().int().min(1024).max(65535).default(49999),
    logLevel: z.enum(['debug', 'warn', 'error', 'none']).default('warn'),
    /** A WebRTC transport not connected for this long (never, or since ICE disconnected) is closed. */
    transportTimeoutSeconds: z.coerce.number().positive().max(3600).default(30),
    /** How long a disconnected participant's media is kept for their reconnect (same page). */
    reconnectGraceSeconds: z.coerce.number().min(0).max(600).default(20),
  }),
  /** Where the built web apps live (dist/ of each app). */
  staticRoot: z.string().optional(),
  /** Days the record of an ended session is kept (chat, consents, audit, notes), then deleted. */
  recordRetentionDays: z.coerce.number().positive().default(90),
  /** Days a session stays in history (R10.1: reports over months); at least recordRetentionDays. */
  historyRetentionDays: z.coerce.number().positive().default(400),
  /** Session history (R10.1) in this PostgreSQL database; wins over historyDir. */
  historyDatabaseUrl: z.string().min(1).optional(),
  /** Session history in PGlite in this folder (set to DATA_DIR/history by durable state); neither set: memory. */
  historyDir: z.string().min(1).optional(),
  /** A store call (Redis) not answered within this time fails with STORE_UNAVAILABLE. */
  storeTimeoutMs: z.coerce.number().int().positive().default(3000),
  /** Remote control: how long the person's own mouse/keyboard use pauses remote input (R3.7). */
  localInputPauseMs: z.coerce.number().int().min(100).max(60_000).default(1500),
  /** Remote control: how long a helper pairing code is valid (single use). */
  pairingCodeTtlSeconds: z.coerce.number().positive().max(3600).default(120),
  /** Remote control: helper connections and helper downloads with a pairing code per client address per minute. */
  pairingAttemptsPerAddress: z.coerce.number().int().positive().default(10),
  /** Remote control: the helper program served at /helper/download (built by scripts/build-helper.mjs). */
  helperBinary: z.string().default('helper/dist/remote-support-helper-linux-x64'),
  /** Help requests (POST /api/help) per client address per minute. */
  helpRequestsPerAddress: z.coerce.number().int().positive().default(5),
  /** A waiting customer whose page is gone this long is counted as abandoned (a reload keeps the place). */
  queueAbandonGraceSeconds: z.coerce.number().positive().default(30),
  /** Interval of the queue tick: offer timeouts, abandons, maximum waits, routing. */
  queueTickMs: z.coerce.number().int().min(10).default(1000),
  /** Host names (host[:port]) join links may be built from when publicUrl is unset; otherwise the listen address. */
  allowedHosts: z.union([z.array(z.string()), z.string().transform(splitList)]).default([]),
  /** Largest file one transfer may carry (R7.3; default 150 MB = 150 000 000 bytes; 4 GiB and more work). */
  fileTransferMaxBytes: z.coerce.number().int().positive().default(DEFAULT_FILE_TRANSFER_MAX_BYTES),
  /** Files always go through the SFU relay, never peer to peer (sites that forbid direct connections; tests). */
  fileTransferForceRelay: booleanFlag.default(false),
  /** Folder mode: how long the customer's page has to answer an operation in their folder (their OK included). */
  folderRequestTimeoutSeconds: z.coerce.number().positive().max(600).default(FS_REQUEST_TIMEOUT_MS / 1000),
});

function splitList(value: string): string[] {
  return value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
}

export type Config = z.infer<typeof ConfigSchema> & { tokenSecret: string };
export type ConfigInput = z.input<typeof ConfigSchema>;

/** Validates and completes a configuration (defaults, random token secret). */
export function resolveConfig(input: ConfigInput): Config {
  return complete(ConfigSchema.parse(input));
}

function complete(parsed: z.infer<typeof ConfigSchema>): Config {
  // A listed session must open while its record exists: history never forgets before the record does.
  if (parsed.historyRetentionDays < parsed.recordRetentionDays) {
    throw new Error(`HISTORY_RETENTION_DAYS (${parsed.historyRetentionDays}) must be at least RECORD_RETENTION_DAYS (${parsed.recordRetentionDays})`);
  }
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
      historyDatabaseUrl: env.HISTORY_DATABASE_URL,
      historyDir: env.HISTORY_DIR,
      tokenSecret: env.TOKEN_SECRET,
      sessionNumberTtlSeconds: env.SESSION_NUMBER_TTL_SECONDS,
      showSupervisorsToCustomers: env.SHOW_SUPERVISORS_TO_CUSTOMERS,
      customersSeeOtherCustomersScreens: env.CUSTOMERS_SEE_OTHER_CUSTOMERS_SCREENS,
      trustProxy: env.TRUST_PROXY,
      adminUsername: env.ADMIN_USERNAME,
      adminPassword: env.ADMIN_PASSWORD,
      joinAttemptsPerAddress: env.JOIN_ATTEMPTS_PER_ADDRESS,
      joinAttemptsPerPrefix: env.JOIN_ATTEMPTS_PER_PREFIX,
      loginAttemptsPerAddress: env.LOGIN_ATTEMPTS_PER_ADDRESS,
      joinAttemptsAtAttackedPrefix: env.JOIN_ATTEMPTS_AT_ATTACKED_PREFIX,
      assistAttemptsPerAgent: env.ASSIST_ATTEMPTS_PER_AGENT,
      handshakeTimeoutSeconds: env.HANDSHAKE_TIMEOUT_SECONDS,
      idleTimeoutSeconds: env.IDLE_TIMEOUT_SECONDS,
      chatBurst: env.CHAT_BURST,
      chatPerSecond: env.CHAT_PER_SECOND,
      drawBurstPoints: env.DRAW_BURST_POINTS,
      drawPointsPerSecond: env.DRAW_POINTS_PER_SECOND,
      staticRoot: env.STATIC_ROOT,
      recordRetentionDays: env.RECORD_RETENTION_DAYS,
      historyRetentionDays: env.HISTORY_RETENTION_DAYS,
      storeTimeoutMs: env.STORE_TIMEOUT_MS,
      allowedHosts: env.ALLOWED_HOSTS,
      localInputPauseMs: env.LOCAL_INPUT_PAUSE_MS,
      pairingCodeTtlSeconds: env.PAIRING_CODE_TTL_SECONDS,
      helperBinary: env.HELPER_BINARY,
      pairingAttemptsPerAddress: env.PAIRING_ATTEMPTS_PER_ADDRESS,
      helpRequestsPerAddress: env.HELP_REQUESTS_PER_ADDRESS,
      queueAbandonGraceSeconds: env.QUEUE_ABANDON_GRACE_SECONDS,
      queueTickMs: env.QUEUE_TICK_MS,
      fileTransferMaxBytes: env.FILE_TRANSFER_MAX_BYTES,
      fileTransferForceRelay: env.FILE_TRANSFER_FORCE_RELAY,
      folderRequestTimeoutSeconds: env.FOLDER_REQUEST_TIMEOUT_SECONDS,
    }),
    media: drop({
      workers: env.MEDIA_WORKERS,
      listenIp: env.MEDIA_LISTEN_IP,
      announcedAddress: env.MEDIA_ANNOUNCED_ADDRESS,
      rtcMinPort: env.RTC_MIN_PORT,
      rtcMaxPort: env.RTC_MAX_PORT,
      logLevel: env.MEDIASOUP_LOG_LEVEL,
      transportTimeoutSeconds: env.MEDIA_TRANSPORT_TIMEOUT_SECONDS,
      reconnectGraceSeconds: env.MEDIA_RECONNECT_GRACE_SECONDS,
    }),
  }));
}
