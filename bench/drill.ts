/**
 * `npm run bench:drill`: a fault drill against the real server on PostgreSQL. Mixed load (comments
 * written, problems and the board read) runs while the database drops every connection of the server
 * (`--fault terminate`, three times in 15 s) or restarts (`--fault restart`, `pg_ctlcluster … restart`,
 * needs a local cluster you may restart). Prints what failed, how close to a fault, how long until the
 * first success after each fault, and whether the server is still running. Exits non-zero if the server
 * died, answered anything but 2xx/503, or a 503 lacked Retry-After.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { login, startServer, stopAll } from './server.ts';

const { values: flags } = parseArgs({
  options: {
    fault: { type: 'string', default: 'terminate' },
    duration: { type: 'string', default: '20' },
    workers: { type: 'string', default: '8' },
  },
});
const fault = flags.fault === 'restart' ? 'restart' : 'terminate';
const durationMs = Number(flags.duration) * 1000;
const workers = Number(flags.workers);
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error('bench:drill needs DATABASE_URL (a local PostgreSQL server)');
  process.exit(2);
}

type Outcome = { at: number; status: number; retryAfter: boolean; op: string };

async function main() {
  const server = await startServer('postgres', adminUrl);
  const cookie = await login(server.baseUrl, 'mirror@tipnet.example', server.demoPassword);
  const headers = { cookie, origin: server.baseUrl, 'content-type': 'application/json' };
  const board = await (await fetch(`${server.baseUrl}/api/v1/problems?limit=20`, { headers })).json();
  const problemIds: string[] = board.items.map((p: { id: string }) => p.id);
  if (problemIds.length === 0) throw new Error('the demo network has no problems to comment on');

  const started = Date.now();
  const outcomes: Outcome[] = [];
  const faults: number[] = [];
  let running = true;
  let n = 0;

  const operations = [
    () => ({ op: 'board', url: '/api/v1/problems?limit=20', init: {} }),
    () => ({ op: 'problem', url: `/api/v1/problems/${problemIds[n % problemIds.length]}`, init: {} }),
    () => ({
      op: 'comment',
      url: `/api/v1/problems/${problemIds[n % problemIds.length]}/comments`,
      init: { method: 'POST', body: JSON.stringify({ body: `บันทึกการซ้อมรับมือ ${n}` }) },
    }),
  ];
  async function worker() {
    while (running) {
      const { op, url, init } = operations[n++ % operations.length]!();
      let status = 0;
      let retryAfter = false;
      try {
        const res = await fetch(`${server.baseUrl}${url}`, {
          ...init,
          headers: { ...headers, 'cache-control': 'no-cache' },
          signal: AbortSignal.timeout(15_000),
        });
        await res.arrayBuffer();
        status = res.status;
        retryAfter = res.headers.has('retry-after');
      } catch {
        status = 0; // the connection itself failed: the server is gone or hung
      }
      outcomes.push({ at: Date.now() - started, status, retryAfter, op });
    }
  }

  const load = Array.from({ length: workers }, worker);
  const database = new URL(server.databaseUrl).pathname.slice(1);
  if (fault === 'terminate') {
    for (const at of [3_000, 8_000, 13_000]) {
      await sleepUntil(started + at);
      faults.push(Date.now() - started);
      await terminateConnections(adminUrl!, database);
    }
  } else {
    await sleepUntil(started + 3_000);
    faults.push(Date.now() - started);
    await restartCluster();
  }
  await sleepUntil(started + durationMs);
  running = false;
  await Promise.all(load);

  const failed = outcomes.filter((o) => o.status < 200 || o.status >= 300);
  const unexpected = failed.filter((o) => o.status !== 503 || !o.retryAfter);
  const nearFault = failed.filter((o) => faults.some((f) => o.at >= f && o.at - f <= 3_000));
  // Time from each fault to the first success after its last failure (failures before the next fault).
  const recovery = faults.map((f, i) => {
    const until = faults[i + 1] ?? Number.POSITIVE_INFINITY;
    const lastFailure = failed
      .filter((o) => o.at >= f && o.at < until)
      .reduce((max, o) => Math.max(max, o.at), f);
    const firstSuccessAfter = outcomes.find((o) => o.at > lastFailure && o.status < 300);
    return firstSuccessAfter ? firstSuccessAfter.at - f : null;
  });
  const alive = server.isRunning();
  console.log(
    JSON.stringify(
      {
        fault,
        faultsAtMs: faults,
        requests: outcomes.length,
        failed: failed.length,
        failedByStatus: countBy(failed.map((o) => String(o.status))),
        failedWithin3sOfAFault: nearFault.length,
        unexpected: unexpected.length,
        recoveryMs: recovery,
        serverRunning: alive,
        serverLogWarnings: server.logProblems.count,
      },
      null,
      2,
    ),
  );
  await stopAll();
  if (!alive || unexpected.length > 0) process.exit(1);
}

async function terminateConnections(url: string, database: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
  } finally {
    await client.end();
  }
}

/** Asynchronously, so the load keeps running (and failing) while the cluster is down. */
async function restartCluster() {
  const version = readdirSync('/etc/postgresql')[0];
  if (!version) throw new Error('no local PostgreSQL cluster under /etc/postgresql');
  await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart']);
}

const sleepUntil = (time: number) => new Promise((r) => setTimeout(r, Math.max(0, time - Date.now())));
const countBy = (keys: string[]) =>
  keys.reduce<Record<string, number>>((acc, k) => {
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

main().catch(async (err) => {
  console.error(err);
  await stopAll();
  process.exit(1);
});
