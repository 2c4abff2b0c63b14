import { describe, expect, it } from 'vitest';
import {
  COVERAGE_CODES,
  DIRECTORY_TAXONOMIES,
  PROVINCES,
  type TaxonomyEntry,
} from './directory-taxonomies.ts';
import { ProvinceCode } from './taxonomy-codes.ts';

describe('directory taxonomies', () => {
  it('lists the 77 provinces with ISO 3166-2:TH codes, plus nationwide and abroad', () => {
    expect(PROVINCES).toHaveLength(77);
    expect(PROVINCES.every((p) => /^TH-\d\d$/.test(p.code))).toBe(true);
    expect(PROVINCES.find((p) => p.code === 'TH-10')).toEqual({
      code: 'TH-10',
      th: 'กรุงเทพมหานคร',
      en: 'Bangkok',
    });
    expect(PROVINCES.find((p) => p.code === 'TH-85')?.en).toBe('Ranong');
    expect(COVERAGE_CODES).toContain('nationwide');
    expect(COVERAGE_CODES).toContain('abroad');
    expect(ProvinceCode.safeParse('TH-99').success).toBe(false);
  });

  it('gives every entry a unique code and both labels', () => {
    for (const [name, list] of Object.entries(DIRECTORY_TAXONOMIES)) {
      if (!Array.isArray(list)) continue;
      const codes = (list as TaxonomyEntry[]).map((e) => e.code);
      expect(new Set(codes).size, name).toBe(codes.length);
      for (const e of list as TaxonomyEntry[]) {
        expect(e.th.trim(), `${name}.${e.code}`).not.toBe('');
        expect(e.en.trim(), `${name}.${e.code}`).not.toBe('');
      }
    }
    const names = PROVINCES.flatMap((p) => [p.th, p.en]);
    expect(new Set(names).size).toBe(names.length);
  });
});
