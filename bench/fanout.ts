/**
 * `npm run bench:fanout`: how long 1,000 followers of one problem wait for their in-app notification.
 * Starts the real server on PostgreSQL (a fresh database, or the one in DATABASE_URL with
 * --reuse-database), makes 1,000 active members follow an open problem, then has the demo member comment
 * on it (a timeline event every follower hears of) and times from the request until all 1,000
 * notifications exist. The server's own dispatcher does the work, woken by the trigger's NOTIFY.
 * Target: ≤ 2 s. PGlite is covered by the same figure in server/modules/notifications/notifications.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { OPEN_STATES } from '../common/problems-taxonomy.ts';
import { login, startServer, stopAll } from './server.ts';

const MEMBER = 'mirror@tipnet.example';
const TARGET_MS = 2_000;
const GIVE_UP_MS = 30_000;

const { values: flags } = parseArgs({
  options: {
    followers: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    'reuse-database': { type: 'boolean', default: false },
  },
});
const followerCount = Number(flags.followers);
const rounds = Number(flags.rounds);
if (![followerCount, rounds].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: npm run bench:fanout -- [--followers 1000] [--rounds 3] [--reuse-database]');
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error('bench:fanout needs DATABASE_URL (a PostgreSQL server on this machine)');
  process.exit(2);
}

async function main() {
  const server = await startServer('postgres', process.env.DATABASE_URL, undefined, {
    reuseDatabase: flags['reuse-database'],
  });
  const db = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
  const followerIds = Array.from({ length: followerCount }, () => randomUUID());
  try {
    const cookie = await login(server.baseUrl, MEMBER, server.demoPassword);
    const { rows: open } = await db.query<{ id: string; organisation_id: string }>(
      `select p.id, u.organisation_id from problems p, users u
       where p.state = any($2) and u.email = $1
       order by p.created_at desc limit 1`,
      [MEMBER, OPEN_STATES],
    );
    const problem = open[0];
    if (!problem) throw new Error('no open problem to follow');
    const now = new Date();
    await db.query('begin');
    await db.query(
      `insert into users (id, organisation_id, email, display_name, role, language, password_hash, active, created_at, updated_at)
       select id, $2, 'fanout-' || id || '@bench.example', 'Fan-out follower', 'member', 'th', 'cannot-sign-in', true, $3, $3
       from unnest($1::uuid[]) as id`,
      [followerIds, problem.organisation_id, now],
    );
    await db.query(
      'insert into problem_follows (problem_id, user_id, created_at) select $1, id, $3 from unnest($2::uuid[]) as id',
      [problem.id, followerIds, now],
    );
    await db.query('commit');
    console.log(
      `${followerCount} members follow problem ${problem.id}; ${rounds} rounds of one comment each`,
    );

    const times: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const started = performance.now();
      const res = await fetch(`${server.baseUrl}/api/v1/problems/${problem.id}/comments`, {
        method: 'POST',
        headers: { cookie, origin: server.baseUrl, 'content-type': 'application/json' },
        body: JSON.stringify({ body: `Fan-out round ${round}: any news on this?` }),
      });
      const answeredMs = performance.now() - started;
      if (res.status !== 201) throw new Error(`comment answered ${res.status}: ${await res.text()}`);
      const comment = (await res.json()) as { id: string };
      let told = 0;
      while (performance.now() - started < GIVE_UP_MS) {
        const { rows } = await db.query<{ n: number }>(
          `select count(*)::int as n from notifications n join problem_events e on e.id = n.event_id
           where e.problem_id = $1 and e.data->>'commentId' = $2 and n.recipient_user_id = any($3::uuid[])`,
          [problem.id, comment.id, followerIds],
        );
        told = rows[0]!.n;
        if (told >= followerCount) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      const elapsed = performance.now() - started;
      if (told < followerCount)
        throw new Error(`only ${told} of ${followerCount} told after ${GIVE_UP_MS} ms`);
      times.push(elapsed);
      console.log(
        `round ${round}: comment answered in ${answeredMs.toFixed(0)} ms; all ${followerCount} notifications in ${elapsed.toFixed(0)} ms`,
      );
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const worst = sorted.at(-1)!;
    console.log(
      `\nfan-out to ${followerCount} followers: median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms ` +
        `(target ≤ ${TARGET_MS} ms: ${worst <= TARGET_MS ? 'met' : 'MISSED'})`,
    );
    if (worst > TARGET_MS) process.exitCode = 1;
  } finally {
    if (flags['reuse-database']) {
      // A reused database is kept: leave it as it was, but for the comments (they are the problem's history).
      await db.query('delete from notifications where recipient_user_id = any($1::uuid[])', [followerIds]);
      await db.query('delete from problem_follows where user_id = any($1::uuid[])', [followerIds]);
      await db.query('delete from users where id = any($1::uuid[])', [followerIds]);
    }
    await db.end();
    await server.stop();
  }
}

main()
  .catch((err) => {
    console.error(`\nbench:fanout failed: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
