/**
 * `npm run bench`: the real server on PGlite (and PostgreSQL when DATABASE_URL is set), each scenario
 * warmed up then measured with autocannon. Flags and the meaning of the figures: bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/db/client.ts';
import { burst, type LoadResult, load, poissonArrivals, stopLoad } from './load.ts';
import { captureStatements, replayStatements } from './raw-limit.ts';
import { type BenchContext, SCENARIOS, type Scenario } from './scenarios/index.ts';
import { type DatabaseKind, login, otherServer, SERVER_ROOT, startServer, stopAll } from './server.ts';

const BASELINE = 'healthz';
const MEMBER = 'mirror@tipnet.example';
/** More failed requests than this (as a fraction) makes the run exit non-zero. */
const MAX_FAILED = 0.01;

type ScenarioResult = LoadResult & {
  name: string;
  /** Fewer than `--connections` when the scenario says fewer people do it at once. */
  connections: number;
  ratioToBaseline: number | null;
  failedFraction: number;
  /** PostgreSQL alone on the same statements at the same concurrency (postgres runs only). */
  rawSqlLimit?: { requestsPerSecond: number; latencyMs: LoadResult['latencyMs'] };
  /** A background job's pass timed straight on the database (postgres runs only): each run's ms. */
  jobMs?: number[];
  /** What the scenario's check found after the run (e.g. "0 overbooked"). */
  verified?: string;
};

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '16' },
    scenario: { type: 'string', multiple: true },
    orgs: { type: 'string', default: '0' },
    people: { type: 'string', default: '0' },
    problems: { type: 'string', default: '0' },
    comments: { type: 'string', default: '0' },
    coordination: { type: 'string', default: '0' },
    'reuse-database': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log(
    'npm run bench -- [--duration 10] [--warmup 3] [--connections 16] [--scenario me ...]   (see bench/README.md)',
  );
  process.exit(0);
}
const durationSeconds = positive('duration', flags.duration);
const warmupSeconds = flags.warmup === '0' ? 0 : positive('warmup', flags.warmup);
const allConnections = positive('connections', flags.connections);
const scenarios = pickScenarios(flags.scenario ?? []);
const synthetic =
  flags.orgs === '0'
    ? undefined
    : {
        orgs: positive('orgs', flags.orgs),
        people: Number(flags.people) || 0,
        problems: Number(flags.problems) || 0,
        comments: Number(flags.comments) || 0,
        coordination: Number(flags.coordination) || 0,
      };

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping the servers…`);
    stopLoad();
    stopAll().finally(() => process.exit(130));
  });
}

async function main() {
  const databases: DatabaseKind[] = flags['reuse-database']
    ? ['postgres']
    : process.env.DATABASE_URL
      ? ['pglite', 'postgres']
      : ['pglite'];
  console.log(
    `TIPNet bench: ${scenarios.map((s) => s.name).join(', ')} on ${databases.join(' + ')}; ` +
      `${allConnections} connections, ${warmupSeconds} s warm-up + ${durationSeconds} s each; ${cpus().length} CPUs`,
  );
  const report = {
    startedAt: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    connections: allConnections,
    warmupSeconds,
    durationSeconds,
    runs: [] as unknown[],
  };
  let failed = false;

  for (const database of databases) {
    if (interrupted) break;
    const results = await benchDatabase(database);
    if (interrupted) break;
    printTable(database, results);
    failed ||= results.some((r) => r.failedFraction > MAX_FAILED);
    report.runs.push({ database, scenarios: results });
  }
  if (interrupted) return;

  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify({ ...report, failed }, null, 2)}\n`);
  console.log(`\nResults written to bench/results/latest.json`);
  if (failed) {
    console.error(
      `\nFAILED: a scenario had more than ${MAX_FAILED * 100}% failed requests; its figures are not meaningful.`,
    );
    process.exitCode = 1;
  }
}

