import { type ReportTable, SUPPRESSED, WITHHELD } from '../../common/reports-api.ts';

/**
 * What a reader can work out by subtraction: in each column with a total shown, the hidden cells add up to
 * the total minus the cells shown. A "< 5" is 1–4, a withheld cell any count from 1 up. For each "< 5" and
 * each value v of 1–4, the other hidden cells must be able to make up the rest (integer ranges add up to
 * every sum between their least and greatest); a "< 5" left fewer than four values is narrowed. Returns
 * each narrowed "< 5" as the values left to it ("3", "1–2").
 */
export function derivable(table: ReportTable): string[] {
  const found: string[] = [];
  table.totals?.forEach((total, column) => {
    if (typeof total !== 'number') return;
    const cells = table.rows.map((r) => r.values[column]);
    const hidden = cells.filter((v) => v === SUPPRESSED || v === WITHHELD);
    const shown = cells.reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0);
    const sum = total - shown;
    hidden.forEach((cell, i) => {
      if (cell !== SUPPRESSED) return;
      const others = hidden.filter((_, j) => j !== i);
      const least = others.length;
      const most = others.includes(WITHHELD) ? Number.POSITIVE_INFINITY : others.length * 4;
      const values = [1, 2, 3, 4].filter((v) => sum - v >= least && sum - v <= most);
      if (values.length < 4)
        found.push(values.length === 1 ? `${values[0]}` : `${values[0]}–${values.at(-1)}`);
    });
  });
  return found;
}
