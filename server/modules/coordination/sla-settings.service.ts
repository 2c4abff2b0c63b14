/**
 * What the Centre edits for the SLA clocks: the public holidays and the SLA targets. Targets are versioned:
 * an edit adds the next version, which new requests take; open requests keep the version they started with.
 */
import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { SlaTargets } from '../../../common/coordination-sla.ts';
import type { AddHolidayBody, CreateSlaPolicyBody } from '../../../common/coordination-sla-api.ts';
import { DEFAULT_SLA, type Urgency } from '../../../common/coordination-states.ts';
import type { Db } from '../../db/client.ts';
import { coordinationHolidays, coordinationSlaPolicies, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { userNameColumns } from '../../platform/projections.ts';

type Ctx = RequestContext & { actor: Actor };

// ---- holidays --------------------------------------------------------------------------------------
export async function listHolidays(db: Db, viewer: Actor, year?: number) {
  authorize(viewer, 'coordination.read', undefined);
  const rows = await db
    .select({
      day: coordinationHolidays.day,
      nameTh: coordinationHolidays.nameTh,
      nameEn: coordinationHolidays.nameEn,
    })
    .from(coordinationHolidays)
    .where(
      year
        ? and(
            gte(coordinationHolidays.day, `${year}-01-01`),
            lt(coordinationHolidays.day, `${year + 1}-01-01`),
          )
        : undefined,
    )
    .orderBy(asc(coordinationHolidays.day));
  return { items: rows };
}

export async function addHoliday(db: Db, ctx: Ctx, input: z.infer<typeof AddHolidayBody>) {
  authorize(ctx.actor, 'coordination.configureSla', undefined);
  await db.transaction(async (tx) => {
    const [added] = await tx
      .insert(coordinationHolidays)
      .values({ ...input, createdAt: ctx.now })
      .onConflictDoNothing()
      .returning({ day: coordinationHolidays.day });
    if (!added) throw conflict('HOLIDAY_EXISTS', `${input.day} is already a holiday`);
    await recordAudit(tx, ctx, {
      action: 'coordination.holiday_added',
      entityType: 'coordination_holiday',
      entityId: input.day,
      changes: input,
    });
  });
  return { day: input.day, nameTh: input.nameTh, nameEn: input.nameEn };
}

export async function removeHoliday(db: Db, ctx: Ctx, day: string) {
  authorize(ctx.actor, 'coordination.configureSla', undefined);
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(coordinationHolidays)
      .where(eq(coordinationHolidays.day, day))
      .returning({ nameTh: coordinationHolidays.nameTh, nameEn: coordinationHolidays.nameEn });
    if (!removed) throw notFound('Holiday');
    await recordAudit(tx, ctx, {
      action: 'coordination.holiday_removed',
      entityType: 'coordination_holiday',
      entityId: day,
      changes: { day, ...removed },
    });
  });
}

// ---- SLA policy versions ---------------------------------------------------------------------------------
const defaultTargets = (): Record<Urgency, SlaTargets> =>
  Object.fromEntries(
    Object.entries(DEFAULT_SLA).map(([u, p]) => [
      u,
      { acknowledge: p.acknowledge, acceptOrDecline: p.acceptOrDecline, outcome: p.outcome },
    ]),
  ) as Record<Urgency, SlaTargets>;

/** The version new requests take: the highest. The migration seeds version 1, so there always is one. */
export async function currentSlaVersion(db: Db): Promise<number> {
  const [row] = await db
    .select({ version: coordinationSlaPolicies.version })
    .from(coordinationSlaPolicies)
    .orderBy(desc(coordinationSlaPolicies.version))
    .limit(1);
  return row?.version ?? 1;
}

/** Targets by version; a version missing (never in a migrated database) reads as the defaults. */
export async function slaTargetsByVersion(db: Db): Promise<Map<number, Record<Urgency, SlaTargets>>> {
  const rows = await db
    .select({ version: coordinationSlaPolicies.version, targets: coordinationSlaPolicies.targets })
    .from(coordinationSlaPolicies);
  const map = new Map(rows.map((r) => [r.version, r.targets]));
  if (!map.has(1)) map.set(1, defaultTargets());
  return map;
}

export async function listSlaPolicies(db: Db, viewer: Actor) {
  authorize(viewer, 'coordination.read', undefined);
  const rows = await db
    .select({ policy: coordinationSlaPolicies, by: userNameColumns })
    .from(coordinationSlaPolicies)
    .leftJoin(users, eq(users.id, coordinationSlaPolicies.createdByUserId))
    .orderBy(desc(coordinationSlaPolicies.version));
  return {
    items: rows.map(({ policy, by }, i) => ({
      version: policy.version,
      targets: policy.targets,
      note: policy.note,
      createdAt: policy.createdAt.toISOString(),
      createdBy: by?.id ? by : null,
      current: i === 0,
    })),
  };
}

export async function createSlaPolicy(db: Db, ctx: Ctx, input: z.infer<typeof CreateSlaPolicyBody>) {
  authorize(ctx.actor, 'coordination.configureSla', undefined);
  const version = await db.transaction(async (tx) => {
    // Two Centre officers saving at once: the version's primary key makes the second retry-free 409.
    const next = (await currentSlaVersion(tx)) + 1;
    const [row] = await tx
      .insert(coordinationSlaPolicies)
      .values({
        version: next,
        targets: input.targets,
        note: input.note || null,
        createdByUserId: ctx.actor.userId,
        createdAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning({ version: coordinationSlaPolicies.version });
    if (!row)
      throw conflict('SLA_POLICY_CHANGED', 'Someone saved a new SLA version just now; reload and retry');
    await recordAudit(tx, ctx, {
      action: 'coordination.sla_policy_created',
      entityType: 'coordination_sla_policy',
      entityId: String(next),
      changes: { version: next, targets: input.targets, note: input.note ?? null },
    });
    return next;
  });
  const { items } = await listSlaPolicies(db, ctx.actor);
  return items.find((p) => p.version === version)!;
}
