/**
 * Forums (part F1): a burst of registrations for one event and the event page.
 *
 * `forum-registration-burst` (PostgreSQL only: its setup writes 500 accounts straight into the database,
 * which on PGlite only the server process can open) signs in 500 distinct people spread over the demo
 * organisations; each one's registration arrives once, at random within 10 s (the burst: 500 within
 * 10 s), over 16 connections; then it checks that no limit was passed. `forum-registration-flood` sends the
 * same 500 people's registrations for another event as fast as 16 connections go: the most the server
 * takes. `forum-event-page` reads a published event with an agenda, hosts and registrations, uncached (the event
 * page has no cache).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../server/db/client.ts';
import { organisations, users } from '../../server/db/schema/index.ts';
import { getEventView } from '../../server/modules/forums/events.service.ts';
import type { Actor } from '../../server/platform/context.ts';
import { hashPassword } from '../../server/platform/passwords.ts';
import type { BenchContext, Scenario } from './types.ts';

const ADMIN = 'admin@tipnet.example';
const PEOPLE = 500;
const PASSWORD = 'bench forum registrant 2569';
const CAPACITY = 300;
const RESERVED = 20;
const PER_ORGANISATION = 60;
/** The burst: 500 registrations within 10 s. */
const BURST_SECONDS = 10;

type Json = Record<string, unknown>;

async function call(ctx: BenchContext, cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${ctx.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      cookie,
      origin: ctx.baseUrl,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Json;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A published event a week ahead, hosted by the first demo organisation, with an agenda of 6 + 6 items. */
async function publishedEvent(ctx: BenchContext, admin: string, hostId: string) {
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const event = await call(ctx, admin, 'POST', '/forums/events', {
    titleTh: "Let's Talk TIP: ขับเคลื่อนด้วยใจ ประเทศไทยไร้ค้ามนุษย์ (bench)",
    titleEn: "Let's Talk TIP: driven by heart (bench)",
    format: 'hybrid',
    provinceCode: 'TH-10',
    venueTh: 'สโมสรตำรวจ',
    onlineUrl: 'https://meet.example.test/bench',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
    objectivesTh: 'รับฟังปัญหาอุปสรรคและข้อเสนอแนะจากทุกภาคส่วน',
    hostOrganisationIds: [hostId],
    capacity: CAPACITY,
    reservedForHosts: RESERVED,
    perOrganisationCap: PER_ORGANISATION,
    registrationMode: 'open',
  });
  const id = event.id as string;
  for (let i = 0; i < 6; i++) {
    const withItem = await call(ctx, admin, 'POST', `/forums/events/${id}/agenda`, {
      titleTh: `วาระที่ ${i + 1}`,
      titleEn: `Item ${i + 1}`,
      durationMinutes: 20,
      presentingOrganisationId: hostId,
    });
    const parentId = (withItem.agenda as { id: string }[])[i]!.id;
    await call(ctx, admin, 'POST', `/forums/events/${id}/agenda`, {
      parentId,
      titleTh: `วาระย่อย ${i + 1}.1`,
      titleEn: `Sub-item ${i + 1}.1`,
    });
  }
  await call(ctx, admin, 'POST', `/forums/events/${id}/publish`, { version: event.version });
  return id;
}

/** Signed-in registrants per server: the burst and the flood register the same people for two events. */
const signedIn = new Map<string, Promise<string[]>>();

function registrants(ctx: BenchContext): Promise<string[]> {
  let cookies = signedIn.get(ctx.baseUrl);
  if (!cookies) {
    cookies = newRegistrants(ctx);
    signedIn.set(ctx.baseUrl, cookies);
  }
  return cookies;
}

/** 500 members straight in the database (one password hash), signed in through the API, 8 at a time. */
async function newRegistrants(ctx: BenchContext) {
  const database = await openDatabase({
    databaseUrl: ctx.databaseUrl ?? undefined,
    dataDir: '',
    poolSize: 2,
  });
  const emails: string[] = [];
  try {
    const orgs = await database.db.select({ id: organisations.id }).from(organisations);
    const passwordHash = await hashPassword(PASSWORD);
    const now = new Date();
    const rows = Array.from({ length: PEOPLE }, (_, i) => {
      const email = `forum-bench-${i}-${randomUUID().slice(0, 6)}@bench.example`;
      emails.push(email);
      return {
        id: randomUUID(),
        organisationId: orgs[i % orgs.length]!.id,
        email,
        displayName: `ผู้ลงทะเบียน ${i} (bench)`,
        role: 'member' as const,
        language: 'th' as const,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      };
    });
    await database.db.insert(users).values(rows);
  } finally {
    await database.close();
  }
  const cookies: string[] = new Array(PEOPLE);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < emails.length) {
        const i = next++;
        cookies[i] = await ctx.loginAs(emails[i]!, PASSWORD);
      }
    }),
  );
  return cookies;
}

