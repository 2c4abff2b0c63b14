/** The coordination module's routes in the authorisation matrix; server/test/route-matrix.ts collects every module's. */
import { coordinationHolidays, coordinationUnitMembers } from '../../db/schema/index.ts';
import { buildCoordinationRequest, buildUnit } from '../../test/coordination-factories.ts';
import {
  adminOnly,
  contributes,
  orgManaged,
  orgOf,
  type RouteCase,
  type Scope,
  signedIn,
  type Who,
  type World,
} from '../../test/route-matrix-kit.ts';
import { ROSTER_ROUTES } from './roster-route-matrix.ts';

/** A unit of another organisation whose only member is the bystander. */
const foreignUnit = (w: World) =>
  buildUnit(w.t.db, { organisationId: w.otherOrg.id, memberIds: [w.bystander.id] });

/** Own scope: a request the actor's organisation sent to a foreign unit. Other: one between strangers. */
async function requestIn(w: World, scope: Scope, state: 'submitted' | 'done' = 'submitted') {
  const unit = await foreignUnit(w);
  const requester = scope === 'own' ? w.people.member.user : w.bystander;
  return buildCoordinationRequest(w.t.db, {
    requesterUserId: requester.id,
    requestingOrganisationId: requester.organisationId,
    receivingUnitId: unit.id,
    createdAt: w.t.clock.now(),
    state,
  });
}

/** A day far ahead no other case uses, so adding it never collides. */
let holidaySeq = 0;
const freshHoliday = () => {
  const n = ++holidaySeq + Math.floor(Math.random() * 300) * 30;
  const day = new Date(Date.UTC(2100 + Math.floor(n / 365), 0, 1 + (n % 365))).toISOString().slice(0, 10);
  return { day, nameTh: 'วันหยุดพิเศษ', nameEn: 'Special holiday' };
};

const SLA_TARGETS = {
  critical: {
    acknowledge: { clock: '24x7', ms: 600_000 },
    acceptOrDecline: { clock: '24x7', ms: 1_800_000 },
    outcome: { clock: '24x7', ms: 14_400_000 },
  },
  high: {
    acknowledge: { clock: '24x7', ms: 3_600_000 },
    acceptOrDecline: { clock: '24x7', ms: 14_400_000 },
    outcome: { clock: '24x7', ms: 86_400_000 },
  },
  normal: {
    acknowledge: { clock: 'business', businessDays: 1 },
    acceptOrDecline: { clock: 'business', businessDays: 3 },
    outcome: { clock: 'business', businessDays: 10 },
  },
  low: { acknowledge: { clock: 'business', businessDays: 3 }, acceptOrDecline: null, outcome: null },
};

/** The Centre sees every request and inbox; outsiders get 404, so existence does not leak. */
const centreOr404 = (status: number) => (who: Who) =>
  who === 'anonymous' ? 401 : who === 'admin' ? status : 404;

