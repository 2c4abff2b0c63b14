import { documentLexemes } from './lexemes.ts';
import { dotsAsSpaces, normalise, withoutDots } from './normalise.ts';

/** A: names and abbreviations; B: services and themes; C: descriptions; D: people. */
export type WeightedText = { A?: string[]; B?: string[]; C?: string[]; D?: string[] };

const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 64;

/** A lexeme quoted for tsvector/tsquery input: quotes doubled, backslashes escaped. */
export const quoteLexeme = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The tsvector as its text form, to cast with `::tsvector`. We tokenise in JavaScript instead of calling
 * to_tsvector because PostgreSQL has no Thai parser and its default one splits Thai at combining marks
 * depending on the server's locale; a literal gives identical lexemes on PGlite and every PostgreSQL.
 */
export function buildTsvector(text: WeightedText): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const weight of ['A', 'B', 'C', 'D'] as const) {
    for (const piece of text[weight] ?? []) {
      if (!piece) continue;
      const n = normalise(piece);
      const variants = n.includes('.') ? [withoutDots(n), dotsAsSpaces(n)] : [n];
      // Names and what an organisation does get n-grams; descriptions and people's names match by ICU words.
      const grams = weight === 'A' || weight === 'B';
      for (const lexeme of variants.flatMap((v) => documentLexemes(v, grams))) {
        position = Math.min(position + 1, MAX_POSITION);
        const list = positions.get(lexeme) ?? [];
        if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${position}${weight}`);
        positions.set(lexeme, list);
      }
      position = Math.min(position + 1, MAX_POSITION); // a gap, so phrases of two fields never touch
    }
  }
  return [...positions].map(([lexeme, at]) => `${quoteLexeme(lexeme)}:${at.join(',')}`).join(' ');
}
