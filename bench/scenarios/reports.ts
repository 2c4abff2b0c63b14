/**
 * The dashboard and yearly review (issue 15): the dashboard's load, and the workbook and the PDF as one
 * person downloads them. The Centre reads the whole network; a member its own figures against the network's
 * medians, so the scenario alternates the two. Reads are not cached: every request computes every section.
 */
import { ReviewQuery } from '../../common/reports-api.ts';
import type { Db } from '../../server/db/client.ts';
import { review } from '../../server/modules/reports/reports.service.ts';
import type { Actor } from '../../server/platform/context.ts';
import type { BenchContext, BenchRequest, Scenario } from './types.ts';

const ADMIN = 'admin@tipnet.example';
/** What people open: the current fiscal year (the default), the last one, a calendar year, a quarter, a month. */
const PERIODS = ['', 'fiscal-2569', 'year-2569', 'quarter-2569-4', 'month-2569-11'];
const NO_CACHE = { 'cache-control': 'no-cache' };

type Viewer = { cookie: string; actor: Actor };
type ReportsState = { viewers: Viewer[] };

async function viewerOf(ctx: BenchContext, cookie: string): Promise<Viewer> {
  const res = await fetch(`${ctx.baseUrl}/api/v1/me`, { headers: { cookie } });
  const me = (await res.json()) as {
    user: { id: string; role: Actor['role'] };
    organisation: { id: string };
  };
  return {
    cookie,
    actor: {
      userId: me.user.id,
      organisationId: me.organisation.id,
      role: me.user.role,
      sessionId: 'bench',
      mustEnrolTotp: false,
    },
  };
}

/** The Centre's admin and the signed-in member. */
async function reportsSetup(ctx: BenchContext) {
  const viewers = await Promise.all([
    viewerOf(ctx, await ctx.loginAs(ADMIN)),
    viewerOf(ctx, ctx.authHeaders.cookie!),
  ]);
  ctx.state.reports = { viewers } satisfies ReportsState;
}
const viewersOf = (ctx: BenchContext) => (ctx.state.reports as ReportsState).viewers;

const reviewRequest = (ctx: BenchContext, viewer: Viewer, path: string, period: string): BenchRequest => ({
  path: `/api/v1/reports/${path}${period ? `?period=${period}` : ''}`,
  headers: { cookie: viewer.cookie, origin: ctx.baseUrl, ...NO_CACHE },
});

/**
 * The dashboard's first load, as the Centre and as a member, for each period in turn. Four at once: the
 * Centre's analysts and a few members opening it together, not sixteen (it is not a page people hammer).
 */
export const reviewDashboard: Scenario = {
  name: 'review-dashboard',
  description: `GET /api/v1/reports/review for ${PERIODS.length} periods, as the Centre and as a member (uncached, 4 at once)`,
  connections: 4,
  setup: reportsSetup,
  request: (ctx) =>
    viewersOf(ctx).flatMap((viewer) => PERIODS.map((period) => reviewRequest(ctx, viewer, 'review', period))),
  async statements(db: Db, now: Date, ctx: BenchContext) {
    for (const { actor } of viewersOf(ctx))
      for (const period of PERIODS)
        await review(db, actor, now, ReviewQuery.parse(period ? { period } : {}).period);
  },
};

/** The Centre downloads the current fiscal year's workbook: one request, timed alone. */
export const reviewWorkbook: Scenario = {
  name: 'review-workbook',
  description: 'GET /api/v1/reports/review.xlsx once, as the Centre (the time of one download)',
  once: true,
  setup: reportsSetup,
  request: (ctx) => reviewRequest(ctx, viewersOf(ctx)[0]!, 'review.xlsx', ''),
};

/** The Centre downloads the current fiscal year's PDF (headless Chromium prints it): one request, timed alone. */
export const reviewPdf: Scenario = {
  name: 'review-pdf',
  description:
    'GET /api/v1/reports/review.pdf once, as the Centre (the time of one download; needs Chromium)',
  once: true,
  setup: reportsSetup,
  request: (ctx) => reviewRequest(ctx, viewersOf(ctx)[0]!, 'review.pdf', ''),
};
