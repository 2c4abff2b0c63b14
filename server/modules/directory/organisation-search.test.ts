import { eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrganisationListQuery } from '../../../common/directory-api.ts';
import { rowsOf } from '../../db/rows.ts';
import { organisationContacts, organisations, people } from '../../db/schema/index.ts';
import { buildContact, buildOrganisation, buildPerson } from '../../demo/factories.ts';
import { usingSearchIndexes } from '../../platform/search/index-reads.ts';
import { planNodesOf } from '../../test/query-plans.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { facetStatement, listOrganisations, pageOfCommonNames, pageStatement } from './search.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const COLUMNS = sql`organisation_id, document::text, names::text, people_names::text, sector, type, themes,
  services, populations, languages, coverage, has_hotline_24h, verified, reviewed_at`;

type SearchRow = Record<string, unknown>;

/** What the triggers keep, and what they should hold: the same rows computed from the organisations now. */
async function keptAndExpected() {
  const kept = rowsOf<SearchRow>(
    await t.db.execute(sql`select ${COLUMNS} from organisation_search order by 1`),
  );
  const expected = rowsOf<SearchRow>(
    await t.db.execute(sql`
      select ${COLUMNS} from (
        select o.id as organisation_id, o.search_document as document, o.name_document as names,
          coalesce((select array_to_tsvector(array_agg(distinct w.lexeme))
            from people p, unnest(ts_filter(p.search_document, '{a}')) as w
            where p.organisation_id = o.id and p.active), ''::tsvector) as people_names,
          o.sector, o.type, o.themes, o.services, o.populations, o.languages, o.coverage,
          exists (select 1 from organisation_contacts h where h.organisation_id = o.id
            and h.type = 'hotline_24h' and h.visibility = 'all_members') as has_hotline_24h,
          o.verified_at is not null and o.contacts_changed_at is null as verified,
          coalesce(o.last_reviewed_at, o.created_at) as reviewed_at
        from organisations o
      ) e order by 1`),
  );
  const ids = async (order: SQL) =>
    rowsOf<{ id: string }>(await t.db.execute(sql`select id from (${order}) ordered`)).map((r) => r.id);
  const keptOrder = {
    th: await ids(
      sql`select organisation_id as id from organisation_search order by rank_th, organisation_id`,
    ),
    en: await ids(
      sql`select organisation_id as id from organisation_search order by rank_en, organisation_id`,
    ),
  };
  const expectedOrder = {
    th: await ids(
      sql`select id from organisations order by name_th !~ '^[\u0E00-\u0E7F]', name_th collate tipnet_thai, id`,
    ),
    en: await ids(sql`select id from organisations order by name_en, id`),
  };
  return { kept: { rows: kept, order: keptOrder }, expected: { rows: expected, order: expectedOrder } };
}

