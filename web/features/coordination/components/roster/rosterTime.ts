/**
 * Roster times as the network reads them: Bangkok (UTC+7 all year, no summer time), whatever the browser's
 * own time zone, so a manager abroad still edits the unit's nights.
 */
import type { Language } from '../../../../../common/taxonomies.ts';

const HOUR_MS = 3_600_000;
const BANGKOK_MS = 7 * HOUR_MS;

/** `YYYY-MM-DDTHH:MM` in Bangkok, for a `datetime-local` input. */
export const toBangkokLocal = (ms: number) => new Date(ms + BANGKOK_MS).toISOString().slice(0, 16);
/** The instant a `datetime-local` value names in Bangkok. */
export const fromBangkokLocal = (value: string) => new Date(`${value}:00+07:00`).toISOString();
export const bangkokToday = () => toBangkokLocal(Date.now()).slice(0, 10);

/** The next full hour from now, the default start of a cover. */
export const nextFullHour = () => Math.ceil(Date.now() / HOUR_MS) * HOUR_MS;

/** ISO weekday (1 = Monday) as a short name in the reader's language. 1 January 2024 was a Monday. */
export const weekdayName = (isoWeekday: number, language: Language) =>
  new Intl.DateTimeFormat(language === 'th' ? 'th-TH' : 'en-GB', {
    weekday: 'short',
    timeZone: 'UTC',
  }).format(Date.UTC(2024, 0, isoWeekday));

/** A shift's time of day in Bangkok. */
export const bangkokTime = (ms: number, language: Language) =>
  new Intl.DateTimeFormat(language === 'th' ? 'th-TH' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Bangkok',
  }).format(ms);

/** A Bangkok calendar day (`YYYY-MM-DD`) as a short date: "25 พ.ย. 2569" (Buddhist Era in Thai). */
export const formatDay = (day: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'th' ? 'th-TH' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'Asia/Bangkok',
  }).format(new Date(`${day}T12:00:00+07:00`));
