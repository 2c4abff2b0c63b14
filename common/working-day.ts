/**
 * The Bangkok working day that deadlines end on. A deadline set as a date means the end of that day's work
 * in Bangkok, not midnight and not the minute of assignment plus N days (02:43 at night).
 * Thailand keeps no summer time, so Bangkok is UTC+7 all year and plain arithmetic is exact.
 */
import { DAY_MS, HOUR_MS } from './time.ts';

/** The end of the working day in Bangkok, as the UI shows it ("16:30"). */
export const WORKING_DAY_END = '16:30';
/** How far ahead the Centre may set a deadline. */
export const MAX_DEADLINE_DAYS = 365;

const BANGKOK_OFFSET_MS = 7 * HOUR_MS;
const SATURDAY = 6;
const SUNDAY = 0;

/** The calendar day (`YYYY-MM-DD`) it is in Bangkok at that instant. */
export function bangkokDay(at: Date): string {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant the working day of a Bangkok calendar day (`YYYY-MM-DD`) ends. */
export function endOfWorkingDay(day: string): Date {
  return new Date(`${day}T${WORKING_DAY_END}:00+07:00`);
}

/**
 * The day a deadline of `days` from `from` falls on in Bangkok, moved to the Monday when it is a Saturday
 * or a Sunday: nobody is at their desk to answer then.
 */
export function defaultDeadlineDay(from: Date, days: number): string {
  const day = new Date(`${bangkokDay(new Date(from.getTime() + days * DAY_MS))}T00:00:00Z`);
  const weekday = day.getUTCDay();
  const skip = weekday === SATURDAY ? 2 : weekday === SUNDAY ? 1 : 0;
  return new Date(day.getTime() + skip * DAY_MS).toISOString().slice(0, 10);
}

/** The deadline a category's `days` give when the Centre sets none: the end of that working day. */
export const defaultDeadline = (from: Date, days: number): Date =>
  endOfWorkingDay(defaultDeadlineDay(from, days));

/** Whether an explicit deadline is one the Centre may set at `now`: in the future, within a year. */
export const isDeadlineInRange = (dueAt: Date, now: Date): boolean =>
  dueAt.getTime() > now.getTime() && dueAt.getTime() <= now.getTime() + MAX_DEADLINE_DAYS * DAY_MS;
