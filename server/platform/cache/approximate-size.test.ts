import { describe, expect, it } from 'vitest';
import { approximateBytes, approximateJsonBytes } from './approximate-size.ts';

describe('approximate heap size of a cached result', () => {
  it('counts Thai text at two bytes a character and Latin text at one', () => {
    const latin = approximateBytes('a'.repeat(1000));
    const thai = approximateBytes('ก'.repeat(1000));
    expect(latin).toBeGreaterThanOrEqual(1000);
    expect(thai).toBeGreaterThanOrEqual(2000);
    expect(thai - latin).toBe(1000);
  });

  it('grows with every item of a page, nested fields included', () => {
    const item = {
      id: 'c2a23b70-72e2-4a57-9d0e-3a1f0c9d2b11',
      title: 'แรงงานประมง',
      tags: ['ranong', 'fisheries'],
    };
    const page = (n: number) => approximateBytes({ items: Array.from({ length: n }, () => ({ ...item })) });
    const perItem = page(2) - page(1);
    expect(perItem).toBeGreaterThan(approximateBytes(item.title) + approximateBytes(item.tags));
    expect(page(50) - page(1)).toBe(49 * perItem);
    expect(approximateBytes({ at: new Date(), n: 1, ok: true, none: null })).toBeGreaterThan(0);
  });

  it('counts the JSON a result is sent as, two bytes a character once any text is Thai', () => {
    const page = (title: string) => ({
      items: Array.from({ length: 40 }, (_, i) => ({
        id: `c2a23b70-72e2-4a57-9d0e-${String(i).padStart(12, '0')}`,
        title,
        at: new Date('2026-12-04T10:00:00Z'),
        supporters: i,
        closed: i % 2 === 0,
        answer: null,
      })),
    });
    for (const [value, bytesPerCharacter] of [
      [page('fisheries'), 1],
      [page('แรงงานประมง'), 2],
    ] as const) {
      const actual = JSON.stringify(value).length * bytesPerCharacter;
      const estimate = approximateJsonBytes(value);
      expect(estimate).toBeGreaterThan(actual * 0.95);
      expect(estimate).toBeLessThan(actual * 1.1);
    }
  });
});
