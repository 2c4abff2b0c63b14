/**
 * Page images of a PDF for comparing with kept references: `pdftoppm -gray` writes binary PGM (P5), a
 * header and one byte per pixel, so no image decoder is needed. Pages are scaled so the longer side is
 * `PAGE_IMAGE_SIZE` pixels: enough to see layout, charts and lines of text, small enough to keep in git.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PAGE_IMAGE_SIZE = 240;

export type GreyImage = { width: number; height: number; pixels: Uint8Array };

export function parsePgm(bytes: Buffer): GreyImage {
  // "P5" width height maxval, separated by whitespace (comments are not written by pdftoppm).
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (header?.[3] !== '255') throw new Error('not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = new Uint8Array(bytes.subarray(header[0].length, header[0].length + width * height));
  if (pixels.length !== width * height) throw new Error('truncated PGM');
  return { width, height, pixels };
}

/** The first `pages` pages of a PDF as greyscale PGM files' bytes. */
export function pageImages(pdf: Buffer, pages: number): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'tipnet-pages-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-gray',
      '-scale-to',
      String(PAGE_IMAGE_SIZE),
      '-f',
      '1',
      '-l',
      String(pages),
      join(dir, 'doc.pdf'),
      join(dir, 'page'),
    ]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * How far two page images are apart: the mean absolute difference per pixel (0–255) and the share of
 * pixels that differ by more than a quarter of the scale (ink where there was paper, or the reverse).
 */
export function difference(a: GreyImage, b: GreyImage) {
  if (a.width !== b.width || a.height !== b.height) return { sameSize: false, mean: 255, changed: 1 };
  let sum = 0;
  let changed = 0;
  for (let i = 0; i < a.pixels.length; i++) {
    const d = Math.abs(a.pixels[i]! - b.pixels[i]!);
    sum += d;
    if (d > 64) changed++;
  }
  return { sameSize: true, mean: sum / a.pixels.length, changed: changed / a.pixels.length };
}
