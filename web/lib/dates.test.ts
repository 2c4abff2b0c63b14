import { describe, expect, it } from 'vitest';
import { bangkokDayBoundary, formatDateTime, formatPrintedDate } from './dates.ts';

describe('formatDateTime', () => {
  const midnightUtc = '2024-12-31T17:30:00.000Z'; // 00:30 on 1 January 2025 in Bangkok

  it('shows Thai dates in the Buddhist Era and Bangkok time', () => {
    const text = formatDateTime(midnightUtc, 'th');
    expect(text).toContain('2568');
    expect(text).toContain('00:30');
  });

  it('shows English dates in the Gregorian calendar and Bangkok time', () => {
    const text = formatDateTime(midnightUtc, 'en');
    expect(text).toContain('2025');
    expect(text).toContain('00:30');
  });

  it('returns unparseable input unchanged rather than "Invalid Date"', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});

describe('bangkokDayBoundary', () => {
  it('covers the whole Bangkok calendar day', () => {
    expect(new Date(bangkokDayBoundary('2025-01-01', 'start')).toISOString()).toBe(
      '2024-12-31T17:00:00.000Z',
    );
    expect(new Date(bangkokDayBoundary('2025-01-01', 'end')).toISOString()).toBe('2025-01-01T16:59:59.999Z');
  });
});

describe('formatPrintedDate', () => {
  const morning = '2026-11-18T03:05:00.000Z'; // 10:05 in Bangkok

  it('writes the Thai date out in full with the Buddhist Era marked', () => {
    expect(formatPrintedDate(morning, 'th')).toBe('18 พฤศจิกายน พ.ศ. 2569 เวลา 10:05');
  });

  it('writes the English date in the Gregorian calendar', () => {
    expect(formatPrintedDate(morning, 'en')).toBe('18 November 2026 at 10:05');
  });
});
