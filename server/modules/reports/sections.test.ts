import { describe, expect, it } from 'vitest';
import { MEDIAN_MIN_ORGANISATIONS, networkMedian, networkMedianRowOf } from './sections.ts';

describe('the network median', () => {
  const rows = [
    [2, 10, null],
    [4, 30, 5],
    [9, 20, null],
  ];

  it('is the median organisation per column, of those that have a figure', () => {
    expect(networkMedian(rows, 3, { centre: true })).toEqual([4, 20, 5]);
  });

  it(`needs ${MEDIAN_MIN_ORGANISATIONS} organisations' figures in a column beyond the Centre`, () => {
    // The third column has one figure: beyond the Centre it would be that organisation's own.
    expect(networkMedian(rows, 3, { centre: false })).toEqual([4, 20, null]);
    // Of two, one's own figure and the median give the other's back (2 and 6 give 4).
    expect(networkMedian([[2], [6]], 1, { centre: false })).toEqual([null]);
    expect(networkMedian([[2], [6]], 1, { centre: true })).toEqual([4]);
  });

  it('applies the same rule to medians the database took, shown to one decimal', () => {
    const columns = [
      { figures: 3, median: 4 },
      { figures: 2, median: 4 },
      { figures: 5, median: 2.25 },
    ];
    expect(networkMedianRowOf(columns, { centre: false }).values).toEqual([4, null, 2.3]);
    expect(networkMedianRowOf(columns, { centre: true }).values).toEqual([4, 4, 2.3]);
  });
});
