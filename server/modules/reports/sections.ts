/**
 * The review is a list of sections, each contributed by the module whose data it counts. A section
 * exists as soon as its module does: each adds its own to `REPORT_SECTIONS`. Every section computes
 * from the same context, so periods, comparison and suppression are handled once and the web, the
 * workbook and the printed review render any section alike.
 */
import type { Period } from '../../../common/report-periods.ts';
import {
  type Cell,
  type Label,
  type ReportSection,
  SMALL_COUNT,
  SUPPRESSED,
} from '../../../common/reports-api.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';

export type SectionContext = {
  db: Db;
  viewer: Actor;
  period: Period;
  previous: Period;
  now: Date;
  /** The Centre sees the whole network unsuppressed; everyone else its own organisation and medians. */
  centre: boolean;
  /**
   * The dashboard shows each table's first rows only (review() cuts them). A section whose table needs no
   * suppression may cut it in the database, setting `rowsInFull` and the whole table's totals.
   */
  rowsPerTable?: number;
};

export type ReportSectionDefinition = {
  id: string;
  title: Label;
  compute: (ctx: SectionContext) => Promise<Omit<ReportSection, 'id' | 'title'>>;
};

export const label = (th: string, en: string): Label => ({ th, en });

/**
 * A count shown beyond the Centre that counts fewer than 5 people or problems, all from one
 * organisation, would point at that organisation (or at an anonymous reporter): it shows "< 5".
 */
export function suppress(ctx: SectionContext, n: number, organisations: number): Cell {
  if (ctx.centre || n === 0 || n >= SMALL_COUNT || organisations > 1) return n;
  return SUPPRESSED;
}

/** A median shown beyond the Centre needs this many organisations' figures: of two, one's own gives the other's back. */
export const MEDIAN_MIN_ORGANISATIONS = 3;

/**
 * The median organisation: per column, the median of the organisations' figures (of those that have one).
 * Beyond the Centre a column with fewer than MEDIAN_MIN_ORGANISATIONS figures shows none.
 */
export function networkMedian(
  rows: readonly Cell[][],
  columns: number,
  { centre }: { centre: boolean },
): Cell[] {
  return Array.from({ length: columns }, (_, i) => {
    const figures = rows.map((v) => v[i]).filter((v): v is number => typeof v === 'number');
    return medianShown(figures.length, quantile(figures, 0.5), { centre });
  });
}

const medianShown = (figures: number, median: number | null, { centre }: { centre: boolean }) =>
  centre || figures >= MEDIAN_MIN_ORGANISATIONS ? median : null;

/** The row a table ends with beyond the Centre (and the Centre's coordination table): the median organisation. */
export const NETWORK_MEDIAN_CODE = 'network_median';
const NETWORK_MEDIAN_LABEL = label('ค่ามัธยฐานของเครือข่าย', 'Network median');
export const networkMedianRow = (rows: readonly Cell[][], columns: number, viewer: { centre: boolean }) => ({
  code: NETWORK_MEDIAN_CODE,
  label: NETWORK_MEDIAN_LABEL,
  values: networkMedian(rows, columns, viewer),
});

/**
 * The same row from medians the database took: per column, how many organisations had a figure and the
 * median of those figures (percentile_cont(0.5), the interpolation `quantile` uses).
 */
export const networkMedianRowOf = (
  columns: readonly { figures: number; median: number | null }[],
  viewer: { centre: boolean },
) => ({
  code: NETWORK_MEDIAN_CODE,
  label: NETWORK_MEDIAN_LABEL,
  values: columns.map((c) => medianShown(c.figures, oneDecimal(c.median), viewer)),
});

/** Median and 90th percentile of a list, one decimal. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return oneDecimal(sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low));
}

/** A quantile as the review shows it; the database's `tipnet_quantile` (migration 0048) leaves this to us. */
export function oneDecimal(v: number): number;
export function oneDecimal(v: number | null): number | null;
export function oneDecimal(v: number | null) {
  return v === null ? null : Math.round(v * 10) / 10;
}

/** Sums a column; a suppressed cell makes the total meaningless beyond the Centre, so it is left out. */
export function totalsOf(rows: { values: Cell[] }[], summable: readonly boolean[]): Cell[] {
  return summable.map((sum, i) => {
    if (!sum) return null;
    let total = 0;
    for (const r of rows) {
      const v = r.values[i];
      if (typeof v === 'number') total += v;
    }
    return total;
  });
}
