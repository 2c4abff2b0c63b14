/**
 * Thai government business hours: Monday to Friday, 08:30–16:30 in Bangkok, except the public holidays the
 * Centre keeps (`HolidayCalendar`). SLA clocks on the `business` clock count only this time: a normal
 * request sent on Friday evening starts its clock at 08:30 on Monday (or on the day after a holiday).
 * Pure and exact: Thailand keeps no summer time, so Bangkok is UTC+7 all year.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time.ts';
import { bangkokDay } from './working-day.ts';

/** Public holidays as Bangkok calendar days, `YYYY-MM-DD`. */
export type HolidayCalendar = ReadonlySet<string>;

export const BUSINESS_OPENS = '08:30';
export const BUSINESS_CLOSES = '16:30';
/** One business day on the clock: 08:30 to 16:30. */
export const BUSINESS_DAY_MS = 8 * HOUR_MS;

const OPEN_OFFSET_MS = 8 * HOUR_MS + 30 * MINUTE_MS;
/** Longer than any run of holidays and weekends: a calendar with no business day at all ends the walk. */
const MAX_CLOSED_DAYS_IN_A_ROW = 60;

/** Midnight in Bangkok of that calendar day, as an instant. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+07:00`).getTime();
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** Whether government offices open on that Bangkok calendar day (`YYYY-MM-DD`). */
export function isBusinessDay(day: string, holidays: HolidayCalendar): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** The opening and closing instants of a Bangkok calendar day (whether or not it is a business day). */
function hoursOf(day: string) {
  const open = startOfDay(day) + OPEN_OFFSET_MS;
  return { open, close: open + BUSINESS_DAY_MS };
}

/** Whether offices are open at that instant (opening included, closing excluded). */
export function isWithinBusinessHours(at: Date, holidays: HolidayCalendar): boolean {
  const day = bangkokDay(at);
  const { open, close } = hoursOf(day);
  return isBusinessDay(day, holidays) && at.getTime() >= open && at.getTime() < close;
}

/** `at` itself when offices are open then, else the next opening. */
export function nextBusinessOpening(at: Date, holidays: HolidayCalendar): Date {
  let day = bangkokDay(at);
  for (let i = 0; i <= MAX_CLOSED_DAYS_IN_A_ROW; i++, day = nextDay(day)) {
    if (!isBusinessDay(day, holidays)) continue;
    const { open, close } = hoursOf(day);
    if (at.getTime() < close) return new Date(Math.max(open, at.getTime()));
  }
  throw new RangeError(`No business day within ${MAX_CLOSED_DAYS_IN_A_ROW} days of ${at.toISOString()}`);
}

/**
 * The instant `ms` of business time after `from`. From outside hours the count starts at the next
 * opening; a target that ends exactly at closing time is due at 16:30, not at 08:30 the next day.
 */
export function addBusinessMs(from: Date, ms: number, holidays: HolidayCalendar): Date {
  if (ms < 0) throw new RangeError('addBusinessMs counts forward only');
  let at = nextBusinessOpening(from, holidays).getTime();
  let left = ms;
  for (;;) {
    const { close } = hoursOf(bangkokDay(new Date(at)));
    if (at + left <= close) return new Date(at + left);
    left -= close - at;
    at = nextBusinessOpening(new Date(close), holidays).getTime();
  }
}

/** `days` business days after `from`: days × 8 h of business time (1 day from Friday 10:00 is Monday 10:00). */
export function addBusinessDays(from: Date, days: number, holidays: HolidayCalendar): Date {
  return addBusinessMs(from, days * BUSINESS_DAY_MS, holidays);
}

/** Business time between two instants; negative when `to` is before `from`. */
export function businessMsBetween(from: Date, to: Date, holidays: HolidayCalendar): number {
  if (to.getTime() < from.getTime()) return -businessMsBetween(to, from, holidays);
  let total = 0;
  for (let day = bangkokDay(from); startOfDay(day) < to.getTime(); day = nextDay(day)) {
    if (!isBusinessDay(day, holidays)) continue;
    const { open, close } = hoursOf(day);
    total += Math.max(0, Math.min(close, to.getTime()) - Math.max(open, from.getTime()));
  }
  return total;
}
