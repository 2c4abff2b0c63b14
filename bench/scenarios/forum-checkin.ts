import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '../../server/db/client.ts';
import { forumRegistrations, organisations, users } from '../../server/db/schema/index.ts';
import { buildForumEvent } from '../../server/modules/forum-checkin/forum-checkin.factories.ts';
import type { Scenario } from './types.ts';

/** More tickets than a run scans (warm-up included), so every request checks in someone new. */
const TICKETS = 40_000;

/**
 * The door of a forum: a staff member of the host organisation (the demo member of the Mirror Foundation)
 * scans QR tickets, each request a different confirmed registration with a new clientScanId: the full
 * check-in path (event, staff policy, ticket lookup, insert, audit). The tickets are inserted in setup
 * straight into PostgreSQL, so the scenario runs there only.
 */
export const forumCheckinScan: Scenario = {
  name: 'forum-checkin-scan',
  description: 'POST a QR scan of a new ticket each time (check-in round trip; PostgreSQL only)',
  onlyOn: 'postgres',
  async setup(ctx) {
    const database = await openDatabase({ databaseUrl: ctx.databaseUrl!, poolSize: 2 });
    try {
      const { db } = database;
      const [mirror] = await db
        .select({ organisationId: users.organisationId })
        .from(users)
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .where(eq(users.email, 'mirror@tipnet.example'));
      const event = await buildForumEvent(db, {
        hostOrganisationIds: [mirror!.organisationId],
        capacity: TICKETS,
        startsAt: new Date(),
      });
      await db.execute(sql`
        insert into forum_registrations (id, event_id, state, ticket_code, guest_name, guest_organisation_name,
          created_at, updated_at)
        select gen_random_uuid(), ${event.id}, 'confirmed', replace(gen_random_uuid()::text, '-', ''),
          'Bench guest ' || n, 'Bench organisation', now(), now()
        from generate_series(1, ${TICKETS}) as n`);
      const rows = await db
        .select({ code: forumRegistrations.ticketCode })
        .from(forumRegistrations)
        .where(eq(forumRegistrations.eventId, event.id));
      ctx.state.eventId = event.id;
      ctx.state.codes = rows.map((r) => r.code);
    } finally {
      await database.close();
    }
  },
  request(ctx) {
    const codes = ctx.state.codes as string[];
    let next = 0;
    return {
      method: 'POST',
      path: `/api/v1/forums/events/${ctx.state.eventId}/checkins`,
      headers: ctx.authHeaders,
      nextBody: () => ({
        ticketCode: codes[next++ % codes.length],
        clientScanId: randomUUID(),
        scannedAt: new Date().toISOString(),
      }),
    };
  },
};
