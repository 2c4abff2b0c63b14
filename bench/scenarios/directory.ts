import { OrganisationListQuery } from '../../common/directory-api.ts';
import type { Db } from '../../server/db/client.ts';
import { listOrganisations } from '../../server/modules/directory/search.ts';
import type { Scenario } from './types.ts';

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

/** The same SQL the endpoint runs on a cache miss, for the raw-PostgreSQL limit. */
async function searchStatements(db: Db, now: Date) {
  for (const qs of SEARCHES) {
    const query = OrganisationListQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
    await listOrganisations(db, now, query);
  }
}

/** Directory search as served: mixed Thai and English queries with filters and counts, repeated. */
export const directorySearch: Scenario = {
  name: 'search',
  description:
    'GET /api/v1/organizations with q, filters and facets (8 mixed queries in turn; cache as served)',
  request: (ctx) => SEARCHES.map((qs) => ({ path: `/api/v1/organizations?${qs}`, headers: ctx.authHeaders })),
};

/** The same searches, each computed afresh (`Cache-Control: no-cache`): every query as if new. */
export const directorySearchFresh: Scenario = {
  name: 'search-fresh',
  description: 'the search scenario with Cache-Control: no-cache, so every request runs its SQL',
  request: (ctx) =>
    SEARCHES.map((qs) => ({
      path: `/api/v1/organizations?${qs}`,
      headers: { ...ctx.authHeaders, 'cache-control': 'no-cache' },
    })),
  statements: searchStatements,
};

/** "Who can help?": a service in a province, in a language. */
export const finder: Scenario = {
  name: 'finder',
  description: 'GET /api/v1/directory/finder (shelter, interpretation, legal aid in three provinces)',
  request: (ctx) =>
    [
      'service=shelter&province=TH-85&language=my',
      'service=interpretation&province=TH-10',
      'service=legal_aid&province=TH-50&language=km',
    ].map((qs) => ({ path: `/api/v1/directory/finder?${qs}`, headers: ctx.authHeaders })),
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
