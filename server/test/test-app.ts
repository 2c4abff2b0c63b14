/** Builds the real app on a fresh database: PGlite in memory, or with TEST_DATABASE_URL a new PostgreSQL database. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { UserRow } from '../db/schema/index.ts';
import { buildOrganisation, buildUser } from '../demo/factories.ts';
import type { App } from '../platform/http.ts';
import type { MailTransport } from '../platform/mail/outbox.ts';
import { SESSION_COOKIE } from '../platform/sessions.ts';
import { closeDeps, createDeps, LOG_REDACT } from '../runtime.ts';

export const TEST_ORIGIN = 'http://localhost:3000';
/** A configured key, as in production (fixed, so tests can decrypt what they find in the database). */
export const TEST_ENCRYPTION_KEYS = `test1:${Buffer.alloc(32, 0x5a).toString('base64')}`;

export class TestClock {
  constructor(private current = new Date('2026-11-26T03:00:00.000Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

/** Runs against PostgreSQL when the pg project set TIPNET_TEST_DRIVER=pg, else on PGlite. */
export async function buildTestApp(
  options: {
    transport?: MailTransport | null;
    config?: Partial<Config>;
    webDist?: string;
    /** Every log line (server and request logs, at trace level, redacted as in production) lands here. */
    captureLogs?: string[];
  } = {},
) {
  const clock = new TestClock();
  const database = process.env.TIPNET_TEST_DRIVER === 'pg' ? await createFreshPostgresDatabase() : null;
  const config: Config = {
    ...loadConfig({
      NODE_ENV: 'test',
      SESSION_SECRET: 'test-secret-test-secret-test-secret!',
      BASE_URL: TEST_ORIGIN,
      TIPNET_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
    }),
    databaseUrl: database?.url,
    dataDir: '',
    logLevel: 'silent',
    seedDemo: false,
    ...options.config,
  };
  const captured = options.captureLogs;
  const logger = captured
    ? pino({ level: 'trace', redact: LOG_REDACT }, { write: (line: string) => void captured.push(line) })
    : pino({ level: 'silent' });
  const deps = await createDeps(config, {
    clock,
    transport: options.transport ?? null,
    logger,
    poolSize: 5,
    pgliteTemplate: database ? undefined : pgliteTemplate(),
  });
  const app = await buildApp(deps, {
    ...(captured ? {} : { logger: false }),
    webDist: options.webDist ?? '/nonexistent-web-build',
  });
  await app.ready();

  async function close() {
    await app.close();
    await closeDeps(deps);
    await database?.drop();
  }

  return {
    app,
    deps,
    db: deps.db,
    clock,
    close,
    /** A request as the web app sends it: same origin, JSON, optionally signed in. */
    request: (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, opts: RequestOptions = {}) =>
      requestAs(app, method, url, opts),
    login: (email: string, password: string) => loginAs(app, email, password),
    /** A fresh signed-in user of the given role (in a fresh organisation unless one is given). */
    async signedIn(overrides: Partial<UserRow> & { password?: string } = {}) {
      const user = await buildUser(deps.db, overrides);
      const cookie = await loginAs(app, user.email, user.password);
      return { user, cookie };
    },
    buildOrganisation: (o: Parameters<typeof buildOrganisation>[1] = {}) => buildOrganisation(deps.db, o),
    buildUser: (o: Parameters<typeof buildUser>[1] = {}) => buildUser(deps.db, o),
  };
}

/** The migrated cluster dumped by the global setup, when this project has one. */
function pgliteTemplate(): Blob | undefined {
  const path = inject('pgliteTemplatePath');
  return path ? new Blob([readFileSync(path)]) : undefined;
}

type RequestOptions = {
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
  /** The caller's address (default 127.0.0.1); tests never trust X-Forwarded-For. */
  ip?: string;
};

export async function requestAs(
  app: App,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  opts: RequestOptions = {},
) {
  const headers: Record<string, string> = { origin: TEST_ORIGIN, ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  const res = await app.inject({
    method,
    url,
    headers,
    ...(opts.ip ? { remoteAddress: opts.ip } : {}),
    ...(opts.body === undefined ? {} : { payload: opts.body as object }),
  });
  // What the request left to do after answering (platform/after-response.ts) is done before tests look.
  await app.afterResponseSettled();
  return {
    status: res.statusCode,
    body: res.body ? safeJson(res.body) : undefined,
    headers: res.headers,
    raw: res,
  };
}

function safeJson(body: string): any {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

export async function loginAs(app: App, email: string, password: string): Promise<string> {
  const res = await requestAs(app, 'POST', '/api/v1/auth/login', { body: { email, password } });
  if (res.status !== 200 || res.body.status !== 'ok')
    throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return sessionCookieFrom(res.headers['set-cookie']);
}

export function sessionCookieFrom(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = all.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie.split(';')[0]!;
}

async function createFreshPostgresDatabase() {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error('test:pg needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  const name = `tipnet_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
