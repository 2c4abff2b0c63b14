import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { type Clock, systemClock } from './platform/context.ts';
import type { Deps } from './platform/deps.ts';
import { type MailTransport, startMailer } from './platform/mail/outbox.ts';
import { smtpTransport } from './platform/mail/smtp.ts';

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
  } = {},
): Promise<Deps> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: overrides.poolSize,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  await migrate(database);
  const clock = overrides.clock ?? systemClock;
  const transport =
    overrides.transport !== undefined
      ? overrides.transport
      : config.smtpUrl
        ? smtpTransport(config.smtpUrl)
        : null;
  if (!transport) logger.info('SMTP_URL is not set: emails are kept in the outbox for admins to read');
  const mailer = startMailer({ db: database.db, clock, transport, from: config.mailFrom, logger });
  return { config, database, db: database.db, clock, mailer, hasMailTransport: transport !== null, logger };
}

export async function closeDeps(deps: Deps) {
  await deps.mailer.stop();
  await deps.database.close();
}
