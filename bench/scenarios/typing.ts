/** Every prefix of a word, by code point: 'ม', 'มู', 'มูล', … as each keystroke sends it. */
export const prefixesOf = (word: string) => [...word].map((_, i) => [...word].slice(0, i + 1).join(''));

/**
 * The typed prefixes of `words`, each with the next of `mixes` (filters) in turn, as query strings: no two
 * requests are the same.
 */
export function typedQueries(words: readonly string[], mixes: readonly string[]): string[] {
  return words
    .flatMap((word) => prefixesOf(word))
    .map((prefix, i) => {
      const mix = mixes[i % mixes.length];
      return `q=${encodeURIComponent(prefix)}${mix ? `&${mix}` : ''}`;
    });
}
