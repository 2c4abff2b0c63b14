import { describe, expect, it } from 'vitest';
import { PROVINCE_CODES } from '../../common/directory-taxonomies.ts';
import { GRID_COLUMNS, GRID_ROWS, PROVINCE_TILES } from './provinceTiles.ts';

const at = (col: number, row: number) => PROVINCE_TILES.find((t) => t.col === col && t.row === row);
const cellOf = (code: string) => {
  const tile = PROVINCE_TILES.find((t) => t.code === code)!;
  return [tile.col, tile.row] as const;
};

describe('the province tile grid', () => {
  it('has every one of the 77 provinces exactly once, and nothing else', () => {
    const codes = PROVINCE_TILES.map((t) => t.code);
    expect(codes).toHaveLength(77);
    expect(new Set(codes).size).toBe(77);
    expect([...codes].sort()).toEqual([...PROVINCE_CODES].sort());
  });

  it('puts no two tiles on the same cell, and every tile inside the grid', () => {
    const cells = PROVINCE_TILES.map((t) => `${t.col},${t.row}`);
    expect(new Set(cells).size).toBe(PROVINCE_TILES.length);
    for (const t of PROVINCE_TILES) {
      expect(Number.isInteger(t.col) && t.col >= 0 && t.col < GRID_COLUMNS, t.code).toBe(true);
      expect(Number.isInteger(t.row) && t.row >= 0 && t.row < GRID_ROWS, t.code).toBe(true);
    }
    // Narrow enough for 390 px phones to keep tiles tappable.
    expect(GRID_COLUMNS).toBeLessThanOrEqual(10);
  });

  it('gives every tile a short Thai and English label that no other tile uses', () => {
    for (const language of ['th', 'en'] as const) {
      const labels = PROVINCE_TILES.map((t) => t.short[language]);
      expect(labels.every((l) => l.length >= 2 && l.length <= 3)).toBe(true);
      expect(new Set(labels).size).toBe(77);
    }
    expect(PROVINCE_TILES.every((t) => /^[A-Z]{3}$/.test(t.short.en))).toBe(true);
  });

  it('is one piece: every tile touches another along an edge or a corner', () => {
    const seen = new Set<string>();
    const queue = [PROVINCE_TILES[0]!];
    while (queue.length) {
      const tile = queue.pop()!;
      if (seen.has(tile.code)) continue;
      seen.add(tile.code);
      for (const dc of [-1, 0, 1])
        for (const dr of [-1, 0, 1]) {
          const next = at(tile.col + dc, tile.row + dr);
          if (next && !seen.has(next.code)) queue.push(next);
        }
    }
    expect(seen.size).toBe(77);
  });

  it('lists tiles in reading order, which is the order a keyboard moves through them', () => {
    const order = PROVINCE_TILES.map((t) => t.row * GRID_COLUMNS + t.col);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('keeps the country recognisable: north on top, Isan east, the peninsula south, Bangkok amid its neighbours', () => {
    const [cmCol, cmRow] = cellOf('TH-50'); // Chiang Mai
    const [ubonCol] = cellOf('TH-34'); // Ubon Ratchathani
    const [, narathiwatRow] = cellOf('TH-96');
    const [bkkCol, bkkRow] = cellOf('TH-10');
    expect(cmRow).toBeLessThan(bkkRow);
    expect(ubonCol).toBeGreaterThan(bkkCol);
    expect(narathiwatRow).toBe(GRID_ROWS - 1);
    expect(cmCol).toBeLessThan(ubonCol);
    // Nonthaburi, Pathum Thani and Samut Prakan all border Bangkok on the grid too.
    for (const neighbour of ['TH-12', 'TH-13', 'TH-11']) {
      const [col, row] = cellOf(neighbour);
      expect(Math.max(Math.abs(col - bkkCol), Math.abs(row - bkkRow)), neighbour).toBe(1);
    }
  });
});
