import { describe, expect, it } from 'vitest';
import { CALENDAR_FORMATS, formatCalendarDate } from './calendar.ts';

describe('date picker formats', () => {
  const newYear = '2025-01-01';

  it('show Thai years in the Buddhist Era, with Thai month names', () => {
    const { value, day, month, year } = CALENDAR_FORMATS.th;
    expect(formatCalendarDate(newYear, value, 'th')).toBe('1 ม.ค. 2568');
    expect(formatCalendarDate(newYear, day, 'th')).toBe('1 มกราคม 2568');
    expect(formatCalendarDate(newYear, month, 'th')).toBe('มกราคม 2568');
    expect(formatCalendarDate(newYear, year, 'th')).toBe('2568');
  });

  it('show English years in the Gregorian calendar', () => {
    const { value, month } = CALENDAR_FORMATS.en;
    expect(formatCalendarDate(newYear, value, 'en')).toBe('1 Jan 2025');
    expect(formatCalendarDate(newYear, month, 'en')).toBe('January 2025');
  });
});
