import { gramsOf, MAX_LEXEME_LENGTH, wordsOf } from './lexemes.ts';
import { dotsAsSpaces, normalise, type Run, runsOf } from './normalise.ts';
import type { Synonyms } from './synonyms.ts';
import { quoteLexeme } from './tsvector.ts';

const MAX_RUNS = 12;
const MAX_RUN_CHARS = 40;
const THAI = /^[\u0E01-\u0E3A\u0E40-\u0E4E]/;

/** One run as a clause: a Thai run matches as its ICU words or as its character n-grams. */
function runClause(run: Run, prefix: boolean): string {
  const text = [...run.text].slice(0, MAX_RUN_CHARS).join('');
  const chars = [...text].length;
  if (!run.thai || chars <= 2) {
    // Short Thai runs are bigrams or single letters in the index: a prefix finds them mid-word too.
    const asPrefix = prefix || (run.thai && chars === 1);
    return `${quoteLexeme(text.slice(0, MAX_LEXEME_LENGTH))}${asPrefix ? ':*' : ''}`;
  }
  const words = wordsOf({ text, thai: true });
  const wordClause = words
    .map((w, j) => `${quoteLexeme(w)}${prefix && j === words.length - 1 ? ':*' : ''}`)
    .join(' & ');
  const gramClause = gramsOf(text, 3).map(quoteLexeme).join(' & ');
  return words.length > 0 ? `( ( ${wordClause} ) | ( ${gramClause} ) )` : `( ${gramClause} )`;
}

/** Consecutive runs as one clause; only the last may be a prefix. */
const wordClause = (texts: string[], prefix: boolean) => {
  const clauses = texts.map((text, i) =>
    runClause({ text, thai: THAI.test(text) }, prefix && i === texts.length - 1),
  );
  return clauses.length === 1 ? clauses[0]! : `( ${clauses.join(' & ')} )`;
};

/**
 * Turns what someone typed into a tsquery literal (cast with `::tsquery`), or null when nothing searchable
 * is left. Only lexemes made of letters, digits and marks reach it, each quoted, so operators and quotes
 * in the input are never interpreted. Every run must match (AND); a Thai run matches as its ICU words or
 * as its character n-grams; the last run is a prefix, so results appear while typing. With `synonyms`,
 * runs that spell a word of a group match any word of it (the typed one keeps its prefix, the others
 * match whole).
 */
export function buildTsquery(input: string, synonyms?: Synonyms): string | null {
  const runs = runsOf(dotsAsSpaces(normalise(input))).slice(0, MAX_RUNS);
  if (runs.length === 0) return null;
  const clauses: string[] = [];
  for (let i = 0; i < runs.length; ) {
    const group = synonyms && longestGroupAt(synonyms, runs, i);
    const length = group ? group[0]!.length : 1;
    const last = i + length === runs.length;
    if (group) {
      const [typed, ...others] = group;
      clauses.push(
        `( ${[wordClause(typed!, last), ...others.map((w) => wordClause(w, false))].join(' | ')} )`,
      );
    } else {
      clauses.push(runClause(runs[i]!, last));
    }
    i += length;
  }
  return clauses.join(' & ');
}

/** The synonym group of the longest word spelled by the runs from `start`, with that word first. */
function longestGroupAt(synonyms: Synonyms, runs: Run[], start: number) {
  for (let length = Math.min(synonyms.longest, runs.length - start); length >= 1; length--) {
    const key = runs
      .slice(start, start + length)
      .map((r) => r.text)
      .join(' ');
    const group = synonyms.groups.get(key);
    if (group) return group;
  }
  return undefined;
}
