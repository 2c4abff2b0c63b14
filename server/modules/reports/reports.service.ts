/** The review for one period: every registered section, computed for the viewer. */
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

/**
 * The dashboard sends each table's first rows only: at 5,000 agencies the full agencies table is 0.9 MB
 * of JSON that a phone would download, parse and draw as 5,000 rows nobody scrolls through. The workbook
 * and the PDF keep every row.
 */
export const DASHBOARD_ROWS = 100;

export type ReviewOptions = {
  /** False when the server has no Chromium: the dashboard's PDF button explains instead. */
  pdfAvailable?: boolean;
  /** Send only each table's first rows, with the whole table's row count (the dashboard). */
  rowsPerTable?: number;
};

export async function review(
  db: Db,
  viewer: Actor,
  now: Date,
  code: string | undefined,
  { pdfAvailable = false, rowsPerTable }: ReviewOptions = {},
): Promise<ReviewView> {
  authorize(viewer, 'report.read', undefined);
  const period = parsePeriod(code ?? defaultPeriodCode(now));
  if (!period) throw badRequest('INVALID_PERIOD', 'Unknown period');
  const previous = previousPeriod(period);
  const centre = can(viewer, 'report.readNetwork', undefined);
  const ctx: SectionContext = { db, viewer, period, previous, now, centre, rowsPerTable };
  const sections = await Promise.all(
    REPORT_SECTIONS.map(async (s) => {
      const section = protect({ id: s.id, title: s.title, ...(await s.compute(ctx)) });
      return rowsPerTable === undefined ? section : firstRows(section, rowsPerTable);
    }),
  );
  return {
    period: describe(period),
    previous: describe(previous),
    generatedAt: now.toISOString(),
    scope: centre ? 'network' : 'organisation',
    sections,
    pdfAvailable,
  };
}

const WITHHELD_NOTE = label(
  ` ช่องที่แสดง "${WITHHELD}" ถูกปกปิดเพิ่มเพื่อไม่ให้คำนวณค่า "< 5" ย้อนกลับจากผลรวมได้`,
  ` Cells marked "${WITHHELD}" are withheld so that no "< 5" can be worked out from a total.`,
);

/** Cut after suppression, so the rows shown are exactly as they are in the whole table. */
function firstRows(section: ReportSection, count: number): ReportSection {
  return {
    ...section,
    tables: section.tables.map((t) =>
      t.rows.length <= count ? t : { ...t, rows: t.rows.slice(0, count), rowsInFull: t.rows.length },
    ),
  };
}

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
