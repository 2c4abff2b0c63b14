/** How the cartogram shades a province by the number of organisations covering it. */

export const SHADES = 5;

/** A legend step: counts from `from` to `to` (inclusive) get shade `shade` (1 lightest … SHADES darkest). */
export interface ShadeStep {
  from: number;
  to: number;
  shade: number;
}

/**
 * Up to SHADES steps of equal width from the smallest to the largest non-zero count, so differences show
 * even when nationwide organisations lift every province to the same floor. Zero is not a step: a province
 * nobody covers is drawn apart.
 */
export function shadeSteps(counts: readonly number[]): ShadeStep[] {
  const positive = counts.filter((n) => n > 0);
  if (positive.length === 0) return [];
  const lo = Math.min(...positive);
  const hi = Math.max(...positive);
  const width = Math.ceil((hi - lo + 1) / SHADES);
  const steps: Omit<ShadeStep, 'shade'>[] = [];
  for (let from = lo; from <= hi; from += width) steps.push({ from, to: Math.min(hi, from + width - 1) });
  // Fewer steps than shades (a narrow range) still run from light to dark.
  return steps.map((step, i) => ({
    ...step,
    shade:
      steps.length === 1 ? Math.ceil(SHADES / 2) : 1 + Math.round((i * (SHADES - 1)) / (steps.length - 1)),
  }));
}

/** The shade of `count`, or 0 when no organisation covers the province. */
export function shadeOf(count: number, steps: readonly ShadeStep[]): number {
  if (count <= 0) return 0;
  return steps.find((s) => count >= s.from && count <= s.to)?.shade ?? SHADES;
}
