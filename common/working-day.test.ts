import { describe, expect, it } from 'vitest';
import { bangkokDay, defaultDeadline, endOfWorkingDay, isDeadlineInRange } from './working-day.ts';

describe('deadlines on the Bangkok working day', () => {
  it('ends a working day at 16:30 in Bangkok', () => {
    expect(endOfWorkingDay('2026-12-18').toISOString()).toBe('2026-12-18T09:30:00.000Z');
  });

  it('counts the day in Bangkok, not in UTC', () => {
    // 02:43 on 5 December in Bangkok is still 4 December in UTC.
    expect(bangkokDay(new Date('2026-12-04T19:43:00Z'))).toBe('2026-12-05');
  });

  it('rounds an assignment at 02:43 at night plus 14 days to the end of that working day', () => {
    // Saturday 5 December 2026, 02:43 in Bangkok → Saturday 19 December → Monday 21 December, 16:30.
    const due = defaultDeadline(new Date('2026-12-04T19:43:00Z'), 14);
    expect(due.toISOString()).toBe('2026-12-21T09:30:00.000Z');
  });

  it('keeps a weekday deadline on its own day', () => {
    // Thursday 3 December 2026, 10:00 in Bangkok + 7 days → Thursday 10 December, 16:30.
    expect(defaultDeadline(new Date('2026-12-03T03:00:00Z'), 7).toISOString()).toBe(
      '2026-12-10T09:30:00.000Z',
    );
  });

  it('takes deadlines in the future and at most a year ahead only', () => {
    const now = new Date('2026-12-04T03:00:00Z');
    expect(isDeadlineInRange(new Date('2026-12-04T02:59:59Z'), now)).toBe(false);
    expect(isDeadlineInRange(new Date('2026-12-11T09:30:00Z'), now)).toBe(true);
    expect(isDeadlineInRange(new Date('2027-12-04T03:00:00Z'), now)).toBe(true);
    expect(isDeadlineInRange(new Date('2027-12-05T03:00:00Z'), now)).toBe(false);
  });
});
