import { gramsOf, MAX_LEXEME_LENGTH, wordsOf } from './lexemes.ts';
import { dotsAsSpaces, normalise, runsOf } from './normalise.ts';
import { quoteLexeme } from './tsvector.ts';

const MAX_RUNS = 12;
const MAX_RUN_CHARS = 40;

/**
 * Turns what someone typed into a tsquery literal (cast with `::tsquery`), or null when nothing searchable
 * is left. Only lexemes made of letters, digits and marks reach it, each quoted, so operators and quotes
 * in the input are never interpreted. Every run must match (AND); a Thai run matches as its ICU words or
 * as its character n-grams; the last run is a prefix, so results appear while typing.
 */
export function buildTsquery(input: string): string | null {
  const runs = runsOf(dotsAsSpaces(normalise(input))).slice(0, MAX_RUNS);
  if (runs.length === 0) return null;
  const clauses = runs.map((run, i) => {
    const last = i === runs.length - 1;
    const text = [...run.text].slice(0, MAX_RUN_CHARS).join('');
    const chars = [...text].length;
    if (!run.thai || chars <= 2) {
      // Short Thai runs are bigrams or single letters in the index: a prefix finds them mid-word too.
      const prefix = last || (run.thai && chars === 1);
      return `${quoteLexeme(text.slice(0, MAX_LEXEME_LENGTH))}${prefix ? ':*' : ''}`;
    }
    const words = wordsOf({ text, thai: true });
    const wordClause = words
      .map((w, j) => `${quoteLexeme(w)}${last && j === words.length - 1 ? ':*' : ''}`)
      .join(' & ');
    const gramClause = gramsOf(text, 3).map(quoteLexeme).join(' & ');
    return words.length > 0 ? `( ( ${wordClause} ) | ( ${gramClause} ) )` : `( ${gramClause} )`;
  });
  return clauses.join(' & ');
}
