import { describe, expect, it } from 'vitest';
import { facetLabel } from './facet-label.ts';

describe('a filter choice with its count', () => {
  it('shows the exact count, zero included, when every match was counted', () => {
    expect(facetLabel('ล่าม', 12, false)).toBe('ล่าม (12)');
    expect(facetLabel('ล่าม', 0, false)).toBe('ล่าม (0)');
  });

  it('marks counts of a capped search as lower bounds, and shows none where it found none', () => {
    expect(facetLabel('ล่าม', 12, true)).toBe('ล่าม (12+)');
    expect(facetLabel('ล่าม', 0, true)).toBe('ล่าม');
  });

  it('shows the label alone before the counts arrive', () => {
    expect(facetLabel('ล่าม', undefined, false)).toBe('ล่าม');
  });
});
