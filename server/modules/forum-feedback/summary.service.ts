/**
 * The summary the Centre publishes after a forum: generated as a bilingual draft from the event's data,
 * edited, then published to the network. Members read published summaries only.
 */
import { eq } from 'drizzle-orm';
import type { SummaryView, UpdateSummaryBody } from '../../../common/forum-feedback-api.ts';
import { draftSummary } from '../../../common/forum-summary-draft.ts';
import type { Db } from '../../db/client.ts';
import { forumSummaries } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { authorize, authorizeVisible, can } from '../../platform/policy.ts';
import {
  agendaTitles,
  decisionTexts,
  loadEvent,
  loadSummary,
  participatingOrganisations,
} from './forum-feedback.queries.ts';

type Ctx = RequestContext & { actor: Actor };
type SummaryRow = NonNullable<Awaited<ReturnType<typeof loadSummary>>>;
type EventRow = NonNullable<Awaited<ReturnType<typeof loadEvent>>>;

/** A summary tells of an event that has happened or is announced; drafts and cancelled events have none. */
const SUMMARISED_STATES = ['published', 'completed'];

async function summarisedEvent(db: Db, eventId: string) {
  const event = await loadEvent(db, eventId);
  if (!event || !SUMMARISED_STATES.includes(event.state)) throw notFound('Summary');
  return event;
}

function present(event: EventRow, row: SummaryRow, actor: Actor, pdfAvailable: boolean): SummaryView {
  return {
    eventId: event.id,
    eventTitleTh: event.titleTh,
    eventTitleEn: event.titleEn,
    state: row.state,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    bodyTh: row.bodyTh,
    bodyEn: row.bodyEn,
    generatedAt: row.generatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    mayEdit: can(actor, 'forumFeedback.manage', undefined),
    pdfAvailable,
  };
}

/** The summary as its reader may see it: 404 when there is none, or only a draft and the reader is not the Centre. */
export async function readableSummary(db: Db, actor: Actor, eventId: string) {
  const event = await summarisedEvent(db, eventId);
  const row = await loadSummary(db, eventId);
  if (!row) throw notFound('Summary');
  authorizeVisible(actor, 'forumFeedback.readSummary', { published: row.state === 'published' }, 'Summary');
  return { event, row };
}

export async function getSummary(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  eventId: string,
  pdfAvailable: boolean,
) {
  const { event, row } = await readableSummary(deps.db, actor, eventId);
  return present(event, row, actor, pdfAvailable);
}

/** Writes (or rewrites) the draft from the event's data as it is now; a published summary is kept as it is. */
export async function generateSummary(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
  eventId: string,
  pdfAvailable: boolean,
) {
  return deps.db.transaction(async (tx) => {
    const event = await summarisedEvent(tx, eventId);
    authorize(ctx.actor, 'forumFeedback.manage', undefined);
    const existing = await loadSummary(tx, eventId);
    if (existing?.state === 'published')
      throw conflict('SUMMARY_PUBLISHED', 'The summary is published: edit it instead of generating it again');
    const draft = draftSummary({
      ...event,
      organisations: await participatingOrganisations(tx, eventId),
      agenda: await agendaTitles(tx, eventId),
      decisions: await decisionTexts(tx, eventId),
    });
    const values = {
      ...draft,
      state: 'draft' as const,
      generatedAt: ctx.now,
      updatedAt: ctx.now,
      updatedBy: ctx.actor.userId,
    };
    const [row] = await tx
      .insert(forumSummaries)
      .values({ eventId, ...values })
      .onConflictDoUpdate({ target: forumSummaries.eventId, set: values })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'forum_feedback.summary_generated',
      entityType: 'forum_summary',
      entityId: eventId,
      changes: { regenerated: existing !== null },
    });
    return present(event, row!, ctx.actor, pdfAvailable);
  });
}

export async function updateSummary(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
  eventId: string,
  body: UpdateSummaryBody,
  pdfAvailable: boolean,
) {
  return deps.db.transaction(async (tx) => {
    const event = await summarisedEvent(tx, eventId);
    authorize(ctx.actor, 'forumFeedback.manage', undefined);
    const existing = await loadSummary(tx, eventId);
    if (!existing) throw notFound('Summary');
    const changed = (Object.keys(body) as (keyof UpdateSummaryBody)[]).filter((k) => existing[k] !== body[k]);
    if (changed.length === 0) return present(event, existing, ctx.actor, pdfAvailable);
    const [row] = await tx
      .update(forumSummaries)
      .set({ ...body, updatedAt: ctx.now, updatedBy: ctx.actor.userId })
      .where(eq(forumSummaries.eventId, eventId))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'forum_feedback.summary_updated',
      entityType: 'forum_summary',
      entityId: eventId,
      changes: { fields: changed, state: existing.state },
    });
    return present(event, row!, ctx.actor, pdfAvailable);
  });
}

export async function publishSummary(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
  eventId: string,
  pdfAvailable: boolean,
) {
  return deps.db.transaction(async (tx) => {
    const event = await summarisedEvent(tx, eventId);
    authorize(ctx.actor, 'forumFeedback.manage', undefined);
    const existing = await loadSummary(tx, eventId);
    if (!existing) throw notFound('Summary');
    if (existing.state === 'published')
      throw conflict('ALREADY_PUBLISHED', 'The summary is already published');
    const [row] = await tx
      .update(forumSummaries)
      .set({ state: 'published', publishedAt: ctx.now, updatedAt: ctx.now, updatedBy: ctx.actor.userId })
      .where(eq(forumSummaries.eventId, eventId))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'forum_feedback.summary_published',
      entityType: 'forum_summary',
      entityId: eventId,
    });
    return present(event, row!, ctx.actor, pdfAvailable);
  });
}
