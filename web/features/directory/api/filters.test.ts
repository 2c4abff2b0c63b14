import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  emptyFilters,
  filtersFromSearch,
  provinceNamed,
  searchFromFilters,
} from './filters.ts';

describe('directory filters in the URL', () => {
  it('reads repeated parameters and flags', () => {
    const state = filtersFromSearch(
      new URLSearchParams('q=ประมง&province=TH-85&province=TH-90&language=my&hotline24h=1&stale=false'),
    );
    expect(state.q).toBe('ประมง');
    expect(state.province).toEqual(['TH-85', 'TH-90']);
    expect(state.language).toEqual(['my']);
    expect(state.hotline24h).toBe(true);
    expect(state.stale).toBe(false);
    expect(activeFilterCount(state)).toBe(4);
  });

  it('writes them back in a stable order, leaving out what is empty', () => {
    const state = { ...emptyFilters('  stella '), province: ['TH-90', 'TH-85'], verified: true };
    expect(searchFromFilters(state).toString()).toBe('q=stella&province=TH-85&province=TH-90&verified=1');
    expect(searchFromFilters(emptyFilters()).toString()).toBe('');
  });

  it('round-trips', () => {
    const search = 'q=a&sector=government&theme=child_trafficking&hotline24h=1';
    expect(searchFromFilters(filtersFromSearch(new URLSearchParams(search))).toString()).toBe(search);
  });
});

describe('a search text that names a province', () => {
  const provinces = [
    { code: 'TH-85', th: 'ระนอง', en: 'Ranong' },
    { code: 'TH-10', th: 'กรุงเทพมหานคร', en: 'Bangkok' },
  ];
  it.each([
    ['ระนอง', 'TH-85'],
    [' จ.ระนอง ', 'TH-85'],
    ['จังหวัด ระนอง', 'TH-85'],
    ['ranong', 'TH-85'],
    ['Ranong province', 'TH-85'],
    ['กรุงเทพมหานคร', 'TH-10'],
    ['ระนองบุรี', null],
    ['ล่าม', null],
    ['', null],
  ])('%j names %s', (q, code) => {
    expect(provinceNamed(q, provinces)).toBe(code);
  });
});
