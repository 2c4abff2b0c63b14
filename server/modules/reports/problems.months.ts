/**
 * Problems raised, first answered, resolved and adopted in a standard period (month, quarter, calendar or
 * fiscal year), in all and per category and sector, summed from the monthly counts kept by migration
 * 0040's triggers: a few hundred rows whatever the period's size. Custom ranges are not whole months and
 * are counted live by the section.
 */
import { sql } from 'drizzle-orm';
import { dayCode, type Period } from '../../../common/report-periods.ts';
import { executePrepared } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';
import { reportProblemCounts } from '../../db/schema/index.ts';
import type { SectionContext } from './sections.ts';

type Kind = 'raised' | 'answered' | 'resolved' | 'adopted';
export type MonthCounts = {
  totals: Record<Kind, number>;
  /** Per category and per sector code: raised, answered and resolved (adopted is not tabled). */
  categories: Map<string, Record<Kind, number>>;
  sectors: Map<string, Record<Kind, number>>;
};

export const keptInMonths = (p: Period) => p.kind !== 'range';

const zero = (): Record<Kind, number> => ({ raised: 0, answered: 0, resolved: 0, adopted: 0 });

export async function countsInMonths(ctx: SectionContext, p: Period): Promise<MonthCounts> {
  const c = reportProblemCounts;
  const rows = rowsOf<{ kind: Kind; dimension: 'all' | 'category' | 'sector'; code: string; n: number }>(
    await executePrepared(
      ctx.db,
      sql`
      select ${c.kind} as kind, ${c.dimension} as dimension, ${c.code} as code, sum(${c.problems})::int as n
      from ${c}
      where ${c.month} >= ${dayCode(p.start)}::date and ${c.month} < ${dayCode(p.end)}::date
      group by 1, 2, 3`,
    ),
  );
  const counts: MonthCounts = { totals: zero(), categories: new Map(), sectors: new Map() };
  for (const r of rows) {
    if (r.dimension === 'all') {
      counts.totals[r.kind] = r.n;
      continue;
    }
    const byCode = r.dimension === 'category' ? counts.categories : counts.sectors;
    const entry = byCode.get(r.code) ?? zero();
    entry[r.kind] = r.n;
    byCode.set(r.code, entry);
  }
  return counts;
}
