import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PUBLIC = join(import.meta.dirname, '..', '..', 'public');
type Icon = { src: string; sizes: string; type: string; purpose: string };
const manifest = JSON.parse(readFileSync(join(PUBLIC, 'manifest.webmanifest'), 'utf8')) as { icons: Icon[] };

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(file: string): string {
  const bytes = readFileSync(join(PUBLIC, file));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('the web app manifest', () => {
  it('offers the PNG icons phones need to install TIPNet on the home screen', () => {
    const png = manifest.icons.filter((icon) => icon.type === 'image/png');
    // Chromium on Android wants 192 and 512 px PNGs; a maskable one fills the launcher's shape.
    expect(png.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    for (const icon of png) expect(pngSize(icon.src)).toBe(icon.sizes);
  });

  it('links the icon iPhones use from the page', () => {
    const html = readFileSync(join(PUBLIC, '..', 'index.html'), 'utf8');
    const href = html.match(/<link rel="apple-touch-icon" href="([^"]+)"/)?.[1];
    expect(href).toBeDefined();
    expect(pngSize(href!)).toBe('180x180');
  });
});
