/**
 * Forum minutes in the authorisation matrix: the minutes' state × role. "Own" events were attended by the
 * matrix people's organisation (and its action items are theirs); "other" ones only by another.
 */
import type { MinutesState } from '../../../common/forum-states.ts';
import { forumMinutes, forumMinutesVersions } from '../../db/schema/index.ts';
import {
  adminOnly,
  orgOf,
  type RouteCase,
  type Scope,
  signedIn,
  type Who,
  type World,
} from '../../test/route-matrix-kit.ts';
import { buildAction, buildCheckin, buildForumEvent } from './forum-minutes.factories.ts';
import { currentContent } from './minutes.service.ts';

/** An event attended by the scope's organisation, with minutes in `state` and (when final) version 1. */
async function minutesIn(
  w: World,
  scope: Scope,
  state: MinutesState | null,
  options: { action?: boolean } = {},
) {
  const org = orgOf(w, scope);
  const event = await buildForumEvent(w.t.db);
  await buildCheckin(w.t.db, event.id, { organisationId: org.id, sector: org.sector });
  const actionId = options.action
    ? await buildAction(w.t.db, event.id, { ownerOrganisationId: org.id, dueOn: '2026-12-01' })
    : null;
  const now = w.t.clock.now();
  if (state)
    await w.t.db
      .insert(forumMinutes)
      .values({ eventId: event.id, state, version: 1, revision: 1, updatedAt: now });
  if (state === 'final')
    await w.t.db.insert(forumMinutesVersions).values({
      eventId: event.id,
      version: 1,
      snapshot: await currentContent(w.t.db, event.id, now),
      finalisedAt: now,
    });
  return { eventId: event.id, actionId };
}

/** Readers: the Centre, and the attending organisation's people (observers included); others get 404. */
const readers = (status: number) => (who: Who, scope: Scope) =>
  who === 'anonymous' ? 401 : who === 'admin' || scope === 'own' ? status : 404;
/** Like readers, but an observer, who only reads, gets 403. */
const contributors = (status: number) => (who: Who, scope: Scope) =>
  who === 'anonymous'
    ? 401
    : who === 'admin'
      ? status
      : scope === 'other'
        ? 404
        : who === 'observer'
          ? 403
          : status;

const minutesUrl = (eventId: string) => `/api/v1/forums/events/${eventId}/minutes`;

export const ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/forums/events/:eventId/minutes',
    scoped: true,
    sample: async ({ w, scope }) => ({ url: minutesUrl((await minutesIn(w, scope, 'shared')).eventId) }),
    expected: readers(200),
  },
  {
    route: 'PUT /api/v1/forums/events/:eventId/minutes',
    sample: async ({ w }) => ({
      url: minutesUrl((await minutesIn(w, 'own', null)).eventId),
      body: {
        revision: 0,
        summaryTh: 'สรุปการประชุม',
        items: [],
        decisions: [{ textTh: 'ที่ประชุมเห็นชอบให้ตั้งคณะทำงานร่วม' }],
        actions: [{ titleTh: 'จัดทำคู่มือการส่งต่อ', ownerOrganisationId: w.otherOrg.id, dueOn: '2027-01-15' }],
      },
    }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/minutes/share',
    sample: async ({ w }) => ({
      url: `${minutesUrl((await minutesIn(w, 'own', 'draft')).eventId)}/share`,
      body: { revision: 1 },
    }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/minutes/finalise',
    sample: async ({ w }) => ({
      url: `${minutesUrl((await minutesIn(w, 'own', 'shared')).eventId)}/finalise`,
      body: { revision: 1 },
    }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/minutes/reopen',
    sample: async ({ w }) => ({
      url: `${minutesUrl((await minutesIn(w, 'own', 'final')).eventId)}/reopen`,
      body: { revision: 1, version: 1 },
    }),
    expected: adminOnly(200),
  },
  {
    route: 'GET /api/v1/forums/events/:eventId/minutes/versions/:version',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: `${minutesUrl((await minutesIn(w, scope, 'final')).eventId)}/versions/1`,
    }),
    expected: readers(200),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/minutes/comments',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: `${minutesUrl((await minutesIn(w, scope, 'shared')).eventId)}/comments`,
      body: { body: 'ขอเพิ่มข้อเสนอเรื่องล่ามภาษาเมียนมา' },
    }),
    expected: contributors(201),
  },
  {
    route: 'GET /api/v1/forums/events/:eventId/agenda/carry-over',
    sample: async ({ w }) => ({
      url: `/api/v1/forums/events/${(await buildForumEvent(w.t.db, { state: 'draft', startsAt: new Date('2027-03-01T02:00:00Z') })).id}/agenda/carry-over`,
    }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/agenda/carry-over',
    sample: async ({ w }) => ({
      url: `/api/v1/forums/events/${(await buildForumEvent(w.t.db, { state: 'draft', startsAt: new Date('2027-03-01T02:00:00Z') })).id}/agenda/carry-over`,
    }),
    expected: adminOnly(200),
  },
  {
    route: 'GET /api/v1/forums/actions',
    sample: async () => ({ url: '/api/v1/forums/actions?filter=all' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/forums/actions/:actionId',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/forums/actions/${(await minutesIn(w, scope, 'final', { action: true })).actionId}`,
    }),
    expected: readers(200),
  },
  {
    route: 'POST /api/v1/forums/actions/:actionId/status',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/forums/actions/${(await minutesIn(w, scope, 'final', { action: true })).actionId}/status`,
      body: { status: 'in_progress', note: 'เริ่มร่างคู่มือแล้ว' },
    }),
    expected: contributors(200),
  },
];
