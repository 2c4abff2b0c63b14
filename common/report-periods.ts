/**
 * Reporting periods as the Thai government counts them: calendar years in the Buddhist Era (2569 = 2026),
 * fiscal years from 1 October to 30 September (fiscal 2570 = October 2026 – September 2027), calendar
 * quarters and months, or a custom range of days. Every boundary is midnight in Bangkok (UTC+7, no
 * daylight saving), so "the year 2569" starts at 2025-12-31T17:00Z. A period is written as one string
 * that fits in a URL: `year-2569`, `fiscal-2570`, `quarter-2569-4`, `month-2569-11`,
 * `range-2026-01-01-2026-03-31` (Gregorian days, both included).
 */
import { z } from 'zod';

export const BE_OFFSET = 543;
/** Bangkok is UTC+7 all year. */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;
/** Custom ranges longer than this are refused: the report is a yearly review, not an archive dump. */
export const MAX_RANGE_DAYS = 3 * 366;

export const PERIOD_KINDS = ['year', 'fiscal', 'quarter', 'month', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type Period = {
  kind: PeriodKind;
  /** The canonical string, as parsed. */
  code: string;
  /** Buddhist-Era year the period belongs to (the fiscal year for `fiscal`); null for a range. */
  beYear: number | null;
  quarter?: number;
  month?: number;
  /** Inclusive start, exclusive end, as UTC instants. */
  start: Date;
  end: Date;
};

const PATTERN =
  /^(?:year-(\d{4})|fiscal-(\d{4})|quarter-(\d{4})-([1-4])|month-(\d{4})-(\d{1,2})|range-(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2}))$/;

/** Midnight in Bangkok of a Gregorian day, as a UTC instant. */
export const bangkokMidnight = (year: number, month1: number, day: number) =>
  new Date(Date.UTC(year, month1 - 1, day) - BANGKOK_OFFSET_MS);

/** The Bangkok calendar day of an instant: { year, month (1–12), day }. */
export function bangkokDay(at: Date) {
  const local = new Date(at.getTime() + BANGKOK_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

const toGregorian = (be: number) => be - BE_OFFSET;
const isoDay = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, day));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day
    ? { y, m, day }
    : null;
};

/** Years the review can be asked about: TIPNet did not exist before 2560 (2017). */
const plausibleBe = (be: number) => be >= 2560 && be <= 2700;

