import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.ts';
import { organisationContacts, organisations } from '../../db/schema/index.ts';
import { buildContact, buildOrganisation } from '../../demo/factories.ts';
import { genericPlanNodesOf, planNodesOf } from '../../test/query-plans.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { rankProviders } from './finder.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Entry = {
  service: string;
  area: string;
  organisation_id: string;
  languages: string[];
  populations: string[];
  has_hotline_24h: boolean;
  verified: boolean;
  name_en: string;
};

const ORDER = sql`order by organisation_id, service, area`;

/** What the triggers keep, and what they should hold: the same rows computed from the organisations now. */
async function keptAndExpected() {
  const kept = rowsOf<Entry>(await t.db.execute(sql`select * from finder_entries ${ORDER}`));
  const expected = rowsOf<Entry>(
    await t.db.execute(sql`
      select * from (
        select distinct s.service, a.area, o.id as organisation_id, o.languages, o.populations,
          exists (select 1 from organisation_contacts h where h.organisation_id = o.id
            and h.type = 'hotline_24h' and h.visibility = 'all_members') as has_hotline_24h,
          o.verified_at is not null and o.contacts_changed_at is null as verified,
          o.name_en
        from organisations o, unnest(o.services) as s(service), unnest(o.coverage) as a(area)
      ) e ${ORDER}`),
  );
  return { kept, expected };
}

describe("the finder's own rows", () => {
  it('follow every write to what the finder filters and ranks on', async () => {
    const steps: [string, () => Promise<unknown>][] = [];
    let shelter!: Awaited<ReturnType<typeof buildOrganisation>>;
    let hotlineId!: string;
    steps.push(
      [
        'new organisations',
        async () => {
          shelter = await buildOrganisation(t.db, {
            nameEn: 'Finder upkeep shelter',
            services: ['shelter', 'legal_aid'],
            coverage: ['TH-85', 'nationwide'],
            languages: ['th', 'my'],
            populations: ['children'],
          });
          await buildOrganisation(t.db, { services: ['medical'], coverage: ['TH-10'] });
        },
      ],
      [
        'a 24-hour hotline added',
        async () => {
          hotlineId = (
            await buildContact(t.db, { organisationId: shelter.id, type: 'hotline_24h', value: '1300' })
          ).id;
        },
      ],
      [
        'the hotline made private',
        () =>
          t.db
            .update(organisationContacts)
            .set({ visibility: 'centre_only' })
            .where(eq(organisationContacts.id, hotlineId)),
      ],
      [
        'the hotline public again, then removed',
        async () => {
          await t.db
            .update(organisationContacts)
            .set({ visibility: 'all_members' })
            .where(eq(organisationContacts.id, hotlineId));
          await t.db.delete(organisationContacts).where(eq(organisationContacts.id, hotlineId));
        },
      ],
      [
        'services, coverage, languages and populations changed',
        () =>
          t.db
            .update(organisations)
            .set({ services: ['interpretation'], coverage: ['TH-50'], languages: ['km'], populations: [] })
            .where(eq(organisations.id, shelter.id)),
      ],
      [
        'verified, then its contacts changed since',
        async () => {
          await t.db
            .update(organisations)
            .set({ verifiedAt: new Date() })
            .where(eq(organisations.id, shelter.id));
          await t.db
            .update(organisations)
            .set({ contactsChangedAt: new Date() })
            .where(eq(organisations.id, shelter.id));
        },
      ],
      [
        'renamed',
        () =>
          t.db
            .update(organisations)
            .set({ nameEn: 'Renamed shelter' })
            .where(eq(organisations.id, shelter.id)),
      ],
    );
    for (const [step, write] of steps) {
      await write();
      const { kept, expected } = await keptAndExpected();
      expect(kept, step).toEqual(expected);
    }
    const { kept } = await keptAndExpected();
    expect(kept.filter((e) => e.organisation_id === shelter.id)).toMatchObject([
      {
        service: 'interpretation',
        area: 'TH-50',
        languages: ['km'],
        verified: false,
        name_en: 'Renamed shelter',
      },
    ]);
  });
});

describe.runIf(process.env.TIPNET_TEST_DRIVER === 'pg')('the finder at 5,000 organisations', () => {
  it('reads its own rows from their ranking index alone, and each result by its key, never a scan of every organisation', async () => {
    await t.db.execute(sql`
      insert into organisations (id, name_th, name_en, description_th, sector, services, coverage, languages,
        created_at, updated_at)
      select gen_random_uuid(), 'องค์กร ' || i, 'Plan org ' || i, repeat('งานคุ้มครองผู้เสียหาย ', 40), 'ngo',
        array[(array['shelter', 'legal_aid', 'medical', 'interpretation', 'victim_identification'])[1 + i % 5]],
        case when i % 40 = 0 then array['nationwide'] else array['TH-' || (10 + i % 77)] end,
        array[(array['th', 'my', 'km', 'lo'])[1 + i % 4]], now(), now()
      from generate_series(1, 5000) as i`);
    // As autovacuum leaves them: analysed, and the pages all-visible, which reading the index alone needs.
    await t.db.execute(sql`vacuum (analyze) finder_entries, organisations`);
    const { statement } = rankProviders(t.db, { service: 'legal_aid', province: 'TH-85', language: 'my' });
    // Run prepared, PostgreSQL may keep one generic plan for every service and province after five runs.
    for (const nodes of [await planNodesOf(t.db, statement), await genericPlanNodesOf(t.db, statement)]) {
      expect(nodes, nodes.join(' > ')).toContain('Index Only Scan on finder_entries_ranking_idx');
      // By its key: the primary key, or the names index that leads with the id (the generic plan's pick).
      expect(
        nodes.some((n) => /Index (Only )?Scan on organisations_(pkey|names_idx)$/.test(n)),
        nodes.join(' > '),
      ).toBe(true);
      expect(
        nodes.filter((n) => n.startsWith('Seq Scan')),
        nodes.join(' > '),
      ).toEqual([]);
    }
  });
});
