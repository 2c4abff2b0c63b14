import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  BE_OFFSET,
  bangkokDay,
  beYearOf,
  fiscalYearOf,
  parsePeriod,
  periodLabel,
} from '../../../../common/report-periods.ts';
import type { ReviewView } from '../../../../common/reports-api.ts';
import { api } from '../../../lib/api.ts';
import type { Language } from '../../../lib/types.ts';

export const useReview = (period: string) =>
  useQuery({
    queryKey: ['reports', 'review', period],
    queryFn: ({ signal }) => api.get<ReviewView>('/reports/review', { period }, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });

export const workbookUrl = (period: string, language: Language) =>
  `/api/v1/reports/review.xlsx?${new URLSearchParams({ period, lang: language })}`;

export const pdfUrl = (period: string, language: Language) =>
  `/api/v1/reports/review.pdf?${new URLSearchParams({ period, lang: language })}`;

/** The periods the picker offers: recent fiscal years, calendar years, this year's quarters and the last three months, in Buddhist Era. */
/** The period code of the month `n` months before the one `now` falls in. */
function monthBefore(now: Date, n: number) {
  const d = bangkokDay(now);
  const index = d.year * 12 + d.month - 1 - n;
  return `month-${Math.floor(index / 12) + BE_OFFSET}-${(index % 12) + 1}`;
}

export function periodOptions(
  now: Date,
  language: Language,
  groups: { fiscal: string; year: string; quarter: string; month: string },
) {
  const item = (code: string) => ({ value: code, label: periodLabel(parsePeriod(code)!, language) });
  const fiscal = fiscalYearOf(now);
  const year = beYearOf(now);
  return [
    { group: groups.fiscal, items: [0, 1, 2, 3].map((n) => item(`fiscal-${fiscal - n}`)) },
    { group: groups.year, items: [0, 1, 2, 3].map((n) => item(`year-${year - n}`)) },
    { group: groups.quarter, items: [4, 3, 2, 1].map((q) => item(`quarter-${year}-${q}`)) },
    // The monthly digest links to last month.
    { group: groups.month, items: [1, 2, 3].map((n) => item(monthBefore(now, n))) },
  ];
}