/** Parses a period string; null when it is not one (the route answers 400 with the accepted forms). */
export function parsePeriod(code: string): Period | null {
  const m = PATTERN.exec(code);
  if (!m) return null;
  if (m[1]) {
    const be = Number(m[1]);
    if (!plausibleBe(be)) return null;
    const y = toGregorian(be);
    return {
      kind: 'year',
      code,
      beYear: be,
      start: bangkokMidnight(y, 1, 1),
      end: bangkokMidnight(y + 1, 1, 1),
    };
  }
  if (m[2]) {
    const be = Number(m[2]);
    if (!plausibleBe(be)) return null;
    const y = toGregorian(be);
    // Fiscal year N runs from 1 October of year N−1 to 30 September of year N.
    return {
      kind: 'fiscal',
      code,
      beYear: be,
      start: bangkokMidnight(y - 1, 10, 1),
      end: bangkokMidnight(y, 10, 1),
    };
  }
  if (m[3]) {
    const be = Number(m[3]);
    const quarter = Number(m[4]);
    if (!plausibleBe(be)) return null;
    const y = toGregorian(be);
    const first = (quarter - 1) * 3 + 1;
    return {
      kind: 'quarter',
      code,
      beYear: be,
      quarter,
      start: bangkokMidnight(y, first, 1),
      end: first + 3 > 12 ? bangkokMidnight(y + 1, 1, 1) : bangkokMidnight(y, first + 3, 1),
    };
  }
  if (m[5]) {
    const be = Number(m[5]);
    const month = Number(m[6]);
    if (!plausibleBe(be) || month < 1 || month > 12) return null;
    const y = toGregorian(be);
    return {
      kind: 'month',
      code,
      beYear: be,
      month,
      start: bangkokMidnight(y, month, 1),
      end: month === 12 ? bangkokMidnight(y + 1, 1, 1) : bangkokMidnight(y, month + 1, 1),
    };
  }
  const from = isoDay(m[7]!);
  const to = isoDay(m[8]!);
  if (!from || !to) return null;
  const start = bangkokMidnight(from.y, from.m, from.day);
  const end = bangkokMidnight(to.y, to.m, to.day + 1);
  const days = (end.getTime() - start.getTime()) / 86_400_000;
  if (days < 1 || days > MAX_RANGE_DAYS) return null;
  return { kind: 'range', code, beYear: null, start, end };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The Bangkok calendar day of an instant as YYYY-MM-DD. */
export const dayCode = (at: Date) => {
  const d = bangkokDay(at);
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
};

/** The period just before, of the same kind and length: what the review compares with. */
export function previousPeriod(p: Period): Period {
  const be = p.beYear ?? 0;
  switch (p.kind) {
    case 'year':
      return parsePeriod(`year-${be - 1}`)!;
    case 'fiscal':
      return parsePeriod(`fiscal-${be - 1}`)!;
    case 'quarter':
      return p.quarter === 1
        ? parsePeriod(`quarter-${be - 1}-4`)!
        : parsePeriod(`quarter-${be}-${p.quarter! - 1}`)!;
    case 'month':
      return p.month === 1 ? parsePeriod(`month-${be - 1}-12`)! : parsePeriod(`month-${be}-${p.month! - 1}`)!;
    case 'range': {
      const length = p.end.getTime() - p.start.getTime();
      const start = new Date(p.start.getTime() - length);
      const lastDay = new Date(p.start.getTime() - 1);
      return {
        kind: 'range',
        code: `range-${dayCode(start)}-${dayCode(lastDay)}`,
        beYear: null,
        start,
        end: p.start,
      };
    }
  }
}

/** The Buddhist-Era calendar and fiscal years an instant falls in. */
export function beYearOf(at: Date) {
  return bangkokDay(at).year + BE_OFFSET;
}
export function fiscalYearOf(at: Date) {
  const d = bangkokDay(at);
  return d.year + BE_OFFSET + (d.month >= 10 ? 1 : 0);
}

/** The period the review opens on: the current fiscal year. */
export const defaultPeriodCode = (now: Date) => `fiscal-${fiscalYearOf(now)}`;

export const PeriodCode = z
  .string()
  .max(40)
  .refine((s) => parsePeriod(s) !== null, {
    message:
      'Use year-2569, fiscal-2570, quarter-2569-4, month-2569-11 or range-2026-01-01-2026-03-31 (Buddhist-Era years)',
  });

/** A period's name for people, in Thai (Buddhist Era) or English. */
export function periodLabel(p: Period, language: 'th' | 'en'): string {
  const be = p.beYear ?? 0;
  const ce = be - BE_OFFSET;
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(language === 'th' ? 'th-TH' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2000, m - 1, 1)),
    );
  const day = (at: Date) =>
    new Intl.DateTimeFormat(language === 'th' ? 'th-TH' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'Asia/Bangkok',
    }).format(at);
  switch (p.kind) {
    case 'year':
      return language === 'th' ? `ปี พ.ศ. ${be}` : `Year ${ce}`;
    case 'fiscal':
      return language === 'th' ? `ปีงบประมาณ ${be}` : `Fiscal year ${ce} (Oct ${ce - 1} – Sep ${ce})`;
    case 'quarter':
      return language === 'th' ? `ไตรมาส ${p.quarter}/${be}` : `Q${p.quarter} ${ce}`;
    case 'month':
      return language === 'th' ? `${monthName(p.month!)} ${be}` : `${monthName(p.month!)} ${ce}`;
    case 'range':
      return `${day(p.start)} – ${day(new Date(p.end.getTime() - 1))}`;
  }
}
