/**
 * Secondary suppression. A lone "< 5" in a column with a total is no secret: the total minus the cells
 * shown gives it back. So in every such column one more cell is withheld — the smallest other non-zero
 * count, which hides least — or, when there is none, the total itself. Two hidden cells leave only their
 * sum to be derived, and that sum pins neither. Columns without a total (medians, lists) need nothing.
 */
import { type Cell, type ReportTable, SUPPRESSED, WITHHELD } from '../../../common/reports-api.ts';

export function withSecondarySuppression(table: ReportTable): ReportTable {
  const { totals } = table;
  if (!totals) return table;
  const rows = table.rows.map((r) => ({ ...r, values: [...r.values] }));
  const newTotals: Cell[] = [...totals];
  totals.forEach((total, column) => {
    if (typeof total !== 'number') return;
    const hidden = rows.filter((r) => r.values[column] === SUPPRESSED || r.values[column] === WITHHELD);
    if (hidden.length !== 1) return;
    let smallest: (typeof rows)[number] | undefined;
    for (const r of rows) {
      const v = r.values[column];
      if (typeof v !== 'number' || v === 0) continue;
      if (!smallest || v < (smallest.values[column] as number)) smallest = r;
    }
    if (smallest) smallest.values[column] = WITHHELD;
    else newTotals[column] = WITHHELD;
  });
  return { ...table, rows, totals: newTotals };
}
