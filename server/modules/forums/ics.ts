/**
 * Calendar files of forum events: one VEVENT per event with a UID that never changes and SEQUENCE =
 * forum_events.ics_sequence, so a calendar that imported the confirmation follows every later update;
 * a cancelled event goes out with METHOD:CANCEL. The online link is never written in a calendar file.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Language } from '../../../common/taxonomies.ts';

export type CalendarEvent = {
  id: string;
  number: number;
  titleTh: string;
  titleEn: string;
  state: string;
  startsAt: Date;
  endsAt: Date;
  venueTh: string | null;
  venueEn: string | null;
  address: string | null;
  icsSequence: number;
  updatedAt: Date;
};

/** The same for every file that ever mentions the event. */
export const eventUid = (eventId: string) => `forum-event-${eventId}@tipnet`;

export function calendarOf(
  events: CalendarEvent[],
  opts: { language: Language; baseUrl: string; name: string; method?: 'publish' | 'cancel' },
): string {
  const th = opts.language === 'th';
  const cal = ical({
    name: opts.name,
    prodId: { company: 'TIPNet', product: 'forums', language: th ? 'TH' : 'EN' },
    method: opts.method === 'cancel' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  for (const e of events) {
    const venue = th ? (e.venueTh ?? e.venueEn) : (e.venueEn ?? e.venueTh);
    cal.createEvent({
      id: eventUid(e.id),
      sequence: e.icsSequence,
      stamp: e.updatedAt,
      start: e.startsAt,
      end: e.endsAt,
      summary: th ? e.titleTh : e.titleEn,
      location: [venue, e.address].filter(Boolean).join(', ') || null,
      url: `${opts.baseUrl}/forums/${e.id}`,
      status:
        opts.method === 'cancel' || e.state === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
