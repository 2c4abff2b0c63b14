/**
 * PROVISIONAL (branch wip-oncall): the SLA branch (wip-sla) writes the real business calendar with Thai
 * government hours and the Centre's public holidays. This stand-in has exactly the agreed signatures and
 * counts weekends only, so the escalation engine can use it; the lead keeps wip-sla's version at merge.
 */
import { DAY_MS, HOUR_MS } from './time.ts';

/** The public holidays as Bangkok calendar days (`YYYY-MM-DD`). */
export type HolidayCalendar = { has: (day: string) => boolean };

const BANGKOK_OFFSET_MS = 7 * HOUR_MS;

const isWorkingDay = (at: Date, holidays: HolidayCalendar) => {
  const local = new Date(at.getTime() + BANGKOK_OFFSET_MS);
  const weekday = local.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(local.toISOString().slice(0, 10));
};

/** `days` working days after `from` (same Bangkok time of day), skipping weekends and holidays. */
export function addBusinessDays(from: Date, days: number, holidays: HolidayCalendar): Date {
  let at = new Date(from);
  for (let left = days; left > 0; ) {
    at = new Date(at.getTime() + DAY_MS);
    if (isWorkingDay(at, holidays)) left--;
  }
  return at;
}
