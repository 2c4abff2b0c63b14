import { describe, expect, it } from 'vitest';
import { csvCell } from './csv.ts';

describe('CSV formula guard', () => {
  it.each([
    ['＝HYPERLINK("http://evil.example")', 'full-width equals'],
    ['＋66 2 000', 'full-width plus'],
    ['－1+1', 'full-width minus'],
    ['＠SUM(A1)', 'full-width at'],
    ['\t=1+1', 'leading tab'],
    ['\r=1+1', 'leading carriage return'],
    ['=1+1', 'ASCII equals'],
    ['﹦1+1', 'small equals'],
  ])('neutralises a cell starting with %s (%s) so a spreadsheet shows it as text', (value) => {
    expect(csvCell(value)).toBe(`"'${value.replace(/"/g, '""')}"`);
  });

  it('leaves ordinary Thai and English text as it is', () => {
    expect(csvCell('มูลนิธิกระจกเงา')).toBe('"มูลนิธิกระจกเงา"');
    expect(csvCell('Mirror ＝ Foundation')).toBe('"Mirror ＝ Foundation"');
  });
});
