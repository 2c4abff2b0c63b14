import { describe, expect, it } from 'vitest';
import { csvDate, csvHeader, csvLanguageOf } from './csv-locale.ts';

describe('CSV in the reader’s language', () => {
  it('takes the lang parameter first, then the browser’s first language, else English', () => {
    expect(csvLanguageOf('th', 'en-GB,en')).toBe('th');
    expect(csvLanguageOf(undefined, 'th-TH,th;q=0.9,en;q=0.8')).toBe('th');
    expect(csvLanguageOf(undefined, 'en-US,th;q=0.5')).toBe('en');
    expect(csvLanguageOf(undefined, undefined)).toBe('en');
  });

  it('writes Thai dates in the Buddhist Era, Bangkok time, and English ones as ISO instants', () => {
    const at = new Date('2026-12-04T20:30:00Z'); // 03:30 on 5 December in Bangkok
    expect(csvDate(at, 'th')).toBe('5/12/2569 03:30');
    expect(csvDate(at, 'en')).toBe('2026-12-04T20:30:00.000Z');
    expect(csvDate(null, 'th')).toBeNull();
  });

  it('heads Thai columns in Thai and English ones with their stable keys', () => {
    const columns = { name_th: 'ชื่อภาษาไทย', verified_at: 'วันที่ศูนย์ยืนยัน' };
    expect(csvHeader(columns, 'th')).toEqual(['ชื่อภาษาไทย', 'วันที่ศูนย์ยืนยัน']);
    expect(csvHeader(columns, 'en')).toEqual(['name_th', 'verified_at']);
  });
});
