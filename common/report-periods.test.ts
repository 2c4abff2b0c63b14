import { describe, expect, it } from 'vitest';
import {
  beYearOf,
  defaultPeriodCode,
  fiscalYearOf,
  PeriodCode,
  parsePeriod,
  periodLabel,
  previousPeriod,
} from './report-periods.ts';

const iso = (d: Date) => d.toISOString();

describe('report periods', () => {
  it('counts the Buddhist-Era year 2569 as 2026 from midnight in Bangkok', () => {
    const p = parsePeriod('year-2569')!;
    expect(iso(p.start)).toBe('2025-12-31T17:00:00.000Z');
    expect(iso(p.end)).toBe('2026-12-31T17:00:00.000Z');
    expect(periodLabel(p, 'th')).toBe('ปี พ.ศ. 2569');
    expect(periodLabel(p, 'en')).toBe('Year 2026');
  });

  it('runs fiscal 2570 from 1 October 2026 to 30 September 2027', () => {
    const p = parsePeriod('fiscal-2570')!;
    expect(iso(p.start)).toBe('2026-09-30T17:00:00.000Z');
    expect(iso(p.end)).toBe('2027-09-30T17:00:00.000Z');
    expect(periodLabel(p, 'th')).toBe('ปีงบประมาณ 2570');
    expect(iso(previousPeriod(p).start)).toBe('2025-09-30T17:00:00.000Z');
    expect(previousPeriod(p).code).toBe('fiscal-2569');
  });

  it('puts a day in the fiscal year that starts on the October before it', () => {
    expect(fiscalYearOf(new Date('2026-09-30T16:59:59Z'))).toBe(2569);
    // 1 October 00:00 in Bangkok is still 30 September in UTC.
    expect(fiscalYearOf(new Date('2026-09-30T17:00:00Z'))).toBe(2570);
    expect(beYearOf(new Date('2025-12-31T17:00:00Z'))).toBe(2569);
    expect(defaultPeriodCode(new Date('2026-12-04T23:00:00Z'))).toBe('fiscal-2570');
  });

  it('steps quarters and months back across the year boundary', () => {
    const q1 = parsePeriod('quarter-2570-1')!;
    expect(iso(q1.start)).toBe('2026-12-31T17:00:00.000Z');
    expect(iso(q1.end)).toBe('2027-03-31T17:00:00.000Z');
    expect(previousPeriod(q1).code).toBe('quarter-2569-4');
    expect(iso(parsePeriod('quarter-2569-4')!.end)).toBe(iso(q1.start));
    const january = parsePeriod('month-2570-1')!;
    expect(previousPeriod(january).code).toBe('month-2569-12');
    expect(iso(parsePeriod('month-2569-2')!.end)).toBe('2026-02-28T17:00:00.000Z');
    expect(periodLabel(parsePeriod('month-2569-11')!, 'th')).toBe('พฤศจิกายน 2569');
  });

  it('compares a custom range with the same number of days just before it', () => {
    const p = parsePeriod('range-2026-01-01-2026-01-31')!;
    expect(iso(p.start)).toBe('2025-12-31T17:00:00.000Z');
    expect(iso(p.end)).toBe('2026-01-31T17:00:00.000Z');
    const before = previousPeriod(p);
    expect(before.code).toBe('range-2025-12-01-2025-12-31');
    expect(iso(before.end)).toBe(iso(p.start));
  });

  it('refuses what is not a period', () => {
    for (const bad of [
      '',
      'fiscal-2026x',
      'fiscal-1999',
      'month-2569-13',
      'quarter-2569-5',
      'range-2026-02-30-2026-03-01',
      'range-2026-03-01-2026-02-01',
      'range-2020-01-01-2026-01-01',
    ])
      expect(parsePeriod(bad), bad).toBeNull();
    expect(PeriodCode.safeParse('fiscal-2570').success).toBe(true);
    expect(PeriodCode.safeParse('2570').success).toBe(false);
  });
});
