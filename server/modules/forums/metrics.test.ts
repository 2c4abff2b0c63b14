/**
 * The review reads a period's forum attendance as index ranges: the events that started in it, then each
 * one's registrations and check-ins, never every registration the network ever made.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../common/report-periods.ts';
import { planNodesOf } from '../../test/query-plans.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { attendanceStatement } from './metrics.ts';

describe.runIf(process.env.TIPNET_TEST_DRIVER === 'pg')(
  'forum attendance over fifteen years of forums at 5,000 organisations',
  () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp();
      // 5,000 organisations; 600 forums from 2015 to 2030, every nine days, with 100 registrations each from
      // as many organisations (80 checked in).
      await t.db.execute(sql`
      insert into organisations (id, name_th, name_en, sector, services, coverage, languages,
        search_document, name_document, created_at, updated_at)
      select gen_random_uuid(), 'องค์กร ' || i, 'Org ' || i, 'government', array['shelter'], array['TH-10'],
        array['th'], to_tsvector('simple', 'org ' || i), to_tsvector('simple', 'org ' || i), now(), now()
      from generate_series(1, 5000) as i`);
      await t.db.execute(sql`
      insert into forum_events (id, series_id, number, title_th, title_en, format, state, starts_at, ends_at,
        capacity, privacy_notice_version, created_at, updated_at)
      select gen_random_uuid(), '6c7e6d1a-4f7e-4c51-9d8e-1e7f0a5b0001', 1000 + i, 'เวที ' || i, 'Forum ' || i,
        'in_person', (array['published', 'completed', 'cancelled'])[1 + i % 3],
        timestamptz '2015-01-05 02:00Z' + i * interval '9 days',
        timestamptz '2015-01-05 05:00Z' + i * interval '9 days', 200, 'test', now(), now()
      from generate_series(1, 600) as i`);
      await t.db.execute(sql`
      insert into forum_registrations (id, event_id, organisation_id, sector, state, ticket_code, created_at,
        updated_at)
      select gen_random_uuid(), e.id, o.ids[1 + (e.number * 37 + j) % 5000], 'government',
        case when j % 10 = 0 then 'withdrawn' else 'confirmed' end, md5(e.id::text || j), now(), now()
      from forum_events e cross join generate_series(1, 100) as j
        cross join (select array_agg(id order by id) as ids from organisations) o`);
      await t.db.execute(sql`
      insert into forum_checkins (id, event_id, registration_id, method, scanned_at, received_at)
      select gen_random_uuid(), r.event_id, r.id, 'qr', now(), now()
      from forum_registrations r where r.state = 'confirmed' and r.queue_number % 9 <> 0`);
      await t.db.execute(sql`analyze organisations, forum_events, forum_registrations, forum_checkins`);
    });
    afterAll(() => t?.close());

    it("reads a fiscal year's events by start, then only their registrations and check-ins", async () => {
      const period = parsePeriod('fiscal-2570')!;
      const nodes = await planNodesOf(t.db, attendanceStatement(period, new Date('2027-06-01T00:00:00Z')));
      const plan = nodes.join(' > ');
      expect(
        nodes.filter((n) => n.startsWith('Seq Scan')),
        plan,
      ).toEqual([]);
      expect(plan).toContain('forum_events_starts_idx');
      expect(plan).toContain('forum_registrations_event_state_idx');
    });
  },
);
