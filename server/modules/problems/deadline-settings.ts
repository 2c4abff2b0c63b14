/** Per-category deadlines the Centre sets; a category without its own row uses DEFAULT_DEADLINES. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DeadlineSettingsBody } from '../../../common/problems-api.ts';
import { PROBLEM_CATEGORY_CODES, type ProblemCategory } from '../../../common/problems-taxonomy.ts';
import type { Db } from '../../db/client.ts';
import { problemDeadlineSettings } from '../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/policy.ts';
import { settingsOrDefault } from './deadlines.ts';

export async function listDeadlineSettings(db: Db, viewer: Actor) {
  authorize(viewer, 'problem.read', undefined);
  const rows = new Map((await db.select().from(problemDeadlineSettings)).map((r) => [r.category, r]));
  return {
    items: PROBLEM_CATEGORY_CODES.map((category) => {
      const row = rows.get(category);
      const s = settingsOrDefault(row);
      return {
        category,
        firstAnswerDays: s.firstAnswerDays,
        updateIntervalDays: s.updateIntervalDays,
        escalationDays: s.escalationDays,
        custom: !!row,
        updatedAt: row?.updatedAt.toISOString() ?? null,
      };
    }),
  };
}

/** Applies to assignments from now on; deadlines already running keep their dates. */
export async function setDeadlineSettings(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  category: ProblemCategory,
  input: z.infer<typeof DeadlineSettingsBody>,
) {
  authorize(ctx.actor, 'problem.configureDeadlines', undefined);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(problemDeadlineSettings)
      .where(eq(problemDeadlineSettings.category, category))
      .for('update');
    const changes = changedFields({ ...settingsOrDefault(before) }, input);
    if (Object.keys(changes).length === 0 && before) return;
    await tx
      .insert(problemDeadlineSettings)
      .values({ category, ...input, updatedAt: ctx.now, updatedBy: ctx.actor.userId })
      .onConflictDoUpdate({
        target: problemDeadlineSettings.category,
        set: { ...input, updatedAt: ctx.now, updatedBy: ctx.actor.userId },
      });
    await recordAudit(tx, ctx, {
      action: 'problem.deadlines_updated',
      entityType: 'problem_deadline_setting',
      entityId: category,
      changes,
    });
  });
  return listDeadlineSettings(db, ctx.actor);
}
