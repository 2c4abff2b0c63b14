/**
 * `npx tsx bench/review-sections.ts [--period fiscal-2570] [--rounds 3] [--member] [--whole]`: times each
 * section of the dashboard (with --whole: of the workbook and the PDF, every row) one after the other on
 * the database in DATABASE_URL (migrated first), as the Centre's admin or as the demo member, and prints
 * each section's median: where a dashboard load spends its database time.
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { parsePeriod, previousPeriod } from '../common/report-periods.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { users } from '../server/db/schema/index.ts';
import { REPORT_SECTIONS } from '../server/modules/reports/registry.ts';
import { DASHBOARD_ROWS } from '../server/modules/reports/reports.service.ts';
import { quantile } from '../server/modules/reports/sections.ts';

const { values } = parseArgs({
  options: {
    period: { type: 'string', default: 'fiscal-2570' },
    rounds: { type: 'string', default: '3' },
    member: { type: 'boolean', default: false },
    /** Every row of every table, as the workbook and the PDF ask, rather than the dashboard's first rows. */
    whole: { type: 'boolean', default: false },
  },
});
const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: 4,
});
const started = performance.now();
await migrate(database);
console.log(`migrations: ${Math.round(performance.now() - started)} ms`);
const email = values.member ? 'mirror@tipnet.example' : 'admin@tipnet.example';
const [user] = await database.db.select().from(users).where(eq(users.email, email));
if (!user) throw new Error(`${email} is missing: seed the demo network first`);
const period = parsePeriod(values.period)!;
const ctx = {
  db: database.db,
  viewer: {
    userId: user.id,
    organisationId: user.organisationId,
    role: user.role,
    sessionId: 'bench',
    mustEnrolTotp: false,
  },
  period,
  previous: previousPeriod(period),
  now: new Date(),
  centre: !values.member,
  rowsPerTable: values.whole ? undefined : DASHBOARD_ROWS,
};
const times = new Map<string, number[]>();
for (let round = 0; round < Number(values.rounds); round++)
  for (const section of REPORT_SECTIONS) {
    const t0 = performance.now();
    await section.compute(ctx);
    times.set(section.id, [...(times.get(section.id) ?? []), performance.now() - t0]);
  }
let total = 0;
for (const [id, list] of times) {
  const median = quantile(list, 0.5)!;
  total += median;
  console.log(`${id.padEnd(14)} ${Math.round(median)} ms (${list.map(Math.round).join(', ')})`);
}
console.log(
  `${'total'.padEnd(14)} ${Math.round(total)} ms, ${values.period}, ${values.member ? 'member' : 'Centre'}`,
);
await database.close();
