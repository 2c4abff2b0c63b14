import { type Run, runsOf } from './normalise.ts';

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
export const MAX_LEXEME_LENGTH = 100;

/** Dictionary words of a Thai run as ICU segments it; other runs are one word. */
export function wordsOf(run: Run): string[] {
  if (!run.thai) return [run.text.slice(0, MAX_LEXEME_LENGTH)];
  const words: string[] = [];
  for (const s of segmenter.segment(run.text))
    if (s.isWordLike) words.push(s.segment.slice(0, MAX_LEXEME_LENGTH));
  return words;
}

/** Character n-grams of a run (by code point), so a match never depends on where ICU put a boundary. */
export function gramsOf(text: string, n: number): string[] {
  const chars = [...text];
  const grams: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) grams.push(chars.slice(i, i + n).join(''));
  return grams;
}

/**
 * What a document indexes for a piece of normalised text: words, and for Thai runs also 2- and 3-grams
 * unless `grams` is false (long texts: n-grams of every description made documents ~9 KB and search slow).
 */
export function documentLexemes(normalised: string, grams = true): string[] {
  const lexemes: string[] = [];
  for (const run of runsOf(normalised)) {
    lexemes.push(...wordsOf(run));
    if (run.thai && grams) {
      if ([...run.text].length <= MAX_LEXEME_LENGTH) lexemes.push(run.text);
      lexemes.push(...gramsOf(run.text, 2), ...gramsOf(run.text, 3));
    }
  }
  return lexemes;
}
