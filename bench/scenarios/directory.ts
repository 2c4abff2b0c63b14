import { FinderQuery, OrganisationListQuery } from '../../common/directory-api.ts';
import type { Db } from '../../server/db/client.ts';
import { findHelp } from '../../server/modules/directory/finder.ts';
import { listOrganisations } from '../../server/modules/directory/search.ts';
import { viewerOf } from '../../server/modules/directory/visibility.ts';
import type { BenchContext, Scenario } from './types.ts';
import { typedQueries } from './typing.ts';

/** What people type: Thai words, abbreviations with and without dots, English names, prefixes, with filters. */
const SEARCHES = [
  'q=%E0%B8%A1%E0%B8%B9%E0%B8%A5%E0%B8%99%E0%B8%B4%E0%B8%98%E0%B8%B4&facets=1', // มูลนิธิ
  'q=%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%A1%E0%B8%87&province=TH-85', // ประมง in Ranong
  'q=stella',
  'q=legal&service=legal_aid',
  'q=%E0%B9%81%E0%B8%A3%E0%B8%87%E0%B8%87%E0%B8%B2%E0%B8%99&language=my&facets=1', // แรงงาน, Burmese
  'q=%E0%B8%A8%E0%B8%9E%E0%B8%94%E0%B8%AA.%E0%B8%95%E0%B8%A3.', // ศพดส.ตร.
  'q=migrant%20work&province=TH-74',
  'service=shelter&province=TH-10&facets=1',
];

/** Directory search as served: mixed Thai and English queries with filters and counts, repeated. */
export const directorySearch: Scenario = {
  name: 'search',
  description:
    'GET /api/v1/organizations with q, filters and facets (8 mixed queries in turn; cache as served)',
  request: (ctx) => SEARCHES.map((qs) => ({ path: `/api/v1/organizations?${qs}`, headers: ctx.authHeaders })),
};

/**
 * 30 words people type, 15 Thai and 15 English: names, services, places, people's names. Words present in
 * the synthetic data and words that match almost nothing, short and long.
 */
const TYPED_WORDS = [
  'มูลนิธิ',
  'สมาคม',
  'แรงงาน',
  'ประมง',
  'ล่าม',
  'ศูนย์',
  'เครือข่าย',
  'คุ้มครอง',
  'ที่พักพิง',
  'กฎหมาย',
  'ระนอง',
  'สมชาย',
  'ผู้เสียหาย',
  'ชายแดน',
  'ศพดส.ตร.',
  'stella',
  'foundation',
  'migrant',
  'legal',
  'shelter',
  'network',
  'fishers',
  'burmese',
  'somchai',
  'interpretation',
  'recovery',
  'border',
  'project',
  'khmer',
  'jaidee',
];

/** The filter and facet mixes of real use, taken in turn: the web asks for facets with every list. */
const MIXES = [
  'facets=1',
  'facets=1&province=TH-85',
  'facets=1&service=shelter',
  'facets=1&language=my&lang=th',
  'facets=1&sector=civil_society',
  'facets=1&province=TH-10&service=legal_aid',
  '',
  'facets=1&hotline24h=1',
];

const TYPING = typedQueries(TYPED_WORDS, MIXES);

/**
 * Unique fresh searches: the 8 searches above, then each word of TYPED_WORDS whole with every mix (248
 * distinct queries). Sent with `Cache-Control: no-cache`, so every request runs its SQL and none shares
 * another's computation.
 */
const FRESH = [
  ...SEARCHES,
  ...TYPED_WORDS.flatMap((word) =>
    MIXES.map((mix) => `q=${encodeURIComponent(word)}${mix ? `&${mix}` : ''}`),
  ),
];

const uncached = (queries: string[], ctx: BenchContext) =>
  queries.map((qs) => ({
    path: `/api/v1/organizations?${qs}`,
    headers: { ...ctx.authHeaders, 'cache-control': 'no-cache' },
  }));

/** The same SQL the endpoint runs on a cache miss for each of `queries`, for the raw-PostgreSQL limit. */
const statementsOf = (queries: string[]) => async (db: Db, now: Date) => {
  for (const qs of queries) {
    const query = OrganisationListQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
    await listOrganisations(db, now, query);
  }
};

/** Searches never seen before: 248 distinct queries, each computed afresh (`Cache-Control: no-cache`). */
export const directorySearchFresh: Scenario = {
  name: 'search-fresh',
  description: `${FRESH.length} distinct searches with Cache-Control: no-cache, so every request runs its SQL`,
  request: (ctx) => uncached(FRESH, ctx),
  statements: statementsOf(FRESH),
};

/** Search as you type: every keystroke of 30 words, with the facet and filter mixes of real use. */
export const directorySearchTyping: Scenario = {
  name: 'search-typing',
  description: `${TYPING.length} growing prefixes of 30 Thai and English words with filter mixes, uncached`,
  request: (ctx) => uncached(TYPING, ctx),
  statements: statementsOf(TYPING),
};

/**
 * "Who can help?": each lookup a new combination of service, province, language and population (5 × 6 ×
 * 3 × 2 = 180); the finder is not cached, so each runs its SQL.
 */
const FINDS = ['shelter', 'interpretation', 'legal_aid', 'victim_identification', 'medical'].flatMap(
  (service) =>
    ['TH-85', 'TH-10', 'TH-50', 'TH-74', 'TH-20', 'TH-90'].flatMap((province) =>
      ['', 'my', 'km'].flatMap((language) =>
        ['', 'children'].map(
          (population) =>
            `service=${service}&province=${province}${language ? `&language=${language}` : ''}${population ? `&population=${population}` : ''}`,
        ),
      ),
    ),
);

export const finder: Scenario = {
  name: 'finder',
  description: `GET /api/v1/directory/finder: ${FINDS.length} combinations of service, province, language, population`,
  request: (ctx) => FINDS.map((qs) => ({ path: `/api/v1/directory/finder?${qs}`, headers: ctx.authHeaders })),
  async statements(db, now) {
    const viewer = viewerOf({
      userId: '00000000-0000-4000-8000-000000000000',
      organisationId: '00000000-0000-4000-8000-000000000000',
      role: 'member',
      sessionId: 'bench',
      mustEnrolTotp: false,
    });
    for (const qs of FINDS)
      await findHelp(db, viewer, now, FinderQuery.parse(Object.fromEntries(new URLSearchParams(qs))));
  },
};

/** The organisation page: contacts, people, focal points and change history in one call. */
export const organisationPage: Scenario = {
  name: 'org-page',
  description: 'GET /api/v1/organizations/:id for 20 organisations in turn',
  async setup(ctx) {
    const res = await ctx.api('GET', '/api/v1/organizations?limit=20');
    const items = (res.body as { items?: { id: string }[] } | undefined)?.items ?? [];
    if (items.length === 0) throw new Error(`org-page setup: no organisations (${res.status})`);
    ctx.state.ids = items.map((i) => i.id);
  },
  request: (ctx) =>
    (ctx.state.ids as string[]).map((id) => ({
      path: `/api/v1/organizations/${id}`,
      headers: ctx.authHeaders,
    })),
};
