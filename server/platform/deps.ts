import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import type { Clock } from './context.ts';
import type { KeyRing } from './crypto/key-ring.ts';
import type { Mailer } from './mail/outbox.ts';

/** What services need from the outside world; tests inject a fixed clock and a real SMTP receiver. */
export type Deps = {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  /** Encryption at rest (TOTP secrets); see platform/crypto/key-ring.ts. */
  keyRing: KeyRing;
  /** Made at each start; local tools present it (platform/local-admin.ts). */
  localAdminToken: string;
  mailer: Mailer;
  hasMailTransport: boolean;
  logger: Logger;
};
