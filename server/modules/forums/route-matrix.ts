/** The forums (events) module's routes in the authorisation matrix; server/test/route-matrix.ts collects them. */
import { randomUUID } from 'node:crypto';
import { HOUR_MS } from '../../../common/time.ts';
import {
  type ForumRegistrationRow,
  forumAgendaItems,
  forumFeedTokens,
  forumInvitations,
} from '../../db/schema/index.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import {
  adminOnly,
  anyone,
  type CaseInput,
  type RouteCase,
  signedIn,
  type World,
} from '../../test/route-matrix-kit.ts';
import { buildForumEvent, buildForumRegistration } from './forums.factories.ts';

const event = (w: World, overrides: Parameters<typeof buildForumEvent>[2] = {}) =>
  buildForumEvent(w.t.db, w.t.clock.now(), overrides);
const base = (id: string) => `/api/v1/forums/events/${id}`;

async function agendaItem(w: World, eventId: string) {
  const id = randomUUID();
  await w.t.db.insert(forumAgendaItems).values({
    id,
    eventId,
    position: 0,
    titleTh: 'เปิดงานและกล่าวต้อนรับ',
    titleEn: 'Opening and welcome',
    createdAt: w.t.clock.now(),
  });
  return id;
}

/** The acting person's own registration (or a bystander's, for anonymous callers). */
async function ownRegistration(c: CaseInput, fields: Partial<ForumRegistrationRow> = {}) {
  const e = await event(c.w);
  const user = c.person?.user ?? c.w.bystander;
  await buildForumRegistration(c.w.t.db, c.w.t.clock.now(), {
    eventId: e.id,
    userId: user.id,
    organisationId: user.organisationId,
    ...fields,
  });
  return e;
}

async function pendingOfBystander(w: World) {
  const e = await event(w, { registrationMode: 'moderated' });
  const reg = await buildForumRegistration(w.t.db, w.t.clock.now(), {
    eventId: e.id,
    userId: w.bystander.id,
    organisationId: w.bystander.organisationId,
    state: 'pending',
  });
  return { e, reg };
}

async function feedToken(w: World, userId: string) {
  const token = newToken();
  const id = randomUUID();
  await w.t.db.insert(forumFeedTokens).values({
    id,
    userId,
    seriesId: (await event(w)).seriesId,
    tokenHash: hashToken(token),
    createdAt: w.t.clock.now(),
  });
  return { id, token };
}

const newEventBody = (w: World) => ({
  titleTh: "Let's Talk TIP ครั้งที่ 4",
  titleEn: "Let's Talk TIP #4",
  format: 'in_person',
  provinceCode: 'TH-10',
  venueTh: 'สโมสรตำรวจ',
  startsAt: new Date(w.t.clock.now().getTime() + 240 * HOUR_MS).toISOString(),
  endsAt: new Date(w.t.clock.now().getTime() + 243 * HOUR_MS).toISOString(),
  hostOrganisationIds: [w.ownOrg.id],
  capacity: 80,
  reservedForHosts: 10,
  perOrganisationCap: 3,
  registrationMode: 'open',
});

