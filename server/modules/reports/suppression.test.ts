import { describe, expect, it } from 'vitest';
import { type Cell, type ReportTable, SUPPRESSED, WITHHELD } from '../../../common/reports-api.ts';
import { derivable } from '../../test/suppression-kit.ts';
import { withSecondarySuppression } from './suppression.ts';

const l = (s: string) => ({ th: s, en: s });
const tableOf = (columns: Cell[][], totals: Cell[] | null): ReportTable => ({
  key: 't',
  title: l('t'),
  labelHeader: l('row'),
  columns: columns[0]!.map((_, i) => ({ key: `c${i}`, label: l(`c${i}`) })),
  rows: columns.map((values, i) => ({ code: `r${i}`, label: l(`r${i}`), values })),
  totals,
});

describe('secondary suppression', () => {
  it('withholds the smallest other non-zero count, so the "< 5" cannot be the total minus the rest', () => {
    // Column 0: 3 (suppressed), 0, 9, 7 — total 19. Without help, 19 − 16 = 3.
    const before = tableOf([[SUPPRESSED], [0], [9], [7]], [19]);
    expect(derivable(before)).toEqual(['3']);
    const after = withSecondarySuppression(before);
    expect(after.rows.map((r) => r.values[0])).toEqual([SUPPRESSED, 0, 9, WITHHELD]);
    expect(after.totals).toEqual([19]);
    expect(derivable(after)).toEqual([]);
  });

  it('withholds the total when the "< 5" has no other count beside it', () => {
    const after = withSecondarySuppression(tableOf([[SUPPRESSED], [0]], [2]));
    expect(after.totals).toEqual([WITHHELD]);
    expect(derivable(after)).toEqual([]);
  });

  it('protects each column on its own and leaves columns without a "< 5" or without a total alone', () => {
    const after = withSecondarySuppression(
      tableOf(
        [
          [SUPPRESSED, 4, 2.5],
          [6, SUPPRESSED, 3],
          [8, 12, 1],
        ],
        [16, 17, null],
      ),
    );
    expect(after.rows.map((r) => r.values)).toEqual([
      [SUPPRESSED, WITHHELD, 2.5],
      [WITHHELD, SUPPRESSED, 3],
      [8, 12, 1],
    ]);
    expect(derivable(after)).toEqual([]);
  });

  it('withholds more while the hidden cells\' sum still narrows a "< 5"', () => {
    // 18 − 16 = 2. Withholding the 1 leaves a sum of 3 for the "< 5" and it: the "< 5" is 1 or 2, so the
    // 6 goes too.
    const small = tableOf([[SUPPRESSED], [1], [6], [9]], [18]);
    expect(derivable(small)).toEqual(['2']);
    const after = withSecondarySuppression(small);
    expect(after.rows.map((r) => r.values[0])).toEqual([SUPPRESSED, WITHHELD, WITHHELD, 9]);
    expect(derivable(after)).toEqual([]);
  });

  it('withholds more where two "< 5" add up to what pins them (2 or 8)', () => {
    const eight = tableOf([[SUPPRESSED], [SUPPRESSED], [10]], [18]);
    expect(derivable(eight)).toEqual(['4', '4']);
    const after = withSecondarySuppression(eight);
    expect(after.rows.map((r) => r.values[0])).toEqual([SUPPRESSED, SUPPRESSED, WITHHELD]);
    expect(derivable(after)).toEqual([]);

    const two = withSecondarySuppression(tableOf([[SUPPRESSED], [SUPPRESSED]], [2]));
    expect(two.totals).toEqual([WITHHELD]);
    expect(derivable(two)).toEqual([]);
  });

  it('adds nothing where two hidden cells already leave each "< 5" anything from 1 to 4', () => {
    const table = tableOf([[SUPPRESSED], [SUPPRESSED], [10]], [15]);
    expect(derivable(table)).toEqual([]);
    expect(withSecondarySuppression(table)).toEqual(table);
  });

  it('changes nothing in a table without a "< 5" (the Centre\'s view)', () => {
    const table = tableOf([[1], [2], [30]], [33]);
    expect(withSecondarySuppression(table)).toEqual(table);
  });
});
