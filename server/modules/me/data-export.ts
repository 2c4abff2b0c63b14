/**
 * PDPA: a signed-in person downloads a copy of their own data (ADR 0009). Reads only the columns named
 * here: never a password hash, TOTP secret, recovery code or token hash, and nothing personal about
 * anyone else. Read and audited in one transaction, so the copy and its audit event agree.
 */
import { asc, eq } from 'drizzle-orm';
import { DEFAULT_PREFERENCES } from '../../../common/notifications-api.ts';
import type { DataExportView } from '../../../common/personal-data-api.ts';
import {
  auditEvents,
  notificationPreferences,
  notifications,
  people,
  problemAnswers,
  problemComments,
  problemSupports,
  problems,
  sessions,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { getUserWithOrganisation } from '../users/index.ts';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;

export async function exportMyData(deps: Deps, ctx: RequestContext): Promise<DataExportView> {
  const userId = ctx.actor!.userId;
  return deps.db.transaction(async (tx) => {
    const { user, organisation } = await getUserWithOrganisation(tx, userId);
    const [entry] = await tx
      .select({
        id: people.id,
        nameTh: people.nameTh,
        nameEn: people.nameEn,
        position: people.position,
        positionEn: people.positionEn,
        department: people.department,
        phones: people.phones,
        email: people.email,
        lineId: people.lineId,
        languages: people.languages,
        active: people.active,
        createdAt: people.createdAt,
        updatedAt: people.updatedAt,
      })
      .from(people)
      .where(eq(people.userId, userId));
    const mySessions = await tx
      .select({
        id: sessions.id,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        idleExpiresAt: sessions.idleExpiresAt,
        absoluteExpiresAt: sessions.absoluteExpiresAt,
        ip: sessions.ip,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.createdAt));
    const events = await tx
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        changes: auditEvents.changes,
        ip: auditEvents.ip,
        userAgent: auditEvents.userAgent,
      })
      .from(auditEvents)
      .where(eq(auditEvents.actorUserId, userId))
      .orderBy(asc(auditEvents.id));
    const reported = await tx
      .select({
        id: problems.id,
        type: problems.type,
        title: problems.title,
        body: problems.body,
        category: problems.category,
        provinces: problems.provinces,
        sectors: problems.sectors,
        proposedSolution: problems.proposedSolution,
        source: problems.source,
        anonymous: problems.anonymous,
        state: problems.state,
        createdAt: problems.createdAt,
      })
      .from(problems)
      .where(eq(problems.reporterUserId, userId))
      .orderBy(asc(problems.createdAt));
    const comments = await tx
      .select({
        id: problemComments.id,
        problemId: problemComments.problemId,
        parentId: problemComments.parentId,
        body: problemComments.body,
        createdAt: problemComments.createdAt,
        editedAt: problemComments.editedAt,
        hiddenAt: problemComments.hiddenAt,
      })
      .from(problemComments)
      .where(eq(problemComments.authorUserId, userId))
      .orderBy(asc(problemComments.createdAt));
    const answers = await tx
      .select({
        id: problemAnswers.id,
        problemId: problemAnswers.problemId,
        organisationId: problemAnswers.organisationId,
        bodyTh: problemAnswers.bodyTh,
        bodyEn: problemAnswers.bodyEn,
        createdAt: problemAnswers.createdAt,
      })
      .from(problemAnswers)
      .where(eq(problemAnswers.authorUserId, userId))
      .orderBy(asc(problemAnswers.createdAt));
    const supports = await tx
      .select({
        id: problemSupports.id,
        problemId: problemSupports.problemId,
        organisationId: problemSupports.organisationId,
        context: problemSupports.context,
        createdAt: problemSupports.createdAt,
      })
      .from(problemSupports)
      .where(eq(problemSupports.userId, userId))
      .orderBy(asc(problemSupports.createdAt));
    const mine = await tx
      .select({
        id: notifications.id,
        kind: notifications.kind,
        reason: notifications.reason,
        problemId: notifications.problemId,
        coordinationRequestId: notifications.coordinationRequestId,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
        emailedAt: notifications.emailedAt,
      })
      .from(notifications)
      .where(eq(notifications.recipientUserId, userId))
      .orderBy(asc(notifications.seq));
    const [prefs] = await tx
      .select({
        myProblems: notificationPreferences.myProblems,
        assignedToMyOrganisation: notificationPreferences.assignedToMyOrganisation,
        followed: notificationPreferences.followed,
        mentions: notificationPreferences.mentions,
      })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));

    await recordAudit(tx, ctx, {
      action: 'user.data_exported',
      entityType: 'user',
      entityId: userId,
      changes: {
        auditEvents: events.length,
        problems: reported.length,
        comments: comments.length,
        answers: answers.length,
        supports: supports.length,
        notifications: mine.length,
      },
    });

    return {
      exportedAt: iso(ctx.now),
      profile: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        language: user.language,
        active: user.active,
        totpEnabled: user.totpEnabledAt !== null,
        createdAt: iso(user.createdAt),
        updatedAt: iso(user.updatedAt),
        lastLoginAt: isoOrNull(user.lastLoginAt),
        privacyNoticeVersion: user.privacyNoticeVersion,
        privacyNoticeAcceptedAt: isoOrNull(user.privacyNoticeAcceptedAt),
      },
      organisation: {
        id: organisation.id,
        nameTh: organisation.nameTh,
        nameEn: organisation.nameEn,
        abbreviation: organisation.abbreviation,
        abbreviationEn: organisation.abbreviationEn,
        sector: organisation.sector,
      },
      directoryEntry: entry
        ? { ...entry, createdAt: iso(entry.createdAt), updatedAt: iso(entry.updatedAt) }
        : null,
      sessions: mySessions.map((s) => ({
        id: s.id,
        createdAt: iso(s.createdAt),
        lastSeenAt: iso(s.lastSeenAt),
        expiresAt: new Date(Math.min(s.idleExpiresAt.getTime(), s.absoluteExpiresAt.getTime())).toISOString(),
        ip: s.ip,
        userAgent: s.userAgent,
      })),
      auditEvents: events.map((e) => ({
        id: String(e.id),
        at: iso(e.at),
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        changes: isOwn(e, userId) ? e.changes : null,
        ip: e.ip,
        userAgent: e.userAgent,
      })),
      problems: reported.map((p) => ({ ...p, createdAt: iso(p.createdAt) })),
      comments: comments.map((c) => ({
        ...c,
        createdAt: iso(c.createdAt),
        editedAt: isoOrNull(c.editedAt),
        hiddenAt: isoOrNull(c.hiddenAt),
      })),
      answers: answers.map((a) => ({ ...a, createdAt: iso(a.createdAt) })),
      supports: supports.map((s) => ({ ...s, createdAt: iso(s.createdAt) })),
      notifications: mine.map((n) => ({
        ...n,
        createdAt: iso(n.createdAt),
        readAt: isoOrNull(n.readAt),
        emailedAt: isoOrNull(n.emailedAt),
      })),
      notificationPreferences: prefs ?? DEFAULT_PREFERENCES,
    };
  });
}

/**
 * Events about their own account or sessions. Elsewhere `changes` may hold what they did to others (an
 * invitee's email, a colleague's role, a hidden comment's reason); what they wrote is exported above.
 */
function isOwn(e: { entityType: string; entityId: string | null }, userId: string) {
  return (e.entityType === 'user' && e.entityId === userId) || e.entityType === 'session';
}