export const ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/forums/events',
    paged: true,
    sample: async () => ({ url: '/api/v1/forums/events?limit=5' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/forums/events',
    sample: async ({ w }) => ({ url: '/api/v1/forums/events', body: newEventBody(w) }),
    expected: adminOnly(201),
  },
  {
    route: 'GET /api/v1/forums/events/:eventId',
    sample: async ({ w }) => ({ url: base((await event(w)).id) }),
    expected: signedIn(200),
  },
  {
    route: 'PATCH /api/v1/forums/events/:eventId',
    sample: async ({ w }) => ({ url: base((await event(w)).id), body: { capacity: 60, version: 1 } }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/publish',
    sample: async ({ w }) => ({
      url: `${base((await event(w, { state: 'draft' })).id)}/publish`,
      body: { version: 1 },
    }),
    // A draft is the Centre's: to anyone else it does not exist.
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/cancel',
    sample: async ({ w }) => ({ url: `${base((await event(w)).id)}/cancel`, body: { version: 1 } }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/agenda',
    sample: async ({ w }) => ({
      url: `${base((await event(w)).id)}/agenda`,
      body: { titleTh: 'ปัญหาอุปสรรคภาคประมง', titleEn: 'Fisheries sector constraints', durationMinutes: 30 },
    }),
    expected: adminOnly(201),
  },
  {
    route: 'PATCH /api/v1/forums/events/:eventId/agenda/:itemId',
    sample: async ({ w }) => {
      const e = await event(w);
      return { url: `${base(e.id)}/agenda/${await agendaItem(w, e.id)}`, body: { durationMinutes: 45 } };
    },
    expected: adminOnly(200),
  },
  {
    route: 'DELETE /api/v1/forums/events/:eventId/agenda/:itemId',
    sample: async ({ w }) => {
      const e = await event(w);
      return { url: `${base(e.id)}/agenda/${await agendaItem(w, e.id)}` };
    },
    expected: adminOnly(200),
  },
  {
    route: 'GET /api/v1/forums/events/:eventId/invitations',
    sample: async ({ w }) => ({ url: `${base((await event(w)).id)}/invitations` }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/invitations',
    sample: async ({ w }) => ({
      url: `${base((await event(w)).id)}/invitations`,
      body: { kind: 'organisation', organisationId: w.otherOrg.id },
    }),
    expected: adminOnly(201),
  },
  {
    route: 'DELETE /api/v1/forums/events/:eventId/invitations/:invitationId',
    sample: async ({ w }) => {
      const e = await event(w);
      const id = randomUUID();
      await w.t.db.insert(forumInvitations).values({
        id,
        eventId: e.id,
        kind: 'sector',
        sector: 'civil_society',
        createdAt: w.t.clock.now(),
      });
      return { url: `${base(e.id)}/invitations/${id}` };
    },
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/registration',
    sample: async ({ w }) => ({
      url: `${base((await event(w)).id)}/registration`,
      body: { privacyAccepted: true, dietaryNotes: 'มังสวิรัติ' },
    }),
    expected: signedIn(201),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/registration/withdraw',
    sample: async (c) => ({ url: `${base((await ownRegistration(c)).id)}/registration/withdraw` }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/registration/confirm',
    sample: async (c) => ({
      url: `${base((await ownRegistration(c, { confirmBy: new Date(c.w.t.clock.now().getTime() + 12 * HOUR_MS) })).id)}/registration/confirm`,
    }),
    expected: signedIn(200),
  },
  {
    // Not `paged`: the central cursor checks call the route's template, which has a path parameter.
    route: 'GET /api/v1/forums/events/:eventId/registrations',
    sample: async ({ w }) => ({ url: `${base((await pendingOfBystander(w)).e.id)}/registrations?limit=5` }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/registrations/:registrationId/approve',
    sample: async ({ w }) => {
      const { e, reg } = await pendingOfBystander(w);
      return { url: `${base(e.id)}/registrations/${reg.id}/approve` };
    },
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/forums/events/:eventId/registrations/:registrationId/reject',
    sample: async ({ w }) => {
      const { e, reg } = await pendingOfBystander(w);
      return { url: `${base(e.id)}/registrations/${reg.id}/reject` };
    },
    expected: adminOnly(200),
  },
  {
    route: 'GET /api/v1/me/forum-feeds',
    sample: async () => ({ url: '/api/v1/me/forum-feeds' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/me/forum-feeds',
    sample: async () => ({ url: '/api/v1/me/forum-feeds' }),
    expected: signedIn(201),
  },
  {
    route: 'DELETE /api/v1/me/forum-feeds/:feedId',
    sample: async ({ w, person }) => ({
      url: `/api/v1/me/forum-feeds/${(await feedToken(w, person?.user.id ?? w.bystander.id)).id}`,
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/forums/feed/:token',
    sample: async ({ w }) => ({ url: `/api/v1/forums/feed/${(await feedToken(w, w.bystander.id)).token}` }),
    expected: anyone(200),
  },
];
