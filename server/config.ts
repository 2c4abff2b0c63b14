import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_FORUM_RETENTION_DAYS } from '../common/forum-states.ts';
import { HOUR_MS, MINUTE_MS } from '../common/time.ts';
import {
  developmentKey,
  type EncryptionKey,
  KeyRing,
  parseEncryptionKeys,
} from './platform/crypto/key-ring.ts';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** Days each kind of personal data is kept before the daily purge (ADR 0009). */
const days = (fallback: number) => z.coerce.number().int().min(1).max(3650).default(fallback);
const RetentionEnv = {
  RETENTION_SESSIONS_DAYS: days(30),
  RETENTION_AUDIT_IP_DAYS: days(90),
  RETENTION_OUTBOX_DAYS: days(30),
  RETENTION_NOTIFICATIONS_DAYS: days(180),
  /** After a forum ends: its registrants' phone, dietary notes, guest name and email (forum feedback, F4). */
  RETENTION_FORUM_REGISTRANTS_DAYS: days(DEFAULT_FORUM_RETENTION_DAYS),
};
export type Retention = {
  sessionsDays: number;
  auditIpDays: number;
  outboxDays: number;
  notificationsDays: number;
  forumRegistrantsDays: number;
};

const EnvSchema = z.object({
  ...RetentionEnv,
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TIPNET_ENCRYPTION_KEYS: z.string().optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('TIPNet <no-reply@tipnet.example>'),
  SEED_DEMO: flag.optional(),
  DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: flag.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Browser tests only: the server's clock starts at this instant and the local admin moves it. */
  TIPNET_TEST_CLOCK: z.iso.datetime({ offset: true }).optional(),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  FRESH_READS_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(10),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  LINE_CHANNEL_ACCESS_TOKEN: z.string().min(10).optional(),
  LINE_CHANNEL_SECRET: z.string().min(10).optional(),
  LINE_API_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.line.me'),
  LINE_ADD_FRIEND_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export type Config = {
  production: boolean;
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  /** TIPNET_ENCRYPTION_KEYS, first = current; empty when unset. See keyRingFor(). */
  encryptionKeys: EncryptionKey[];
  smtpUrl: string | undefined;
  mailFrom: string;
  seedDemo: boolean;
  demoPassword: string | undefined;
  logLevel: string;
  sessionIdleMs: number;
  trustProxy: boolean;
  sessionAbsoluteMs: number;
  /** PostgreSQL: no statement of a request may run (or wait for a lock) longer than this. */
  statementTimeoutMs: number;
  /** TIPNET_TEST_CLOCK: where a browser test's server clock starts (platform/test-clock.ts). */
  testClockStart: Date | undefined;
  /** Cached reads a user may have recomputed (Cache-Control: no-cache) a minute; past that the cache serves. */
  freshReadsPerMinute: number;
  retention: Retention;
  /** CHROMIUM_PATH: the browser that prints the review PDF; optional, everything else works without it. */
  chromiumPath: string;
  /** The LINE Messaging API channel; null (the LINE channel is off) unless token and secret are both set. */
  line: LineConfig | null;
};

export type LineConfig = {
  channelAccessToken: string;
  channelSecret: string;
  /** https://api.line.me, or a local fake in tests. */
  apiBaseUrl: string;
  /** The Official Account's add-friend link (https://line.me/R/ti/p/@…), shown as a QR code in settings. */
  addFriendUrl: string | null;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once; throws ConfigError listing every problem at the same time. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(blankAsUnset);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  // Checked on the raw values so they are reported together with any invalid variable.
  if (blankAsUnset.NODE_ENV === 'production') {
    if (!blankAsUnset.SESSION_SECRET) problems.push('SESSION_SECRET: required when NODE_ENV=production');
    if (!blankAsUnset.BASE_URL) problems.push('BASE_URL: required when NODE_ENV=production');
    if (blankAsUnset.TIPNET_TEST_CLOCK)
      problems.push('TIPNET_TEST_CLOCK: a clock that tests move, never allowed when NODE_ENV=production');
  }
  const encryptionKeys = blankAsUnset.TIPNET_ENCRYPTION_KEYS
    ? parseEncryptionKeys(blankAsUnset.TIPNET_ENCRYPTION_KEYS)
    : { keys: [], problems: [] };
  problems.push(...encryptionKeys.problems.map((p) => `TIPNET_ENCRYPTION_KEYS: ${p}`));
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';

  const dataDir = resolve(e.DATA_DIR);
  const port = e.PORT;
  return {
    production,
    port,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    dataDir,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET ?? persistedSecret(dataDir),
    encryptionKeys: encryptionKeys.keys,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    demoPassword: e.DEMO_PASSWORD,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * MINUTE_MS,
    trustProxy: e.TRUST_PROXY,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * HOUR_MS,
    statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    testClockStart: e.TIPNET_TEST_CLOCK ? new Date(e.TIPNET_TEST_CLOCK) : undefined,
    freshReadsPerMinute: e.FRESH_READS_PER_MINUTE,
    chromiumPath: e.CHROMIUM_PATH,
    retention: {
      sessionsDays: e.RETENTION_SESSIONS_DAYS,
      auditIpDays: e.RETENTION_AUDIT_IP_DAYS,
      outboxDays: e.RETENTION_OUTBOX_DAYS,
      notificationsDays: e.RETENTION_NOTIFICATIONS_DAYS,
      forumRegistrantsDays: e.RETENTION_FORUM_REGISTRANTS_DAYS,
    },
    line:
      e.LINE_CHANNEL_ACCESS_TOKEN && e.LINE_CHANNEL_SECRET
        ? {
            channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN,
            channelSecret: e.LINE_CHANNEL_SECRET,
            apiBaseUrl: e.LINE_API_BASE_URL.replace(/\/$/, ''),
            addFriendUrl: e.LINE_ADD_FRIEND_URL ?? null,
          }
        : null,
  };
}

/** The embedded default keeps its generated secret beside its data, so sessions survive restarts. */
function persistedSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/**
 * The key ring for encryption at rest. Production refuses to start without TIPNET_ENCRYPTION_KEYS;
 * elsewhere the fixed development key fills in (`development: true`, for a warning) and is also kept as a
 * decryption-only key beside configured ones, so that `npm run keys:rotate` can move development data
 * under a real key.
 */
export function keyRingFor(config: Pick<Config, 'production' | 'encryptionKeys'>): {
  keyRing: KeyRing;
  development: boolean;
} {
  if (config.production) {
    if (config.encryptionKeys.length === 0)
      throw new ConfigError([
        'TIPNET_ENCRYPTION_KEYS: required when NODE_ENV=production, e.g. "k1:<base64 of 32 random bytes>" ' +
          "(generate one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\")",
      ]);
    return { keyRing: new KeyRing(config.encryptionKeys), development: false };
  }
  if (config.encryptionKeys.length === 0)
    return { keyRing: new KeyRing([developmentKey()]), development: true };
  return { keyRing: new KeyRing([...config.encryptionKeys, developmentKey()]), development: false };
}
