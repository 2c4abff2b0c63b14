import pino, { type Logger } from 'pino';
import { type Config, ConfigError, keyRingFor } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { type Clock, systemClock } from './platform/context.ts';
import type { KeyRing } from './platform/crypto/key-ring.ts';
import { missingKeyProblems } from './platform/crypto/keys-in-use.ts';
import type { Deps } from './platform/deps.ts';
import { newLocalAdminToken } from './platform/local-admin.ts';
import { type MailTransport, startMailer } from './platform/mail/outbox.ts';
import { smtpTransport } from './platform/mail/smtp.ts';
import { adjustableClock } from './platform/test-clock.ts';
import { countClearTotpSecrets } from './platform/totp.ts';

/** Anything that could let someone act as a user never reaches a log line. */
export const LOG_REDACT = {
  paths: [
    'req.headers.cookie',
    'req.headers.authorization',
    'res.headers["set-cookie"]',
    '*.password',
    '*.currentPassword',
    '*.newPassword',
    '*.token',
    '*.challenge',
    '*.code',
    '*.secret',
    '*.sessionSecret',
    '*.passwordHash',
    '*.totpSecret',
    '*.encryptionKeys',
  ],
  censor: '[redacted]',
};

export function createLogger(level: string): Logger {
  return pino({ level, redact: LOG_REDACT });
}

/** Opens the database, applies migrations and starts the mailer: everything the app needs to serve. */
export async function createDeps(
  config: Config,
  overrides: {
    clock?: Clock;
    transport?: MailTransport | null;
    logger?: Logger;
    poolSize?: number;
    pgliteTemplate?: Blob;
    keyRing?: KeyRing;
  } = {},
): Promise<Deps> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  // Before anything is opened: production without TIPNET_ENCRYPTION_KEYS stops here (ConfigError).
  const { keyRing, development } = overrides.keyRing
    ? { keyRing: overrides.keyRing, development: false }
    : keyRingFor(config);
  if (development)
    logger.warn(
      'TIPNET_ENCRYPTION_KEYS is not set: TOTP secrets are encrypted under the built-in development key, ' +
        'which protects nothing. Set it before real use (required when NODE_ENV=production).',
    );
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: overrides.poolSize,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  await migrate(database);
  // Stored values under a key the ring lacks: refuse to start, naming the key, instead of failing later.
  const missingKeys = await missingKeyProblems(database.db, keyRing);
  if (missingKeys.length > 0) {
    await database.close();
    throw new ConfigError(missingKeys);
  }
  const clearSecrets = await countClearTotpSecrets(database.db);
  if (clearSecrets > 0)
    logger.warn({ clearSecrets }, 'TOTP secrets stored in clear: run `npm run keys:rotate` to encrypt them');
  const clock =
    overrides.clock ?? (config.testClockStart ? adjustableClock(config.testClockStart) : systemClock);
  if (config.testClockStart)
    logger.warn({ start: config.testClockStart }, 'TIPNET_TEST_CLOCK is set: the clock is a test clock');
  const transport =
    overrides.transport !== undefined
      ? overrides.transport
      : config.smtpUrl
        ? smtpTransport(config.smtpUrl)
        : null;
  if (!transport) logger.info('SMTP_URL is not set: emails are kept in the outbox for admins to read');
  const mailer = startMailer({ db: database.db, clock, transport, from: config.mailFrom, logger });
  return {
    config,
    database,
    db: database.db,
    clock,
    keyRing,
    localAdminToken: newLocalAdminToken(),
    mailer,
    hasMailTransport: transport !== null,
    logger,
  };
}

export async function closeDeps(deps: Deps) {
  await deps.mailer.stop();
  await deps.database.close();
}
