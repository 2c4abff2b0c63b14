import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASCII_RANGE, codePoints, subsetAscii, subsetPath, WEIGHTS } from '../build/sarabun-ascii.ts';

const FONTSOURCE = join(import.meta.dirname, '..', '..', 'node_modules', '@fontsource', 'sarabun');

type Face = { comment: string; weight: number; range: Set<number> };

/** The faces a stylesheet declares, each with its code points. */
function faces(css: string): Face[] {
  return [...css.matchAll(/\/\* ([^*]+) \*\/\s*@font-face \{([^}]*)\}/g)].map(([, comment, body]) => ({
    comment: comment!,
    weight: Number(body!.match(/font-weight: (\d+)/)![1]),
    range: new Set(
      codePoints(
        body!
          .match(/unicode-range:\s*([^;]+);/)![1]!
          .split(',')
          .map((part) => part.trim()),
      ),
    ),
  }));
}

const ours = faces(readFileSync(join(import.meta.dirname, 'fonts.css'), 'utf8'));
/** Control characters are never drawn, so no face needs them. */
const drawn = (range: Set<number>) => new Set([...range].filter((c) => c >= 0x20 && (c < 0x7f || c > 0x9f)));

describe.each(WEIGHTS)('Sarabun at weight %i', (weight) => {
  const fontsource = faces(readFileSync(join(FONTSOURCE, `${weight}.css`), 'utf8'));
  const at = (comment: string, list: Face[]) =>
    list.find((face) => face.weight === weight && face.comment.startsWith(comment))!.range;

  it('covers every character Fontsource covers, Latin in two faces that do not overlap', () => {
    const ascii = at(`latin, ${weight}: ASCII`, ours);
    const rest = at(`latin, ${weight}: the rest`, ours);
    expect([...ascii].filter((c) => rest.has(c))).toEqual([]);
    expect(new Set([...ascii, ...rest])).toEqual(drawn(at(`sarabun-latin-${weight}-normal`, fontsource)));
    for (const subset of ['thai', 'vietnamese', 'latin-ext']) {
      expect(at(`${subset}, `, ours), subset).toEqual(at(`sarabun-${subset}-${weight}-normal`, fontsource));
    }
  });

  it('takes ASCII and punctuation from the cut font, made from the installed Latin file', async () => {
    expect(at(`latin, ${weight}: ASCII`, ours)).toEqual(new Set(codePoints(ASCII_RANGE)));
    const committed = readFileSync(subsetPath(weight));
    expect(committed.equals(await subsetAscii(weight)), 'run `npx tsx scripts/subset-fonts.ts`').toBe(true);
  });
});
