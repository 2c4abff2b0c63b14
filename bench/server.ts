/** Starts the real TIPNet server (server/main.ts) as a child process on a fresh database, and cleans up after it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SERVER_NODE_FLAGS } from '../scripts/server-node-flags.mjs';

const ROOT = join(import.meta.dirname, '..');
/**
 * BENCH_SERVER_ROOT=<checkout>: the server is started from another checkout of TIPNet (say, an older commit
 * in a git worktree), so a before/after runs the same scenarios on the same database.
 */
export const SERVER_ROOT = process.env.BENCH_SERVER_ROOT || ROOT;
export const otherServer = SERVER_ROOT !== ROOT;
const HOST = '127.0.0.1';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type DatabaseKind = 'pglite' | 'postgres';

export type RunningServer = {
  database: DatabaseKind;
  baseUrl: string;
  /** The PostgreSQL database the server uses ('' for PGlite). */
  databaseUrl: string;
  demoPassword: string;
  /** Instances that join this one (`options.join`) share it, so a session works on every instance. */
  sessionSecret: string;
  /** Server log lines at warn level or above (pino JSON), and how many there were. */
  logProblems: { count: number; first: string[] };
  /** False once the server process has exited (crashed, or stopped). */
  isRunning(): boolean;
  /** The V8 inspector's WebSocket address when started with `inspect` (loopback only), for memory readings. */
  inspectorUrl?: string;
  stop(): Promise<void>;
};

/** Cleanups of everything started and not yet stopped; run on normal exit, failure and Ctrl-C. */
const pending = new Set<() => Promise<void>>();
const children = new Set<ChildProcess>();

export async function stopAll() {
  await Promise.allSettled([...pending].map((stop) => stop()));
}

