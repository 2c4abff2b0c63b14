/**
 * Sarabun's Latin letters, figures and punctuation cut down to what Thai and English text in TIPNet
 * needs: printable ASCII and typographic punctuation. Fontsource's Latin file also carries accented
 * letters and symbols (Latin-1): twice the bytes, on every first screen, since phone numbers and
 * organisation names use Latin figures and letters. Those other characters still show in Sarabun: the
 * rest of the Latin file is declared for them (web/app/fonts.css) and loads only where one appears.
 *
 * `npx tsx scripts/subset-fonts.ts` writes web/app/fonts/sarabun-ascii-<weight>.woff2;
 * web/app/fonts.test.ts checks they match this list and the installed font.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';

/** Code points kept, as CSS unicode-range parts. */
export const ASCII_RANGE = [
  'U+0020-007E',
  'U+00A0',
  'U+00B7',
  'U+2013-2014',
  'U+2018-2019',
  'U+201C-201D',
  'U+2022',
  'U+2026',
];
export const WEIGHTS = [400, 600] as const;

const ROOT = join(import.meta.dirname, '..', '..');
export const subsetPath = (weight: number) =>
  join(ROOT, 'web', 'app', 'fonts', `sarabun-ascii-${weight}.woff2`);

/** The code points of a list of CSS unicode-range parts. */
export function codePoints(range: readonly string[]): number[] {
  return range.flatMap((part) => {
    const [from, to = from] = part.replace('U+', '').split('-') as [string, string?];
    const start = Number.parseInt(from, 16);
    return Array.from({ length: Number.parseInt(to, 16) - start + 1 }, (_, i) => start + i);
  });
}

export function subsetAscii(weight: number): Promise<Buffer> {
  const latin = readFileSync(
    join(ROOT, 'node_modules', '@fontsource', 'sarabun', 'files', `sarabun-latin-${weight}-normal.woff2`),
  );
  return subsetFont(latin, String.fromCodePoint(...codePoints(ASCII_RANGE)), { targetFormat: 'woff2' });
}
