/**
 * dayjs set up for Mantine's date pickers: Thai month names, and the Buddhist Era (พ.ศ.) year that Thai
 * readers expect everywhere a year is shown. Imported only by the pages that have a date picker.
 */
import dayjs from 'dayjs';
import buddhistEra from 'dayjs/plugin/buddhistEra';
import 'dayjs/locale/th';
import type { Language } from './types.ts';

dayjs.extend(buddhistEra);

export interface CalendarFormats {
  /** The chosen day as shown in the input, e.g. "1 ม.ค. 2568". */
  value: string;
  /** Screen-reader name of a day in the calendar. */
  day: string;
  /** Calendar header on the month level, e.g. "มกราคม 2568". */
  month: string;
  /** A year: header on the year level, decade range, and the list of years. */
  year: string;
}

/** `BBBB` is the Buddhist Era year from dayjs's buddhistEra plugin (Gregorian + 543). */
export const CALENDAR_FORMATS: Record<Language, CalendarFormats> = {
  th: { value: 'D MMM BBBB', day: 'D MMMM BBBB', month: 'MMMM BBBB', year: 'BBBB' },
  en: { value: 'D MMM YYYY', day: 'D MMMM YYYY', month: 'MMMM YYYY', year: 'YYYY' },
};

/** Thai wall calendars start the week on Sunday; en-GB ones on Monday. */
export const FIRST_DAY_OF_WEEK: Record<Language, 0 | 1> = { th: 0, en: 1 };

export function formatCalendarDate(date: string, format: string, language: Language): string {
  return dayjs(date).locale(language).format(format);
}