/** Each of the 500 people registers once for a new event; `verify` checks no limit was passed. */
function registrationBurst(name: string, description: string, arrivingWithinSeconds?: number): Scenario {
  return {
    name,
    description,
    onlyOn: 'postgres',
    once: true,
    arrivingWithinSeconds,
    async setup(ctx) {
      const admin = await ctx.loginAs(ADMIN);
      const [host] =
        ((await call(ctx, admin, 'GET', '/organizations?limit=1')).items as { id: string }[]) ?? [];
      ctx.state.eventId = await publishedEvent(ctx, admin, host!.id);
      ctx.state.cookies = await registrants(ctx);
    },
    request: (ctx) =>
      (ctx.state.cookies as string[]).map((cookie) => ({
        method: 'POST' as const,
        path: `/api/v1/forums/events/${ctx.state.eventId}/registration`,
        // As the web app sends it: every registration claims an Idempotency-Key.
        headers: { cookie, origin: ctx.baseUrl, 'idempotency-key': randomUUID() },
        body: { privacyAccepted: true },
      })),
    verify: verifyPlaces,
  };
}

async function verifyPlaces(ctx: BenchContext) {
  const database = await openDatabase({
    databaseUrl: ctx.databaseUrl ?? undefined,
    dataDir: '',
    poolSize: 1,
  });
  try {
    const result = (await database.db.execute(sql`
      select count(*) filter (where state = 'confirmed')::int as confirmed,
             count(*) filter (where state = 'waitlisted')::int as waitlisted,
             count(*) filter (where state = 'confirmed' and host_place)::int as host_places,
             count(*)::int as registrations,
             coalesce(max(per_org.n), 0)::int as most_per_org
      from forum_registrations r
      left join (select organisation_id, count(*) as n from forum_registrations
                 where event_id = ${ctx.state.eventId} and state = 'confirmed' group by organisation_id) per_org
        on per_org.organisation_id = r.organisation_id
      where r.event_id = ${ctx.state.eventId}
    `)) as unknown as { rows: Record<string, number>[] };
    const r = result.rows[0]!;
    const overbooked =
      Math.max(0, r.confirmed! - CAPACITY) +
      Math.max(0, r.host_places! - RESERVED) +
      Math.max(0, r.most_per_org! - PER_ORGANISATION);
    return `${r.registrations} registrations: ${r.confirmed} confirmed (${r.host_places} host places), ${r.waitlisted} waitlisted, most per organisation ${r.most_per_org}; ${overbooked} overbooked`;
  } finally {
    await database.close();
  }
}

export const forumRegistrationBurst = registrationBurst(
  'forum-registration-burst',
  `${PEOPLE} distinct people register for one event (${CAPACITY} places), each once, arriving at random within ${BURST_SECONDS} s, over 16 connections`,
  BURST_SECONDS,
);

export const forumRegistrationFlood = registrationBurst(
  'forum-registration-flood',
  `the same ${PEOPLE} people register for another event, each once, as fast as 16 connections go`,
);

export const forumEventPage: Scenario = {
  name: 'forum-event-page',
  description: 'one event page (agenda of 12 items, hosts, my registration and ticket), uncached',
  async setup(ctx) {
    const admin = await ctx.loginAs(ADMIN);
    const [host] =
      ((await call(ctx, admin, 'GET', '/organizations?limit=1')).items as { id: string }[]) ?? [];
    const id = await publishedEvent(ctx, admin, host!.id);
    await call(ctx, ctx.authHeaders.cookie!, 'POST', `/forums/events/${id}/registration`, {
      privacyAccepted: true,
    });
    ctx.state.eventId = id;
    const me = (await call(ctx, ctx.authHeaders.cookie!, 'GET', '/me')) as {
      user: { id: string; role: Actor['role'] };
      organisation: { id: string };
    };
    ctx.state.viewer = {
      userId: me.user.id,
      organisationId: me.organisation.id,
      role: me.user.role,
      sessionId: 'bench',
      mustEnrolTotp: false,
    } satisfies Actor;
  },
  request: (ctx) => ({ path: `/api/v1/forums/events/${ctx.state.eventId}`, headers: ctx.authHeaders }),
  async statements(db, now, ctx) {
    await getEventView(db, ctx.state.viewer as Actor, now, ctx.state.eventId as string);
  },
};
