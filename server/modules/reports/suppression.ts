/**
 * Secondary suppression. A lone "< 5" in a column with a total is no secret: the total minus the cells
 * shown gives it back. Two hidden cells are not always enough either: their sum is still the total minus
 * the rest, and a sum of 2 makes both 1, a sum of 8 over two "< 5" makes both 4. So in every such column
 * more cells are withheld, the smallest non-zero count first (it hides least), until what the column
 * tells of each "< 5" is no more than "between 1 and 4"; when no count is left to withhold, the total is.
 * Columns without a total (medians, lists) need nothing.
 */
import {
  type Cell,
  type ReportTable,
  SMALL_COUNT,
  SUPPRESSED,
  WITHHELD,
} from '../../../common/reports-api.ts';

const isHidden = (v: Cell) => v === SUPPRESSED || v === WITHHELD;

/**
 * Whether the column's hidden cells, which must add up to its total minus the cells shown, leave every
 * "< 5" free to be anything from 1 to 4. A reader knows a "< 5" is 1–4 and a withheld cell at least 1.
 */
function columnProtects(cells: Cell[], total: number): boolean {
  const hidden = cells.filter(isHidden);
  if (!hidden.includes(SUPPRESSED)) return true;
  const hiddenSum = total - cells.reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0);
  const othersAtLeast = hidden.length - 1;
  const othersAtMost = hidden.includes(WITHHELD)
    ? Number.POSITIVE_INFINITY
    : (hidden.length - 1) * (SMALL_COUNT - 1);
  const greatest = Math.min(SMALL_COUNT - 1, hiddenSum - othersAtLeast);
  const least = Math.max(1, hiddenSum - othersAtMost);
  return greatest >= SMALL_COUNT - 1 && least <= 1;
}

export function withSecondarySuppression(table: ReportTable): ReportTable {
  const { totals } = table;
  if (!totals) return table;
  const rows = table.rows.map((r) => ({ ...r, values: [...r.values] }));
  const newTotals: Cell[] = [...totals];
  totals.forEach((total, column) => {
    if (typeof total !== 'number') return;
    while (
      !columnProtects(
        rows.map((r) => r.values[column]!),
        total,
      )
    ) {
      let smallest: (typeof rows)[number] | undefined;
      for (const r of rows) {
        const v = r.values[column];
        if (typeof v !== 'number' || v === 0) continue;
        if (!smallest || v < (smallest.values[column] as number)) smallest = r;
      }
      if (!smallest) {
        newTotals[column] = WITHHELD;
        return;
      }
      smallest.values[column] = WITHHELD;
    }
  });
  return { ...table, rows, totals: newTotals };
}
