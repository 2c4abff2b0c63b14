import { PageQuery } from '../../common/api.ts';
import { ProblemListQuery } from '../../common/problems-api.ts';
import type { Db } from '../../server/db/client.ts';
import { listProblems } from '../../server/modules/problems/board.ts';
import { listComments } from '../../server/modules/problems/comments.service.ts';
import { getProblemDetail, getTimeline } from '../../server/modules/problems/problems.service.ts';
import type { Actor } from '../../server/platform/context.ts';
import type { BenchContext, BenchRequest, Scenario } from './types.ts';
import { typedQueries } from './typing.ts';

/** What members do on the board: views, filters, sorts and Thai and English searches (20 per page, as the web app). */
const BOARD_QUERIES = [
  '',
  'state=assigned&state=in_progress&sort=nearest_deadline',
  `q=${encodeURIComponent('ล่าม')}`, // interpreter
  'q=scam%20compound',
  'category=labour_fisheries_inspection&province=TH-85',
  'type=recommendation&sort=most_supported',
  'overdue=true',
  'view=mine',
  'supportedByMyOrganisation=true',
  `q=${encodeURIComponent('แรงงานประมง')}&state=resolved`, // fisheries workers
  'sector=civil_society&sort=oldest_open',
  `province=TH-74&q=${encodeURIComponent('เอกสาร')}`, // documents, in Samut Sakhon
].map((qs) => (qs ? `${qs}&limit=20` : 'limit=20'));

const NO_CACHE = { 'cache-control': 'no-cache' };

/** A query string as the route parses it: repeated keys become arrays. */
function queryObject(qs: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(qs)) {
    const seen = out[key];
    out[key] = seen === undefined ? value : [seen, value].flat();
  }
  return out;
}

/** The signed-in demo member as the services see it (the raw-SQL replay calls them directly). */
async function viewerOf(ctx: BenchContext): Promise<Actor> {
  const res = await ctx.api('GET', '/api/v1/me');
  const me = res.body as { user?: { id: string; role: Actor['role'] }; organisation?: { id: string } };
  if (!me.user || !me.organisation) throw new Error(`problems setup: GET /api/v1/me answered ${res.status}`);
  return {
    userId: me.user.id,
    organisationId: me.organisation.id,
    role: me.user.role,
    sessionId: 'bench',
    mustEnrolTotp: false,
  };
}

const boardRequests = (ctx: BenchContext, headers: Record<string, string> = {}) =>
  BOARD_QUERIES.map((qs) => ({
    path: `/api/v1/problems?${qs}`,
    headers: { ...ctx.authHeaders, ...headers },
  }));

/** The board as members use it: a rotating set of filters, sorts and searches (cache as served). */
export const problemsBoard: Scenario = {
  name: 'board',
  description: `GET /api/v1/problems with ${BOARD_QUERIES.length} filter/sort/search combinations in turn (Thai and English; cache as served)`,
  request: (ctx) => boardRequests(ctx),
};

/** The same board queries, each computed afresh (`Cache-Control: no-cache`): every query as if new. */
export const problemsBoardFresh: Scenario = {
  name: 'board-fresh',
  description: 'the board scenario with Cache-Control: no-cache, so every request runs its SQL',
  async setup(ctx) {
    ctx.state.viewer = await viewerOf(ctx);
  },
  request: (ctx) => boardRequests(ctx, NO_CACHE),
  async statements(db: Db, now: Date, ctx: BenchContext) {
    for (const qs of BOARD_QUERIES) {
      await listProblems(db, ctx.state.viewer as Actor, now, ProblemListQuery.parse(queryObject(qs)));
    }
  },
};

/**
 * 30 words members type into the board's search, 15 Thai and 15 English: what problems are about, places
 * and agencies; words in many problems and words in almost none.
 */
const BOARD_WORDS = [
  'ล่าม',
  'ผู้เสียหาย',
  'แรงงาน',
  'ประมง',
  'เอกสาร',
  'สถานคุ้มครอง',
  'คดี',
  'นายจ้าง',
  'ค่าจ้าง',
  'หนี้',
  'ระนอง',
  'สมุทรสาคร',
  'ชายแดน',
  'เด็ก',
  'ออนไลน์',
  'interpreter',
  'victims',
  'shelter',
  'fishing',
  'documents',
  'witnesses',
  'wage',
  'employers',
  'screening',
  'deported',
  'evidence',
  'psychologist',
  'ranong',
  'scam',
  'passport',
];

/** The board's filter and sort mixes, taken in turn with the typed prefixes (20 a page, as the web app). */
const BOARD_MIXES = [
  'limit=20',
  'limit=20&state=assigned&state=in_progress',
  'limit=20&province=TH-85',
  'limit=20&category=labour_fisheries_inspection',
  'limit=20&sort=most_supported',
  'limit=20&type=recommendation',
  'limit=20&sector=civil_society',
  'limit=20&overdue=true',
];

const BOARD_TYPING = typedQueries(BOARD_WORDS, BOARD_MIXES);

