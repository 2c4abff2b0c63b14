import { type ReportTable, SUPPRESSED, WITHHELD } from '../../common/reports-api.ts';

/**
 * What a reader can work out by subtraction: for each column with a total shown, a single hidden cell is
 * the total minus the cells shown. Returns every value so derived.
 */
export function derivable(table: ReportTable): number[] {
  const found: number[] = [];
  table.totals?.forEach((total, column) => {
    if (typeof total !== 'number') return;
    const cells = table.rows.map((r) => r.values[column]);
    const hidden = cells.filter((v) => v === SUPPRESSED || v === WITHHELD);
    if (hidden.length !== 1) return;
    const shown = cells.reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0);
    found.push(total - shown);
  });
  return found;
}