describe("the directory search's own rows", () => {
  it('follow every write to what search matches, filters, counts and orders on', async () => {
    let shelter!: Awaited<ReturnType<typeof buildOrganisation>>;
    let other!: Awaited<ReturnType<typeof buildOrganisation>>;
    let personId!: string;
    let hotlineId!: string;
    const steps: [string, () => Promise<unknown>][] = [
      [
        'new organisations',
        async () => {
          shelter = await buildOrganisation(t.db, { nameTh: 'บ้านพักฟื้น', nameEn: 'Zephyr shelter' });
          other = await buildOrganisation(t.db, { nameTh: 'กองทุนแรงงาน', nameEn: 'Alder fund' });
        },
      ],
      [
        'a person joins',
        async () => {
          personId = (await buildPerson(t.db, { organisationId: shelter.id, nameEn: 'Somchai Rakdee' })).id;
        },
      ],
      [
        'the person moves to another organisation',
        () => t.db.update(people).set({ organisationId: other.id }).where(eq(people.id, personId)),
      ],
      ['the person leaves', () => t.db.update(people).set({ active: false }).where(eq(people.id, personId))],
      [
        'a 24-hour hotline added',
        async () => {
          hotlineId = (
            await buildContact(t.db, { organisationId: shelter.id, type: 'hotline_24h', value: '1300' })
          ).id;
        },
      ],
      [
        'the hotline made private, then removed',
        async () => {
          await t.db
            .update(organisationContacts)
            .set({ visibility: 'centre_only' })
            .where(eq(organisationContacts.id, hotlineId));
          await t.db.delete(organisationContacts).where(eq(organisationContacts.id, hotlineId));
        },
      ],
      [
        'its codes changed, verified and reviewed',
        () =>
          t.db
            .update(organisations)
            .set({
              services: ['interpretation'],
              coverage: ['TH-50'],
              themes: ['labour_trafficking'],
              verifiedAt: new Date(),
              lastReviewedAt: new Date(),
            })
            .where(eq(organisations.id, shelter.id)),
      ],
      [
        'renamed, in both languages',
        () =>
          t.db
            .update(organisations)
            .set({ nameTh: 'ก่อการดี', nameEn: 'Aardvark shelter' })
            .where(eq(organisations.id, shelter.id)),
      ],
      ['deleted', () => t.db.delete(organisations).where(eq(organisations.id, shelter.id))],
    ];
    for (const [step, write] of steps) {
      await write();
      const { kept, expected } = await keptAndExpected();
      expect(kept, step).toEqual(expected);
    }
  });
});

describe('alphabetical ranks', () => {
  it('stay in order when names crowd into one gap, one at a time or many in one statement', async () => {
    // Each name sorts just before the last one: halving one gap 26 times leaves no room, and the order is
    // renumbered.
    const letters = 'zyxwvutsrqponmlkjihgfedcba';
    for (const letter of letters)
      await buildOrganisation(t.db, { nameEn: `Crowd ${letter}`, nameTh: `ฝูง ${letters.indexOf(letter)}` });
    await t.db.execute(sql`
      insert into organisations (id, name_th, name_en, sector, created_at, updated_at)
      select gen_random_uuid(), 'ฝูง ก' || i, 'Crowd a' || i, 'ngo', now(), now() from generate_series(1, 40) as i`);
    const { kept, expected } = await keptAndExpected();
    expect(kept.order).toEqual(expected.order);
  });
});

