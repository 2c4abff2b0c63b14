import { describe, expect, it } from 'vitest';
import { SEARCH_SYNONYMS } from '../../../common/search-synonyms.ts';
import { compileSynonyms } from './synonyms.ts';
import { buildTsquery } from './tsquery.ts';

describe('search synonyms', () => {
  it('puts every word in one group only, so a word never means two things', () => {
    const words = SEARCH_SYNONYMS.flat().map((w) => w.toLowerCase().replace(/\./g, ''));
    expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
  });

  it('finds any word of the group, the typed one still as a prefix while typing', () => {
    const synonyms = compileSynonyms([['พม่า', 'เมียนมา', 'Burmese']]);
    const q = buildTsquery('Burmese', synonyms)!;
    expect(q).toContain("'burmese':*");
    expect(q).toContain("'เมีย'");
    expect(buildTsquery('Burmese')).toBe("'burmese':*");
  });

  it('matches words of several runs and dotted abbreviations as typed', () => {
    const synonyms = compileSynonyms([['พม.', 'พัฒนาสังคม', 'social development']]);
    expect(buildTsquery('social development', synonyms)).toContain('พัฒนา');
    expect(buildTsquery('พม.', synonyms)).toContain('พัฒนา');
    // "พม" is a letter pair inside พม่า in the index: typing the long form never searches for it.
    expect(buildTsquery('พัฒนาสังคม', synonyms)).not.toContain("'พม'");
  });
});