// Last resort if the runner dies without awaiting stopAll(): never leave a server behind.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** A fresh database: a temp DATA_DIR for PGlite, or `tipnet_bench_<random>` beside the given PostgreSQL database. */
async function freshDatabase(kind: DatabaseKind, adminUrl: string | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tipnet-bench-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'pglite') return { dataDir, databaseUrl: '', drop: async () => removeDir() };

  if (!adminUrl) throw new Error('PostgreSQL needs DATABASE_URL');
  const url = new URL(adminUrl);
  if (!LOOPBACK.has(url.hostname))
    throw new Error(`the bench only talks to this machine; DATABASE_URL points at ${url.hostname}`);
  const name = `tipnet_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    drop: async () => {
      removeDir();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export type SyntheticSize = {
  orgs: number;
  people: number;
  problems?: number;
  comments?: number;
  coordination?: number;
};

/** A database filled beforehand by `npm run seed:synthetic` (with DEMO_PASSWORD), used as it is and kept. */
function existingDatabase(databaseUrl: string) {
  if (!LOOPBACK.has(new URL(databaseUrl).hostname)) throw new Error('the bench only talks to this machine');
  const demoPassword = process.env.DEMO_PASSWORD;
  if (!demoPassword) throw new Error('--reuse-database needs the DEMO_PASSWORD the database was seeded with');
  const dataDir = mkdtempSync(join(tmpdir(), 'tipnet-bench-'));
  return {
    dataDir,
    databaseUrl,
    demoPassword,
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

function joinedDatabase(first: RunningServer) {
  if (first.database !== 'postgres') throw new Error('only PostgreSQL instances can share a database');
  const dataDir = mkdtempSync(join(tmpdir(), 'tipnet-bench-'));
  return {
    dataDir,
    databaseUrl: first.databaseUrl,
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export async function startServer(
  kind: DatabaseKind,
  adminUrl?: string,
  synthetic?: SyntheticSize,
  options: {
    reuseDatabase?: boolean;
    /** A second instance on the database of a running PostgreSQL one (which drops it when it stops). */
    join?: RunningServer;
    /** Open the V8 inspector on a free loopback port (the soak collects garbage before reading the heap). */
    inspect?: boolean;
  } = {},
): Promise<RunningServer> {
  const joined = options.join ? joinedDatabase(options.join) : null;
  const reused = options.reuseDatabase && adminUrl && kind === 'postgres' ? existingDatabase(adminUrl) : null;
  const db = joined ?? reused ?? (await freshDatabase(kind, adminUrl));
  const port = await freePort();
  const baseUrl = `http://${HOST}:${port}`;
  const demoPassword =
    options.join?.demoPassword ?? reused?.demoPassword ?? `bench-${randomBytes(12).toString('base64url')}`;
  const sessionSecret = options.join?.sessionSecret ?? randomBytes(32).toString('base64url');
  if (synthetic && !reused) {
    await generateInto(
      { DATA_DIR: db.dataDir, DATABASE_URL: db.databaseUrl, DEMO_PASSWORD: demoPassword },
      synthetic,
    );
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // development, not production: production makes admins enrol 2FA before anything else.
    NODE_ENV: 'development',
    PORT: String(port),
    HOST,
    BASE_URL: baseUrl,
    DATA_DIR: db.dataDir,
    DATABASE_URL: db.databaseUrl, // blank means PGlite
    SEED_DEMO: '1',
    DEMO_PASSWORD: demoPassword,
    LOG_LEVEL: 'warn',
    SESSION_SECRET: sessionSecret,
    // Blank is unset for the server: nothing inherited may send mail or change its behaviour.
    SMTP_URL: '',
    TRUST_PROXY: '',
    SESSION_IDLE_MINUTES: '',
    SESSION_ABSOLUTE_HOURS: '',
    // The *-fresh scenarios send every request with Cache-Control: no-cache to measure the uncached path.
    FRESH_READS_PER_MINUTE: '1000000',
  };
  // BENCH_SERVER_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_SERVER_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`]
    : [];
  const inspect = options.inspect ? ['--inspect=127.0.0.1:0'] : [];
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...profile, ...inspect, '--import', 'tsx', join(SERVER_ROOT, 'server', 'main.ts')],
    {
      cwd: SERVER_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  exited.then(() => children.delete(child));

  const tail: string[] = [];
  const logProblems = { count: 0, first: [] as string[] };
  let inspectorUrl: string | undefined;
  const onLine = (line: string) => {
    if (!line.trim()) return;
    inspectorUrl ??= line.match(/^Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/)?.[1];
    tail.push(line);
    if (tail.length > 40) tail.shift();
    const entry = line.startsWith('{') ? safeJson(line) : undefined;
    if ((entry?.level ?? 0) >= 40) {
      logProblems.count++;
      if (logProblems.first.length < 5) logProblems.first.push(logSummary(entry!));
    }
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (buffered + chunk).split('\n');
      buffered = lines.pop() ?? '';
      lines.forEach(onLine);
    });
  }

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      pending.delete(stop);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await db.drop();
    })();
    return stopped;
  };
  pending.add(stop);

  try {
    await waitUntilReady(baseUrl, exited);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- server output (last lines) ---\n${tail.join('\n')}`);
  }
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  return {
    database: kind,
    baseUrl,
    databaseUrl: db.databaseUrl,
    demoPassword,
    sessionSecret,
    logProblems,
    isRunning,
    stop,
    get inspectorUrl() {
      return inspectorUrl;
    },
  };
}

/** Fills the fresh database with the deterministic synthetic network before the server opens it. */
async function generateInto(target: Record<string, string>, size: SyntheticSize) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'bench', 'synthetic', 'generate.ts'),
      '--orgs',
      String(size.orgs),
      '--people',
      String(size.people),
      '--problems',
      String(size.problems ?? 0),
      '--comments',
      String(size.comments ?? 0),
      '--coordination',
      String(size.coordination ?? 0),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...target, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  children.add(child);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  children.delete(child);
  if (code !== 0) throw new Error(`seed:synthetic failed with exit code ${code}`);
}

/** BENCH_READY_MS: longer for a machine shared by several runs (the start itself is not measured). */
async function waitUntilReady(
  baseUrl: string,
  exited: Promise<number | null>,
  timeoutMs = Number(process.env.BENCH_READY_MS) || 60_000,
) {
  let exitCode: number | null | undefined;
  exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the server exited (code ${exitCode}) before it was ready`);
    try {
      const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s`);
}

/** Signs in like the web app (same Origin) and returns the `tipnet_session=…` cookie. */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const body = await res.text();
  if (res.status !== 200 || safeJson(body)?.status !== 'ok')
    throw new Error(`login as ${email} failed: ${res.status} ${body}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tipnet_session='));
  if (!cookie) throw new Error(`login as ${email} set no tipnet_session cookie`);
  return cookie.split(';')[0]!;
}

type LogError = { type?: string; code?: string; message?: string; stack?: string; cause?: LogError };
type LogEntry = {
  level?: number;
  status?: string;
  time?: number;
  msg?: string;
  method?: string;
  route?: string;
  err?: LogError;
};

/**
 * A warning as one readable line: its message and the error chain's types, SQLSTATEs and messages, whose
 * cause a long failed query's text would otherwise push out of view.
 */
function logSummary(entry: LogEntry) {
  const chain: string[] = [];
  for (let e = entry.err, depth = 0; e && depth < 4; e = e.cause, depth++)
    chain.push(
      [
        e.type,
        e.code,
        e.message?.replace(/^Failed query: [\s\S]*?\nparams: .*$/m, 'Failed query')?.slice(0, 160),
      ]
        .filter(Boolean)
        .join(' '),
    );
  const at = entry.time ? new Date(entry.time).toISOString() : '';
  const route = entry.route && `${entry.method} ${entry.route}`;
  // A programming error has no SQLSTATE to go by: its first frame in TIPNet's own code says where.
  const where = entry.err?.stack?.match(/\((\/[^()]*\/(?:server|common)\/[^()]+)\)/)?.[1];
  return [at, entry.msg, route, ...chain, where && `at ${where}`].filter(Boolean).join(' | ');
}

function safeJson(text: string): LogEntry | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
