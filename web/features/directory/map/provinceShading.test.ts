import { describe, expect, it } from 'vitest';
import { SHADES, shadeOf, shadeSteps } from './provinceShading.ts';

describe('province shading', () => {
  it('splits the non-zero range into up to five equal steps from light to dark', () => {
    const steps = shadeSteps([0, 1, 3, 10, 7]);
    expect(steps).toEqual([
      { from: 1, to: 2, shade: 1 },
      { from: 3, to: 4, shade: 2 },
      { from: 5, to: 6, shade: 3 },
      { from: 7, to: 8, shade: 4 },
      { from: 9, to: 10, shade: 5 },
    ]);
    expect(shadeOf(0, steps)).toBe(0);
    expect(shadeOf(1, steps)).toBe(1);
    expect(shadeOf(8, steps)).toBe(4);
    expect(shadeOf(10, steps)).toBe(SHADES);
  });

  it('starts at the smallest count, so nationwide organisations on every province do not wash it out', () => {
    const steps = shadeSteps([9, 9, 10, 12, 13]);
    expect(steps.map((s) => [s.from, s.to])).toEqual([
      [9, 9],
      [10, 10],
      [11, 11],
      [12, 12],
      [13, 13],
    ]);
  });

  it('still runs from lightest to darkest with fewer distinct counts than shades', () => {
    expect(shadeSteps([2, 3]).map((s) => s.shade)).toEqual([1, SHADES]);
    expect(shadeSteps([4, 4, 4])).toEqual([{ from: 4, to: 4, shade: 3 }]);
  });

  it('has no steps when nobody covers any province', () => {
    expect(shadeSteps([])).toEqual([]);
    expect(shadeSteps([0, 0])).toEqual([]);
    expect(shadeOf(0, [])).toBe(0);
  });

  it('covers a large range without gaps', () => {
    const steps = shadeSteps([1, 1234]);
    expect(steps[0]!.from).toBe(1);
    expect(steps.at(-1)!.to).toBe(1234);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.from).toBe(steps[i - 1]!.to + 1);
    for (const n of [1, 200, 617, 1000, 1234]) expect(shadeOf(n, steps)).toBeGreaterThan(0);
  });
});