describe('facet counts of a broad search', () => {
  it('stop at 1,000 matches and say so, while browsing by filters alone counts exactly', async () => {
    await t.db.execute(sql`
      insert into organisations (id, name_th, name_en, sector, services, search_document, name_document,
        created_at, updated_at)
      select gen_random_uuid(), 'กว้าง ' || i, 'Broadword ' || i, 'ngo',
        case when i % 100 = 0 then array['medical'] else array['shelter'] end,
        to_tsvector('simple', 'broadword ' || case when i % 100 = 0 then 'rareword' else '' end),
        to_tsvector('simple', 'broadword'), now(), now()
      from generate_series(1, 1050) as i`);
    const now = new Date();
    const facetsOf = async (qs: string) =>
      (
        await listOrganisations(
          t.db,
          now,
          OrganisationListQuery.parse(Object.fromEntries(new URLSearchParams(qs))),
        )
      ).facets!;

    const broad = await facetsOf('q=broadword&facets=1');
    expect(broad.capped).toBe(true);
    expect(broad.total).toBe(1001);
    expect((broad.service.shelter ?? 0) + (broad.service.medical ?? 0)).toBe(1001);

    const rare = await facetsOf('q=rareword&facets=1');
    expect(rare).toMatchObject({ capped: false, total: 10, service: { medical: 10 } });

    const [shelters] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from organisations where 'shelter' = any(services)`),
    );
    const n = shelters!.n;
    const browsing = await facetsOf('service=shelter&facets=1');
    expect(browsing).toMatchObject({ capped: false, total: n });
    expect(n).toBeGreaterThan(1000);
  });
});

describe('facet counts when the names do not reach the cap', () => {
  it('take every name match first, each once, then the rest up to the cap, with the filters as they are', async () => {
    const insert = (name: string, document: string, service: string) => sql`
      insert into organisations (id, name_th, name_en, sector, services, search_document, name_document,
        created_at, updated_at)
      select gen_random_uuid(), ${name} || i, ${name} || i, 'civil_society', array[${service}],
        to_tsvector('simple', ${document}), to_tsvector('simple', ${name}), now(), now()
      from generate_series(1, 600) as i`;
    await t.db.execute(insert('splitword ', 'splitword', 'shelter'));
    await t.db.execute(insert('elsewhere ', 'elsewhere splitword', 'medical'));
    const facetsOf = async (qs: string) =>
      (
        await listOrganisations(
          t.db,
          new Date(),
          OrganisationListQuery.parse(Object.fromEntries(new URLSearchParams(qs))),
        )
      ).facets!;

    const broad = await facetsOf('q=splitword&facets=1');
    expect(broad).toMatchObject({ capped: true, total: 1001, service: { shelter: 600, medical: 401 } });

    // The name matches fail both filters and count nowhere, neither among the names nor among the rest
    // (their documents hold the word too); the rest fail only the sector and count towards it.
    const filtered = await facetsOf('q=splitword&facets=1&service=medical&sector=government');
    expect(filtered).toMatchObject({ capped: false, total: 0, sector: { civil_society: 600 }, service: {} });
  });
});

describe('facet counts below the cap', () => {
  it('count each match once, whether the words are in its names, its texts or its people', async () => {
    const now = new Date();
    const insert = (name: string, document: string, service: string) => sql`
      insert into organisations (id, name_th, name_en, sector, services, search_document, name_document,
        created_at, updated_at)
      values (gen_random_uuid(), ${name}, ${name}, 'ngo', array[${service}],
        to_tsvector('simple', ${document}), to_tsvector('simple', ${name}), now(), now())
      returning id`;
    await t.db.execute(insert('Tallyword house', 'tallyword house', 'shelter'));
    await t.db.execute(insert('Quiet house', 'quiet house tallyword', 'medical'));
    const [staffed] = rowsOf<{ id: string }>(await t.db.execute(insert('Still house', 'still', 'medical')));
    await buildPerson(t.db, { organisationId: staffed!.id, nameEn: 'Tallyword Person' });
    const query = OrganisationListQuery.parse({ q: 'tallyword', facets: '1' });

    const { items, facets } = await listOrganisations(t.db, now, query);

    expect(items.map((i) => i.nameEn)).toEqual(['Tallyword house', 'Quiet house', 'Still house']);
    expect(facets).toMatchObject({ capped: false, total: 3, service: { shelter: 1, medical: 2 } });
  });
});

describe('a word in most names', () => {
  it('pages the same organisations in the same order whether the rank order is walked or every match sorted', async () => {
    // 130 organisations named with the word, 65 with it only in their description; the last 20 in another
    // sector.
    await t.db.execute(sql`
      insert into organisations (id, name_th, name_en, sector, search_document, name_document, created_at,
        updated_at)
      select gen_random_uuid(), 'ทางเดิน ' || i, case when i <= 155 then 'Walkword ' else 'Other ' end || i,
        case when i <= 175 then 'academic' else 'business' end,
        to_tsvector('simple', case when i <= 130 then 'walkword ' || i else 'other ' || i || ' walkword' end),
        to_tsvector('simple', case when i <= 130 then 'walkword ' || i else 'other ' || i end), now(), now()
      from generate_series(1, 195) as i`);
    const now = new Date();
    for (const qs of ['q=walkword&sector=academic&lang=en', 'q=walkw&sector=academic&lang=th']) {
      const query = OrganisationListQuery.parse(Object.fromEntries(new URLSearchParams(`${qs}&limit=20`)));
      const walked: string[] = [];
      for (let offset = 0; offset < 200; offset += query.limit) {
        const page = await usingSearchIndexes(t.db, (tx) => pageOfCommonNames(tx, now, query, offset));
        const sorted = await pageStatement(t.db, now, { ...query, cursor: cursorAt(offset) }).statement;
        if (page) {
          expect(
            page.map((o) => o.id),
            `${qs} at ${offset}`,
          ).toEqual(sorted.map((o) => o.id));
          walked.push(...page.slice(0, query.limit).map((o) => o.nameEn));
        }
      }
      // The walk answered every page the name matches fill: 130 of them, 20 a page.
      expect(walked, qs).toHaveLength(120);
      expect(walked.every((name) => name.startsWith('Walkword'))).toBe(true);
    }
    // Through the API, name matches come first and the rest after them, page after page.
    const all = await allPages('q=walkword&sector=academic&lang=en&limit=20');
    expect(all.slice(0, 130).every((name) => /^Walkword/.test(name))).toBe(true);
    expect(all).toHaveLength(175);
    expect(new Set(all).size).toBe(175);
    const rest = all.slice(130);
    expect(rest).toEqual([...rest].sort());
    // A two-letter prefix is searched by walking whenever the sample allows: the same list.
    expect(await allPages('q=wa&sector=academic&lang=en&limit=20')).toEqual(all);
  });
});

const cursorAt = (offset: number) =>
  offset
    ? Buffer.from(JSON.stringify({ k: String(offset), id: crypto.randomUUID() })).toString('base64url')
    : undefined;

async function allPages(qs: string) {
  const names: string[] = [];
  let cursor: string | null = null;
  do {
    const query = OrganisationListQuery.parse(
      Object.fromEntries(new URLSearchParams(`${qs}${cursor ? `&cursor=${cursor}` : ''}`)),
    );
    const page = await listOrganisations(t.db, new Date(), query);
    names.push(...page.items.map((o) => o.nameEn));
    cursor = page.nextCursor;
  } while (cursor);
  return names;
}

describe.runIf(process.env.TIPNET_TEST_DRIVER === 'pg')('directory search at 5,000 organisations', () => {
  // As the search runs them: without JIT, and without sequential scans.
  const explained = (statement: SQL | { getSQL(): SQL }) =>
    usingSearchIndexes(t.db, (tx) => planNodesOf(tx, statement));

  it('matches words through the GIN indexes of its own rows, never scanning the wide organisations', async () => {
    await t.db.execute(sql`
      insert into organisations (id, name_th, name_en, description_th, sector, services, coverage, languages,
        search_document, name_document, created_at, updated_at)
      select gen_random_uuid(), 'องค์กร ' || i, 'Plan org ' || i, repeat('งานคุ้มครองผู้เสียหาย ', 40), 'ngo',
        array[(array['shelter', 'legal_aid', 'medical', 'interpretation'])[1 + i % 4]],
        array['TH-' || (10 + i % 77)], array[(array['th', 'my', 'km', 'lo'])[1 + i % 4]],
        to_tsvector('simple', 'plan org ' || i || ' ' || repeat('protection victims ', 40)),
        to_tsvector('simple', 'plan org ' || i), now(), now()
      from generate_series(1, 5000) as i`);
    await t.db.execute(sql`analyze organisation_search, organisations`);
    const now = new Date();
    for (const qs of ['q=protection&service=shelter', 'q=pla', 'province=TH-50&facets=1']) {
      const query = OrganisationListQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
      for (const nodes of [
        await explained(pageStatement(t.db, now, query).statement),
        await explained(facetStatement(now, query)),
      ]) {
        const plan = `${qs}: ${nodes.join(' > ')}`;
        // Browsing by filters alone counts every organisation failing at most one of them: a scan of the
        // narrow search rows, never of the wide organisations.
        expect(
          nodes.filter((n) => n.startsWith('Seq Scan on organisations')),
          plan,
        ).toEqual([]);
        if (query.q)
          expect(
            nodes.filter((n) => n.startsWith('Seq Scan')),
            plan,
          ).toEqual([]);
        if (query.q)
          expect(
            nodes.some((n) => n.includes('organisation_search_document_idx')),
            plan,
          ).toBe(true);
      }
    }
  });
});