export const ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/coordination/units',
    sample: async ({ w }) => ({ url: `/api/v1/coordination/units?organisationId=${w.otherOrg.id}` }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/coordination/units/:id',
    sample: async ({ w }) => ({ url: `/api/v1/coordination/units/${(await foreignUnit(w)).id}` }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/coordination/units',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: '/api/v1/coordination/units',
      body: {
        organisationId: orgOf(w, scope).id,
        nameTh: 'ฝ่ายสืบสวน กองบังคับการปราบปรามการค้ามนุษย์',
        nameEn: 'Investigation Division, Anti-Trafficking Division',
        services: ['investigation', 'victim_identification'],
        coverage: ['nationwide'],
        languages: ['th', 'en'],
      },
    }),
    expected: orgManaged(201, 403),
  },
  {
    route: 'PATCH /api/v1/coordination/units/:id',
    scoped: true,
    sample: async ({ w, scope }) => {
      const unit = await buildUnit(w.t.db, { organisationId: orgOf(w, scope).id });
      return { url: `/api/v1/coordination/units/${unit.id}`, body: { languages: ['th', 'my', 'km'] } };
    },
    expected: orgManaged(200, 404),
  },
  {
    route: 'PUT /api/v1/coordination/units/:id/members/:userId',
    scoped: true,
    sample: async ({ w, scope }) => {
      const unit = await buildUnit(w.t.db, { organisationId: orgOf(w, scope).id });
      const user = scope === 'own' ? w.people.member.user : w.bystander;
      return { url: `/api/v1/coordination/units/${unit.id}/members/${user.id}`, body: { role: 'head' } };
    },
    expected: orgManaged(200, 404),
  },
  {
    route: 'DELETE /api/v1/coordination/units/:id/members/:userId',
    scoped: true,
    sample: async ({ w, scope }) => {
      const user = scope === 'own' ? w.people.member.user : w.bystander;
      const unit = await buildUnit(w.t.db, { organisationId: orgOf(w, scope).id });
      await w.t.db
        .insert(coordinationUnitMembers)
        .values({ unitId: unit.id, userId: user.id, role: 'member', createdAt: w.t.clock.now() });
      return { url: `/api/v1/coordination/units/${unit.id}/members/${user.id}` };
    },
    expected: orgManaged(200, 404),
  },
  {
    route: 'GET /api/v1/coordination/units/:id/inbox',
    // Not `paged`: the central paging suite calls the template as a URL; coordination.test.ts pages it.
    sample: async ({ w }) => ({
      url: `/api/v1/coordination/units/${(await foreignUnit(w)).id}/inbox?limit=5`,
    }),
    expected: centreOr404(200),
  },
  {
    route: 'GET /api/v1/coordination/suggestions',
    sample: async () => ({
      url: '/api/v1/coordination/suggestions?type=interpreter&province=TH-85&language=my',
    }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/coordination/requests',
    sample: async ({ w }) => ({
      url: '/api/v1/coordination/requests',
      body: {
        receivingUnitId: (await foreignUnit(w)).id,
        type: 'interpreter',
        urgency: 'critical',
        province: 'TH-85',
        language: 'my',
        peopleCount: 2,
        ageBands: ['18_59'],
        sexes: ['female'],
        nationalities: ['myanmar'],
        needs: 'ล่ามภาษาเมียนมาที่ สภ.เมืองระนอง คืนนี้',
        context: 'ผู้เสียหายสองคนหนีออกจากเรือประมง',
      },
    }),
    expected: contributes(201),
  },
  {
    route: 'GET /api/v1/coordination/requests',
    paged: true,
    sample: async () => ({ url: '/api/v1/coordination/requests?limit=5' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/coordination/requests/:id',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/coordination/requests/${(await requestIn(w, scope)).id}`,
    }),
    expected: (who, scope) => (scope === 'own' ? signedIn(200)(who) : centreOr404(200)(who)),
  },
  {
    route: 'POST /api/v1/coordination/requests/:id/transitions',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/coordination/requests/${(await requestIn(w, scope)).id}/transitions`,
      body: { to: 'cancelled', reason: 'ได้ล่ามจากหน่วยงานในพื้นที่แล้ว' },
    }),
    // The requester side cancels; observers only read; the Centre sees it but is no party to it.
    expected: (who, scope) =>
      scope === 'own' ? contributes(200)(who) : who === 'admin' ? 403 : centreOr404(200)(who),
  },
  {
    route: 'GET /api/v1/coordination/requests/:id/stream',
    scoped: true,
    stream: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/coordination/requests/${(await requestIn(w, scope)).id}/stream`,
    }),
    expected: (who, scope) => (scope === 'own' ? signedIn(200)(who) : centreOr404(200)(who)),
  },
  ...ROSTER_ROUTES,
  {
    route: 'GET /api/v1/coordination/holidays',
    sample: async () => ({ url: '/api/v1/coordination/holidays?year=2026' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/coordination/holidays',
    sample: async () => ({ url: '/api/v1/coordination/holidays', body: freshHoliday() }),
    expected: adminOnly(201),
  },
  {
    route: 'DELETE /api/v1/coordination/holidays/:day',
    sample: async ({ w }) => {
      const holiday = freshHoliday();
      await w.t.db.insert(coordinationHolidays).values(holiday).onConflictDoNothing();
      return { url: `/api/v1/coordination/holidays/${holiday.day}` };
    },
    expected: adminOnly(204),
  },
  {
    route: 'GET /api/v1/coordination/sla-policies',
    sample: async () => ({ url: '/api/v1/coordination/sla-policies' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/coordination/sla-policies',
    sample: async () => ({
      url: '/api/v1/coordination/sla-policies',
      body: { targets: SLA_TARGETS, note: 'วิกฤต: ตอบรับภายใน 10 นาที' },
    }),
    expected: adminOnly(201),
  },
  {
    route: 'PUT /api/v1/coordination/requests/:id/rating',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/coordination/requests/${(await requestIn(w, scope, 'done')).id}/rating`,
      body: { score: 4, comment: 'ได้ล่ามภายในครึ่งชั่วโมง' },
    }),
    // The requesting organisation rates; the Centre sees the request but did not ask for it.
    expected: (who, scope) =>
      scope === 'own' ? contributes(200)(who) : who === 'admin' ? 403 : centreOr404(200)(who),
  },
  {
    route: 'GET /api/v1/coordination/units/:id/response-times',
    sample: async ({ w }) => ({
      url: `/api/v1/coordination/units/${(await foreignUnit(w)).id}/response-times`,
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/coordination/metrics',
    sample: async () => ({ url: '/api/v1/coordination/metrics?groupBy=organisation' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/coordination/metrics.csv',
    sample: async () => ({ url: '/api/v1/coordination/metrics.csv?lang=th' }),
    expected: signedIn(200),
  },
];
