/** A small seeded PRNG (mulberry32): the same seed gives the same synthetic network on every machine. */
export function makeRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  const chance = (p: number) => next() < p;
  /** `count` distinct items, in the list's order. */
  const sample = <T>(list: readonly T[], count: number): T[] => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, list.length)) chosen.add(int(0, list.length - 1));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]!);
  };
  return { next, int, pick, chance, sample };
}
