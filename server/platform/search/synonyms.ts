import { SEARCH_SYNONYMS } from '../../../common/search-synonyms.ts';
import { dotsAsSpaces, normalise, runsOf } from './normalise.ts';

/** A word of a synonym group, as the runs a query is split into. */
export type SynonymWord = string[];
/** Each word (its runs joined by a space) to every word of its group, itself included. */
export type Synonyms = { groups: Map<string, SynonymWord[]>; longest: number };

const runTexts = (word: string) => runsOf(dotsAsSpaces(normalise(word))).map((r) => r.text);

/**
 * One- and two-letter Thai abbreviations (พม., ตม., ตร.) are found as typed but never searched for on
 * someone else's behalf: in the index they are also letter pairs inside longer words (พม in พม่า).
 */
const searchable = (word: SynonymWord) => !(word.length === 1 && /^[\u0E00-\u0E7F]{1,2}$/.test(word[0]!));

export function compileSynonyms(groups: readonly (readonly string[])[]): Synonyms {
  const compiled = new Map<string, SynonymWord[]>();
  let longest = 1;
  for (const group of groups) {
    const words = group.map(runTexts).filter((w) => w.length > 0);
    for (const word of words) {
      longest = Math.max(longest, word.length);
      compiled.set(word.join(' '), [word, ...words.filter((w) => w !== word && searchable(w))]);
    }
  }
  return { groups: compiled, longest };
}

/** The shared table of common/search-synonyms.ts, for the directory and the problems board. */
export const searchSynonyms = compileSynonyms(SEARCH_SYNONYMS);
