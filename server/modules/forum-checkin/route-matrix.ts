/** The forum-checkin module's routes in the authorisation matrix; server/test/route-matrix.ts collects every module's. */
import { randomUUID } from 'node:crypto';
import {
  adminOnly,
  type CaseInput,
  orgOf,
  type RouteCase,
  type Scope,
  type Who,
} from '../../test/route-matrix-kit.ts';
import { buildForumEvent, buildPoll, buildRegistration } from './forum-checkin.factories.ts';

/** Own scope: an event the actor's organisation hosts. Other: one hosted by another organisation. */
const eventIn = ({ w, scope }: CaseInput) =>
  buildForumEvent(w.t.db, { hostOrganisationIds: [orgOf(w, scope).id], startsAt: w.t.clock.now() });

/** The Centre, and the host organisation's contributing members (observers read only). */
const staff = (status: number) => (who: Who, scope: Scope) =>
  who === 'anonymous'
    ? 401
    : who === 'admin' || (scope === 'own' && (who === 'member' || who === 'org_admin'))
      ? status
      : 403;

/** Own scope: the actor holds a confirmed place; other: they have none (and do not host). */
async function attendedEvent(c: CaseInput) {
  const event = await eventIn(c);
  if (c.scope === 'own' && c.person)
    await buildRegistration(c.w.t.db, { eventId: event.id, userId: c.person.user.id });
  return event;
}

const scan = () => ({ clientScanId: randomUUID(), scannedAt: new Date().toISOString() });

export const ROUTES: RouteCase[] = [
  {
    route: 'POST /api/v1/forums/events/:eventId/checkins',
    scoped: true,
    sample: async (c) => {
      const event = await eventIn(c);
      const registration = await buildRegistration(c.w.t.db, { eventId: event.id, userId: c.w.bystander.id });
      return {
        url: `/api/v1/forums/events/${event.id}/checkins`,
        body: { ticketCode: registration.ticketCode, ...scan() },
      };
    },
    expected: staff(201),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/walk-ins',
    scoped: true,
    sample: async (c) => ({
      url: `/api/v1/forums/events/${(await eventIn(c)).id}/walk-ins`,
      body: { guestName: 'Somchai Guest (fictional)', guestOrganisationName: 'สมาคมตัวอย่าง', ...scan() },
    }),
    expected: staff(201),
  },
  {
    route: 'GET /api/v1/forums/events/:eventId/walk-ins/people',
    scoped: true,
    sample: async (c) => ({ url: `/api/v1/forums/events/${(await eventIn(c)).id}/walk-ins/people?q=Quick` }),
    expected: staff(200),
  },
  {
    route: 'GET /api/v1/forums/events/:eventId/attendance',
    scoped: true,
    sample: async (c) => ({ url: `/api/v1/forums/events/${(await eventIn(c)).id}/attendance` }),
    expected: staff(200),
  },
  {
    route: 'GET /api/v1/forums/events/:eventId/polls',
    scoped: true,
    sample: async (c) => ({ url: `/api/v1/forums/events/${(await attendedEvent(c)).id}/polls` }),
    // Own: every registrant with a confirmed place reads; other: only the Centre.
    expected: (who, scope) => (who === 'anonymous' ? 401 : scope === 'own' || who === 'admin' ? 200 : 403),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/polls',
    sample: async (c) => ({
      url: `/api/v1/forums/events/${(await eventIn(c)).id}/polls`,
      body: {
        questionTh: 'เห็นด้วยกับข้อเสนอหรือไม่',
        questionEn: 'Do you agree with the proposal?',
        kind: 'single',
        options: [
          { th: 'เห็นด้วย', en: 'Agree' },
          { th: 'ไม่เห็นด้วย', en: 'Disagree' },
        ],
      },
    }),
    expected: adminOnly(201),
  },
  {
    route: 'POST /api/v1/forums/polls/:pollId/open',
    sample: async (c) => ({
      url: `/api/v1/forums/polls/${(await buildPoll(c.w.t.db, (await eventIn(c)).id, { state: 'draft' })).id}/open`,
    }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forums/polls/:pollId/close',
    sample: async (c) => ({
      url: `/api/v1/forums/polls/${(await buildPoll(c.w.t.db, (await eventIn(c)).id)).id}/close`,
    }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forums/polls/:pollId/votes',
    scoped: true,
    sample: async (c) => ({
      url: `/api/v1/forums/polls/${(await buildPoll(c.w.t.db, (await attendedEvent(c)).id)).id}/votes`,
      body: { optionIds: ['o1'] },
    }),
    // Own: a confirmed registrant who contributes; other: no place, no vote (the Centre included).
    expected: (who, scope) => (who === 'anonymous' ? 401 : scope === 'own' && who !== 'observer' ? 200 : 403),
  },
];
