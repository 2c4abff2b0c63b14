import { sql } from 'drizzle-orm';
import pino from 'pino';
import type { Config } from '../../server/config.ts';
import { runEscalations } from '../../server/modules/coordination/escalation.ts';
import type { Scenario } from './types.ts';

/** Steps made due before each timed pass but the last, which finds nothing due: the scan alone. */
const DUE_PER_PASS = 100;

/**
 * The escalation engine's tick over the open requests of `--coordination <n>` (bench/synthetic/coordination.ts):
 * each timed pass finds the due steps with one index scan of the escalation queue and fires them (emails,
 * timeline, audit, claim rows). The HTTP part loads the member's outgoing requests list meanwhile.
 */
export const coordinationEscalationTick: Scenario = {
  name: 'coordination-escalation-tick',
  description: 'the escalation tick over the open unacknowledged requests (job pass timed on PostgreSQL)',
  request: (ctx) => ({ path: '/api/v1/coordination/requests?limit=20', headers: ctx.authHeaders }),
  job: {
    runs: 3,
    async prepare(db, now, run) {
      if (run >= 2) return;
      await db.execute(sql`
        update coordination_escalation_queue set due_at = ${new Date(now.getTime() - 1000).toISOString()}::timestamptz
        where request_id in (
          select request_id from coordination_escalation_queue where due_at > ${now.toISOString()}::timestamptz
          order by request_id limit ${DUE_PER_PASS})
      `);
    },
    async run(db, now) {
      const [open] = (
        (await db.execute(sql`select count(*)::int as n from coordination_escalation_queue`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows;
      const result = await runEscalations({
        db,
        clock: { now: () => now },
        config: { sessionSecret: 'bench-only-secret', baseUrl: 'http://127.0.0.1' } as Config,
        hasMailTransport: false,
        logger: pino({ level: 'silent' }),
      });
      process.stdout.write(`(${open?.n ?? 0} queued, ${result.fired} steps fired) `);
    },
  },
};
