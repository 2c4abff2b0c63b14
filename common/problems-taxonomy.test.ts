import { describe, expect, it } from 'vitest';
import type { TaxonomyEntry } from './directory-taxonomies.ts';
import { PROBLEM_CATEGORIES, PROBLEMS_TAXONOMIES } from './problems-taxonomy.ts';
import { ProblemCategoryCode } from './taxonomy-codes.ts';

describe('problems taxonomy', () => {
  it('has the eleven categories of the issue, with Thai and English labels', () => {
    expect(PROBLEM_CATEGORIES).toHaveLength(11);
    expect(PROBLEM_CATEGORIES.find((c) => c.code === 'online_scam_compounds')?.en).toMatch(/scam/i);
    expect(ProblemCategoryCode.safeParse('fisheries').success).toBe(false);
  });

  it('gives every entry a unique code and both labels', () => {
    for (const [name, list] of Object.entries(PROBLEMS_TAXONOMIES)) {
      if (!Array.isArray(list)) continue;
      const codes = (list as TaxonomyEntry[]).map((e) => e.code);
      expect(new Set(codes).size, name).toBe(codes.length);
      for (const e of list as TaxonomyEntry[]) {
        expect(e.th.trim(), `${name}.${e.code}`).not.toBe('');
        expect(e.en.trim(), `${name}.${e.code}`).not.toBe('');
      }
    }
  });
});