/** Search as you type on the board: every keystroke a new query, computed afresh. */
export const problemsBoardTyping: Scenario = {
  name: 'board-typing',
  description: `${BOARD_TYPING.length} growing prefixes of 30 Thai and English words with board filter mixes, uncached`,
  async setup(ctx) {
    ctx.state.viewer = await viewerOf(ctx);
  },
  request: (ctx) =>
    BOARD_TYPING.map((qs) => ({
      path: `/api/v1/problems?${qs}`,
      headers: { ...ctx.authHeaders, ...NO_CACHE },
    })),
  async statements(db: Db, now: Date, ctx: BenchContext) {
    for (const qs of BOARD_TYPING) {
      await listProblems(db, ctx.state.viewer as Actor, now, ProblemListQuery.parse(queryObject(qs)));
    }
  },
};

/** First pages of the problem page's three calls, as the web app loads them. */
const PAGE_PARTS = ['', '/timeline?limit=100', '/comments?limit=100'];

/** The newest and the most supported problems, so long comment threads are in the mix. */
async function pageSetup(ctx: BenchContext) {
  ctx.state.viewer = await viewerOf(ctx);
  const ids = new Set<string>();
  for (const qs of ['limit=10', 'limit=10&sort=most_supported']) {
    const res = await ctx.api('GET', `/api/v1/problems?${qs}`);
    for (const item of (res.body as { items?: { id: string }[] } | undefined)?.items ?? []) ids.add(item.id);
  }
  if (ids.size === 0) throw new Error('problem-page setup: no problems on the board');
  ctx.state.ids = [...ids];
}

const pageRequests = (ctx: BenchContext, headers: Record<string, string> = {}) =>
  (ctx.state.ids as string[]).flatMap((id) =>
    PAGE_PARTS.map((part) => ({
      path: `/api/v1/problems/${id}${part}`,
      headers: { ...ctx.authHeaders, ...headers },
    })),
  );

/** A problem's page: its detail, timeline and comments (the three calls the web page makes), for ~20 problems. */
export const problemPage: Scenario = {
  name: 'problem-page',
  description:
    'GET /api/v1/problems/:id, its /timeline and /comments (first pages of 100) for ~20 problems (cache as served)',
  setup: pageSetup,
  request: (ctx) => pageRequests(ctx),
};

/** The same pages, each computed afresh (`Cache-Control: no-cache`). */
export const problemPageFresh: Scenario = {
  name: 'problem-page-fresh',
  description: 'the problem-page scenario with Cache-Control: no-cache, so every request runs its SQL',
  setup: pageSetup,
  request: (ctx) => pageRequests(ctx, NO_CACHE),
  async statements(db: Db, now: Date, ctx: BenchContext) {
    const viewer = ctx.state.viewer as Actor;
    const page = PageQuery.parse({ limit: '100' });
    for (const id of ctx.state.ids as string[]) {
      await getProblemDetail(db, viewer, now, id);
      await getTimeline(db, viewer, id, page);
      await listComments(db, viewer, now, id, page);
    }
  },
};

/**
 * A busy forum day: board and problem-page reads served as usual (from the cache while it holds), with one
 * request in twenty a write that invalidates it: a comment, supporting a problem and withdrawing that
 * support, on the problems being read. The cache's hit rate is what those writes leave of it.
 */
export const problemsMixed: Scenario = {
  name: 'mixed',
  description:
    'board and problem-page reads (cache as served) with 5 % writes: comments, support and its withdrawal',
  async setup(ctx) {
    await pageSetup(ctx);
    ctx.state.writable = await supportable(ctx, ctx.state.ids as string[], 3);
  },
  request(ctx) {
    const reads = [...boardRequests(ctx), ...pageRequests(ctx)];
    let comments = 0;
    const writes: BenchRequest[] = (ctx.state.writable as string[]).flatMap((id) => [
      {
        method: 'POST' as const,
        path: `/api/v1/problems/${id}/comments`,
        headers: ctx.authHeaders,
        nextBody: () => ({ body: `บันทึกจากการประชุมประสานงาน ครั้งที่ ${++comments}` }),
      },
      { method: 'POST' as const, path: `/api/v1/problems/${id}/support`, headers: ctx.authHeaders, body: {} },
      { method: 'DELETE' as const, path: `/api/v1/problems/${id}/support`, headers: ctx.authHeaders },
    ]);
    // One write after every 19 reads, the reads taken in turn.
    const mixed: BenchRequest[] = [];
    for (let i = 0; i < writes.length * 20; i++)
      mixed.push(i % 20 === 19 ? writes[(i - 19) / 20]! : reads[i % reads.length]!);
    return mixed;
  },
};

/**
 * Up to `wanted` of `ids` the member's organisation may support (open, raised by another organisation),
 * found by supporting each and withdrawing it again.
 */
async function supportable(ctx: BenchContext, ids: string[], wanted: number): Promise<string[]> {
  const found: string[] = [];
  for (const id of ids) {
    if (found.length === wanted) break;
    const res = await ctx.api('POST', `/api/v1/problems/${id}/support`, {});
    if (res.status !== 200 && res.status !== 201) continue;
    await ctx.api('DELETE', `/api/v1/problems/${id}/support`);
    found.push(id);
  }
  if (found.length === 0) throw new Error('mixed setup: no problem the member may support');
  return found;
}
