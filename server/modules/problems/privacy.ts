/**
 * The privacy check around every write of free text. Findings without `acknowledgePrivacyWarnings` answer
 * 422 PRIVACY_WARNING; that warning is recorded (in a transaction of its own, since the write itself is
 * refused). Kept on purpose: recorded with the write, audited and put on the Centre-only timeline. Removed
 * (resubmitted with the earlier `privacyCheckId` and no findings): the earlier record says so.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { checkPrivacy, type PrivacyFinding, type PrivacyTarget } from '../../../common/privacy-check.ts';
import type { Db } from '../../db/client.ts';
import { problemPrivacyChecks } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordProblemEvent } from './events.ts';

export type PrivacyInput = { acknowledgePrivacyWarnings?: boolean; privacyCheckId?: string };
/** Where a finding was: field and kind only; the matched text is never stored or logged. */
const summary = (findings: PrivacyFinding[]) => findings.map(({ field, kind }) => ({ field, kind }));

/** One check's findings and the writer's choice; kept on purpose is resolved at once. */
async function recordCheck(
  tx: Db,
  ctx: RequestContext,
  check: {
    target: PrivacyTarget;
    problemId: string | null;
    findings: PrivacyFinding[];
    outcome: 'warned' | 'acknowledged';
  },
) {
  const id = randomUUID();
  await tx.insert(problemPrivacyChecks).values({
    id,
    userId: ctx.actor!.userId,
    organisationId: ctx.actor!.organisationId,
    ...check,
    createdAt: ctx.now,
    resolvedAt: check.outcome === 'acknowledged' ? ctx.now : null,
  });
  return id;
}

/** Before the write's transaction: refuses (and records the warning) unless the writer confirmed. */
export async function screenText(
  db: Db,
  ctx: RequestContext,
  target: PrivacyTarget,
  problemId: string | null,
  fields: Record<string, string | null | undefined>,
  input: PrivacyInput,
): Promise<PrivacyFinding[]> {
  const findings = checkPrivacy(fields);
  if (findings.length === 0 || input.acknowledgePrivacyWarnings) return findings;
  const id = await db.transaction(async (tx) => {
    const id = await recordCheck(tx, ctx, { target, problemId, findings, outcome: 'warned' });
    await recordAudit(tx, ctx, {
      action: 'problem.privacy_warning_shown',
      entityType: 'privacy_check',
      entityId: id,
      changes: { target, problemId, findings: summary(findings) },
    });
    return id;
  });
  throw new AppError(
    422,
    'PRIVACY_WARNING',
    'The text looks like it contains personal data (an ID card, passport or phone number). Remove it, or confirm with acknowledgePrivacyWarnings: true',
    { findings, privacyCheckId: id },
  );
}

/** Inside the write's transaction: records what the writer chose about earlier or current findings. */
export async function recordPrivacyChoice(
  tx: Db,
  ctx: RequestContext,
  target: PrivacyTarget,
  problemId: string,
  findings: PrivacyFinding[],
  input: PrivacyInput,
) {
  if (findings.length > 0) {
    await recordCheck(tx, ctx, { target, problemId, findings, outcome: 'acknowledged' });
    if (input.privacyCheckId) await resolveWarning(tx, ctx, input.privacyCheckId, problemId, 'acknowledged');
    await recordProblemEvent(tx, ctx, problemId, 'privacy_warning_acknowledged', {
      target,
      findings: summary(findings),
    });
    return { privacyWarnings: summary(findings), privacyAcknowledged: true };
  }
  if (input.privacyCheckId) {
    const resolved = await resolveWarning(tx, ctx, input.privacyCheckId, problemId, 'removed');
    if (resolved) return { privacyWarningResolved: 'removed' };
  }
  return {};
}

async function resolveWarning(
  tx: Db,
  ctx: RequestContext,
  id: string,
  problemId: string,
  outcome: 'acknowledged' | 'removed',
) {
  const rows = await tx
    .update(problemPrivacyChecks)
    .set({ outcome, problemId, resolvedAt: ctx.now })
    .where(
      and(
        eq(problemPrivacyChecks.id, id),
        eq(problemPrivacyChecks.userId, ctx.actor!.userId),
        eq(problemPrivacyChecks.outcome, 'warned'),
      ),
    )
    .returning({ id: problemPrivacyChecks.id });
  return rows.length > 0;
}
