/** The review for one period: every registered section, computed for the viewer. */
import { sql } from 'drizzle-orm';
import {
  defaultPeriodCode,
  type Period,
  parsePeriod,
  periodLabel,
  previousPeriod,
} from '../../../common/report-periods.ts';
import { type ReportSection, type ReviewView, WITHHELD } from '../../../common/reports-api.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { authorize, can } from '../../platform/policy.ts';
import { REPORT_SECTIONS } from './registry.ts';
import { label, type SectionContext } from './sections.ts';
import { withSecondarySuppression } from './suppression.ts';

const describe = (p: Period) => ({
  code: p.code,
  label: { th: periodLabel(p, 'th'), en: periodLabel(p, 'en') },
  start: p.start.toISOString(),
  end: p.end.toISOString(),
});

export async function review(
  db: Db,
  viewer: Actor,
  now: Date,
  code: string | undefined,
  pdfAvailable = false,
): Promise<ReviewView> {
  authorize(viewer, 'report.read', undefined);
  const period = parsePeriod(code ?? defaultPeriodCode(now));
  if (!period) throw badRequest('INVALID_PERIOD', 'Unknown period');
  const previous = previousPeriod(period);
  const centre = can(viewer, 'report.readNetwork', undefined);
  const sections = await inOneSnapshot(db, (tx) => {
    const ctx: SectionContext = { db: tx, viewer, period, previous, now, centre };
    return Promise.all(
      REPORT_SECTIONS.map(async (s) => protect({ id: s.id, title: s.title, ...(await s.compute(ctx)) })),
    );
  });
  return {
    period: describe(period),
    previous: describe(previous),
    generatedAt: now.toISOString(),
    scope: centre ? 'network' : 'organisation',
    sections,
    pdfAvailable,
  };
}

/**
 * Every section reads the same snapshot (one read-only repeatable-read transaction), so the figures of one
 * review agree with each other, and on one connection, so a review uses one of the pool's connections.
 * Without JIT: the planner's cost of a year's range scans passes the JIT threshold, and compiling cost
 * more than the queries themselves. A little more memory per sort and hash keeps a year's rows off disk.
 */
function inOneSnapshot<T>(db: Db, read: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`);
      return read(tx);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

const WITHHELD_NOTE = label(
  ` ช่องที่แสดง "${WITHHELD}" ถูกปกปิดเพิ่มเพื่อไม่ให้คำนวณค่า "< 5" ย้อนกลับจากผลรวมได้`,
  ` Cells marked "${WITHHELD}" are withheld so that no "< 5" can be worked out from a total.`,
);

/** Every table gets secondary suppression here, once, so no section can forget it. */
function protect(section: ReportSection): ReportSection {
  const tables = section.tables.map(withSecondarySuppression);
  const withheld = tables.some(
    (t) => t.rows.some((r) => r.values.includes(WITHHELD)) || t.totals?.includes(WITHHELD),
  );
  if (!withheld) return { ...section, tables };
  return {
    ...section,
    tables,
    method: { th: section.method.th + WITHHELD_NOTE.th, en: section.method.en + WITHHELD_NOTE.en },
  };
}