async function benchDatabase(database: DatabaseKind): Promise<ScenarioResult[]> {
  const from = otherServer
    ? ` from ${SERVER_ROOT} (no raw-SQL limits: they replay this checkout's statements)`
    : '';
  process.stdout.write(`\n[${database}] starting the server${from}… `);
  const started = Date.now();
  if (synthetic && !flags['reuse-database'])
    console.log(
      `\n[${database}] generating ${synthetic.orgs} organisations, ${synthetic.people} people, ` +
        `${synthetic.problems} problems and ${synthetic.comments} comments…`,
    );
  const server = await startServer(database, process.env.DATABASE_URL, synthetic, {
    reuseDatabase: flags['reuse-database'],
  });
  try {
    console.log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${server.baseUrl}`);
    const cookie = await login(server.baseUrl, MEMBER, server.demoPassword);
    const authHeaders = { cookie, origin: server.baseUrl };
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      if (interrupted) break;
      if (scenario.onlyOn && scenario.onlyOn !== database) {
        console.log(`[${database}] ${scenario.name}: skipped (runs on ${scenario.onlyOn} only)`);
        continue;
      }
      const ctx: BenchContext = {
        baseUrl: server.baseUrl,
        authHeaders,
        api: apiFor(server.baseUrl, authHeaders),
        state: {},
        databaseUrl: server.databaseUrl || null,
        loginAs: async (email, password) =>
          `${await login(server.baseUrl, email, password ?? server.demoPassword)}`,
      };
      const unavailable = await scenario.unavailable?.(ctx);
      if (unavailable) {
        console.log(`[${database}] ${scenario.name}: skipped (${unavailable})`);
        continue;
      }
      await scenario.setup?.(ctx);
      const requests = [scenario.request(ctx)].flat();
      const connections = Math.min(scenario.connections ?? allConnections, allConnections);
      let result: LoadResult;
      if (scenario.once) {
        const within = scenario.arrivingWithinSeconds;
        process.stdout.write(
          `[${database}] ${scenario.name}: ${requests.length} requests once${within ? ` arriving within ${within} s` : ''}… `,
        );
        const arrivalsMs = within ? poissonArrivals(requests.length, within) : undefined;
        result = await burst(server.baseUrl, requests, { connections, arrivalsMs });
        console.log(`${result.durationSeconds.toFixed(1)} s, ${result.requestsPerSecond.toFixed(0)} req/s`);
      } else {
        process.stdout.write(`[${database}] ${scenario.name}: warm-up… `);
        if (warmupSeconds > 0)
          await load(server.baseUrl, requests, { connections, durationSeconds: warmupSeconds });
        if (interrupted) break;
        process.stdout.write('measuring… ');
        result = await load(server.baseUrl, requests, { connections, durationSeconds });
        console.log(`${result.requestsPerSecond.toFixed(0)} req/s`);
      }
      const baseline = results.find((r) => r.name === BASELINE)?.requestsPerSecond;
      results.push({
        name: scenario.name,
        connections,
        ...result,
        ratioToBaseline: baseline ? result.requestsPerSecond / baseline : null,
        failedFraction: result.total ? result.failed / result.total : 1,
      });
      if (scenario.verify && !interrupted) {
        const verified = await scenario.verify(ctx);
        console.log(`[${database}] ${scenario.name}: ${verified}`);
        results.at(-1)!.verified = verified;
      }
      // Another checkout's server sends its own statements: replaying this checkout's would say nothing of it.
      if (scenario.statements && server.databaseUrl && !interrupted && !otherServer) {
        process.stdout.write(`[${database}] ${scenario.name}: raw-SQL limit through pg… `);
        const statements = await captureStatements(server.databaseUrl, (db, now) =>
          scenario.statements!(db, now, ctx),
        );
        const limit = await replayStatements(server.databaseUrl, statements, {
          connections,
          durationSeconds,
          requestsPerRound: requests.length,
        });
        console.log(`${limit.requestsPerSecond.toFixed(0)} req/s`);
        results.at(-1)!.rawSqlLimit = limit;
      }
      if (scenario.job && server.databaseUrl && !interrupted) {
        const timings = await timeJob(server.databaseUrl, scenario.job);
        console.log(
          `[${database}] ${scenario.name}: job pass ${timings.map((ms) => ms.toFixed(0)).join(', ')} ms`,
        );
        results.at(-1)!.jobMs = timings;
      }
    }
    if (server.logProblems.count > 0) {
      console.warn(
        `[${database}] WARNING: the server logged ${server.logProblems.count} warning/error line(s), first ones:`,
      );
      for (const line of server.logProblems.first) console.warn(`  ${line}`);
    }
    return results;
  } finally {
    await server.stop();
  }
}

/** Times a background job's pass, each after its prepare step, over its own pool (the server runs its own). */
async function timeJob(databaseUrl: string, job: NonNullable<Scenario['job']>) {
  const database = await openDatabase({ databaseUrl, dataDir: '', poolSize: 4 });
  const timings: number[] = [];
  try {
    for (let i = 0; i < (job.runs ?? 3); i++) {
      await job.prepare?.(database.db, new Date(), i);
      const started = performance.now();
      await job.run(database.db, new Date());
      timings.push(performance.now() - started);
    }
  } finally {
    await database.close();
  }
  return timings;
}

function printTable(database: DatabaseKind, results: ScenarioResult[]) {
  const ms = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(1));
  const rows = results.map((r) => [
    r.name,
    r.requestsPerSecond.toFixed(0),
    ms(r.latencyMs.p50),
    ms(r.latencyMs.p95),
    ms(r.latencyMs.p99),
    String(r.failed),
    r.ratioToBaseline === null ? '-' : r.ratioToBaseline.toFixed(2),
  ]);
  const header = ['scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'failed', `vs ${BASELINE}`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${database}`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const r of results.filter((x) => x.connections !== allConnections))
    console.log(`${r.name}: at ${r.connections} connection(s)`);
  for (const r of results.filter((x) => x.verified))
    console.log(`${r.name}: ${r.verified} (${r.total} requests in ${r.durationSeconds.toFixed(1)} s)`);
  for (const r of results) {
    if (!r.rawSqlLimit) continue;
    const l = r.rawSqlLimit;
    console.log(
      `${r.name}: raw-SQL limit ${l.requestsPerSecond.toFixed(0)} req/s (p95 ${ms(l.latencyMs.p95)} ms); ` +
        `API ÷ limit = ${(r.requestsPerSecond / l.requestsPerSecond).toFixed(2)}`,
    );
  }
  for (const r of results.filter((x) => x.failed > 0)) {
    const codes = Object.entries(r.statusCodes)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, n]) => `${n}× HTTP ${code}`);
    if (r.errors) codes.push(`${r.errors} socket errors (${r.timeouts} timeouts)`);
    console.warn(
      `WARNING: ${database}/${r.name}: ${r.failed} of ${r.total} requests failed (${(r.failedFraction * 100).toFixed(2)}%): ${codes.join(', ')}`,
    );
  }
}

function apiFor(baseUrl: string, authHeaders: Record<string, string>): BenchContext['api'] {
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...authHeaders, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** The named scenarios (comma-separated or repeated), always with the baseline first. */
function pickScenarios(names: string[]): Scenario[] {
  const wanted = new Set(names.flatMap((n) => n.split(',')).filter(Boolean));
  const unknown = [...wanted].filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length) {
    console.error(
      `Unknown scenario(s): ${unknown.join(', ')}. Known: ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
    process.exit(2);
  }
  return SCENARIOS.filter((s) => wanted.size === 0 || s.name === BASELINE || wanted.has(s.name));
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a positive whole number, got ${value}`);
    process.exit(2);
  }
  return n;
}

main()
  .catch((err) => {
    console.error(`\nBench failed: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
