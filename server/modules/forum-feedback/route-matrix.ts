/** The forum feedback routes in the authorisation matrix (server/test/route-matrix.ts collects every module's). */
import { existsSync } from 'node:fs';
import { HOUR_MS } from '../../../common/time.ts';
import { forumSummaries } from '../../db/schema/index.ts';
import {
  adminOnly,
  type Person,
  type RouteCase,
  type Scope,
  signedIn,
  type Who,
  type World,
} from '../../test/route-matrix-kit.ts';
import { attend, buildForumEvent } from './forum-feedback.factories.ts';

const url = (eventId: string, rest: string) => `/api/v1/forum-feedback/events/${eventId}${rest}`;

/** A forum that ended `endedHoursAgo` hours ago (negative: still to come); own scope: the actor attended it. */
async function forum(w: World, scope: Scope, person: Person | null, endedHoursAgo: number) {
  const endsAt = new Date(w.t.clock.now().getTime() - endedHoursAgo * HOUR_MS);
  const event = await buildForumEvent(w.t.db, { startsAt: new Date(endsAt.getTime() - 3 * HOUR_MS), endsAt });
  if (scope === 'own' && person) await attend(w.t.db, event, person.user);
  return event;
}

async function summarised(w: World, state: 'draft' | 'published') {
  const event = await forum(w, 'other', null, 48);
  const now = w.t.clock.now();
  await w.t.db.insert(forumSummaries).values({
    eventId: event.id,
    state,
    titleTh: 'ศพดส.ตร. จัดเวทีพูดคุยเครือข่าย',
    titleEn: 'The Centre convenes the network',
    bodyTh: 'เมื่อวันที่ 20 พฤศจิกายน 2569',
    bodyEn: 'On 20 November 2026',
    generatedAt: now,
    publishedAt: state === 'published' ? now : null,
    updatedAt: now,
  });
  return event;
}

/** Attendees and the Centre see a survey; anyone else is told it does not exist. */
const attendeesAndCentre = (status: number) => (who: Who, scope: Scope) =>
  who === 'anonymous' ? 401 : scope === 'own' || who === 'admin' ? status : 404;
/** Attendees answer; the Centre sees the survey of a forum it did not attend but may not answer it. */
const attendeesOnly = (status: number) => (who: Who, scope: Scope) =>
  who === 'anonymous' ? 401 : scope === 'own' ? status : who === 'admin' ? 403 : 404;
/** The Centre edits; an attendee sees the survey but may not edit it; others are told it does not exist. */
const centreEdits = (status: number) => (who: Who, scope: Scope) =>
  who === 'anonymous' ? 401 : who === 'admin' ? status : scope === 'own' ? 403 : 404;
const chromium = () => existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

export const ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/forum-feedback/events/:eventId/survey',
    scoped: true,
    sample: async ({ w, scope, person }) => ({ url: url((await forum(w, scope, person, 24)).id, '/survey') }),
    expected: attendeesAndCentre(200),
  },
  {
    route: 'PUT /api/v1/forum-feedback/events/:eventId/survey',
    scoped: true,
    sample: async ({ w, scope, person }) => ({
      url: url((await forum(w, scope, person, -2 * 24)).id, '/survey'),
      body: { questions: [{ id: 'overall', kind: 'rating', th: 'ภาพรวม', en: 'Overall' }] },
    }),
    expected: centreEdits(200),
  },
  {
    route: 'POST /api/v1/forum-feedback/events/:eventId/survey/answers',
    scoped: true,
    sample: async ({ w, scope, person }) => ({
      url: url((await forum(w, scope, person, 24)).id, '/survey/answers'),
      body: { answers: { overall: 4, again: 'yes' } },
    }),
    expected: attendeesOnly(201),
  },
  {
    route: 'GET /api/v1/forum-feedback/events/:eventId/summary',
    scoped: true,
    // Own: a published summary every member reads; other: a draft only the Centre sees.
    sample: async ({ w, scope }) => ({
      url: url((await summarised(w, scope === 'own' ? 'published' : 'draft')).id, '/summary'),
    }),
    expected: (who, scope) => (who === 'anonymous' ? 401 : scope === 'own' || who === 'admin' ? 200 : 404),
  },
  {
    route: 'POST /api/v1/forum-feedback/events/:eventId/summary/generate',
    sample: async ({ w }) => ({ url: url((await forum(w, 'other', null, 48)).id, '/summary/generate') }),
    expected: adminOnly(200),
  },
  {
    route: 'PUT /api/v1/forum-feedback/events/:eventId/summary',
    sample: async ({ w }) => ({
      url: url((await summarised(w, 'published')).id, '/summary'),
      body: { titleTh: 'หัวข้อใหม่', titleEn: 'New title', bodyTh: 'เนื้อหาใหม่', bodyEn: 'New body' },
    }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forum-feedback/events/:eventId/summary/publish',
    sample: async ({ w }) => ({ url: url((await summarised(w, 'draft')).id, '/summary/publish') }),
    expected: adminOnly(200),
  },
  {
    route: 'GET /api/v1/forum-feedback/events/:eventId/summary/print',
    sample: async ({ w }) => ({ url: url((await summarised(w, 'published')).id, '/summary/print?lang=th') }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/forum-feedback/events/:eventId/summary.pdf',
    sample: async ({ w }) => ({ url: url((await summarised(w, 'published')).id, '/summary.pdf?lang=th') }),
    expected: (who) => (who === 'anonymous' ? 401 : chromium() ? 200 : 503),
  },
];
