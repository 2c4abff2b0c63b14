import { sql } from 'drizzle-orm';
import pino from 'pino';
import { RequestListQuery } from '../../common/coordination-api.ts';
import type { Config } from '../../server/config.ts';
import type { Db } from '../../server/db/client.ts';
// Through the module's index, as the app enters it: entering at escalation.ts first would run the
// coordination → LINE → coordination cycle from the wrong end and find the job's tick uninitialised.
import { coordinationRequestService, runEscalations } from '../../server/modules/coordination/index.ts';
import { getVault } from '../../server/modules/vault/vault.service.ts';
import type { Actor } from '../../server/platform/context.ts';
import type { BenchContext, Scenario } from './types.ts';

const { getRequestDetail, listInbox, listOutgoing } = coordinationRequestService;

/** Steps made due before each timed pass but the last, which finds nothing due: the scan alone. */
const DUE_PER_PASS = 100;
/** Four passes with steps due (the first pays for cold caches), then the scan alone. */
const TICK_RUNS = 5;

/**
 * The escalation engine's tick over the open requests of `--coordination <n>` (bench/synthetic/coordination.ts):
 * each timed pass finds the due steps with one index scan of the escalation queue and fires them (emails,
 * timeline, audit, claim rows). The HTTP part loads the member's outgoing requests list meanwhile.
 */
export const coordinationEscalationTick: Scenario = {
  name: 'coordination-escalation-tick',
  description: 'the escalation tick over the open unacknowledged requests (job pass timed on PostgreSQL)',
  request: (ctx) => ({ path: '/api/v1/coordination/requests?limit=20', headers: ctx.authHeaders }),
  job: {
    runs: TICK_RUNS,
    async prepare(db, now, run) {
      if (run >= TICK_RUNS - 1) return;
      await db.execute(sql`
        update coordination_escalation_queue set due_at = ${new Date(now.getTime() - 1000).toISOString()}::timestamptz
        where request_id in (
          select request_id from coordination_escalation_queue where due_at > ${now.toISOString()}::timestamptz
          order by request_id limit ${DUE_PER_PASS})
      `);
    },
    async run(db, now) {
      const [open] = (
        (await db.execute(sql`select count(*)::int as n from coordination_escalation_queue`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows;
      const result = await runEscalations({
        db,
        clock: { now: () => now },
        config: { sessionSecret: 'bench-only-secret', baseUrl: 'http://127.0.0.1' } as Config,
        hasMailTransport: false,
        logger: pino({ level: 'silent' }),
      });
      process.stdout.write(`(${open?.n ?? 0} queued, ${result.fired} steps fired) `);
    },
  },
};

/** Coordination reads are not cached; the header keeps them so should a cache ever come. */
const NO_CACHE = { 'cache-control': 'no-cache' };
/** What an on-call officer does with the inbox: everything, the new ones, the ones being worked on. */
const INBOX_QUERIES = ['limit=20', 'state=submitted&limit=20', 'state=in_progress&limit=20'];

type CoordinationState = { viewer: Actor; unitId: string | null; ids: string[] };

/**
 * The signed-in member's unit (the first synthetic unit, with `--orgs n --coordination n`) and up to 20 of
 * its requests. Without one (the demo network alone) the member's outgoing requests stand in, and it says so.
 */
async function coordinationSetup(ctx: BenchContext) {
  const me = (await ctx.api('GET', '/api/v1/me')).body as {
    user: { id: string; role: Actor['role'] };
    organisation: { id: string };
  };
  const viewer: Actor = {
    userId: me.user.id,
    organisationId: me.organisation.id,
    role: me.user.role,
    sessionId: 'bench',
    mustEnrolTotp: false,
  };
  const units = (await ctx.api('GET', `/api/v1/coordination/units?organisationId=${viewer.organisationId}`))
    .body as { items: { id: string; members: { userId: string }[] | null }[] };
  const unit = units.items.find((u) => u.members?.some((m) => m.userId === viewer.userId));
  if (!unit)
    process.stdout.write(
      '(no inbox for the member: run with --orgs n --coordination n; outgoing list instead) ',
    );
  const list = unit ? `/api/v1/coordination/units/${unit.id}/inbox` : '/api/v1/coordination/requests';
  const page = (await ctx.api('GET', `${list}?limit=20`)).body as { items?: { id: string }[] };
  const ids = (page.items ?? []).map((r) => r.id);
  if (ids.length === 0) throw new Error('coordination setup: no requests to read');
  ctx.state.coordination = { viewer, unitId: unit?.id ?? null, ids } satisfies CoordinationState;
}
const stateOf = (ctx: BenchContext) => ctx.state.coordination as CoordinationState;

/** An inbox page as the on-call officer's phone asks for it, never served from a cache. */
export const coordinationInbox: Scenario = {
  name: 'coordination-inbox',
  description: `GET /api/v1/coordination/units/:id/inbox, ${INBOX_QUERIES.length} filters in turn, 20 per page (uncached)`,
  setup: coordinationSetup,
  request: (ctx) => {
    const { unitId } = stateOf(ctx);
    const path = unitId ? `/api/v1/coordination/units/${unitId}/inbox` : '/api/v1/coordination/requests';
    return INBOX_QUERIES.map((qs) => ({
      path: `${path}?${qs}`,
      headers: { ...ctx.authHeaders, ...NO_CACHE },
    }));
  },
  async statements(db: Db, now: Date, ctx: BenchContext) {
    const { viewer, unitId } = stateOf(ctx);
    for (const qs of INBOX_QUERIES) {
      const query = RequestListQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
      if (unitId) await listInbox(db, viewer, unitId, query, now);
      else await listOutgoing(db, viewer, query, now);
    }
  },
};

/** A request's page: its detail (timeline, SLA clocks, moves) and its vault summary, the two reads it makes. */
export const coordinationRequestPage: Scenario = {
  name: 'coordination-request-page',
  description:
    'GET /api/v1/coordination/requests/:id and its /vault for up to 20 requests of the inbox (uncached)',
  setup: coordinationSetup,
  request: (ctx) =>
    stateOf(ctx).ids.flatMap((id) =>
      ['', '/vault'].map((part) => ({
        path: `/api/v1/coordination/requests/${id}${part}`,
        headers: { ...ctx.authHeaders, ...NO_CACHE },
      })),
    ),
  async statements(db: Db, now: Date, ctx: BenchContext) {
    const { viewer, ids } = stateOf(ctx);
    // The vault summary reads no values, so it needs no key ring.
    const vaultDeps = { db } as Parameters<typeof getVault>[0];
    for (const id of ids) {
      await getRequestDetail(db, viewer, id, now);
      await getVault(vaultDeps, viewer, id, now);
    }
  },
};
