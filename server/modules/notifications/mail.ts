/** Notifications as emails, told in each recipient's language and hiding what they may not see. */
import { inArray } from 'drizzle-orm';
import { PROBLEM_STATES } from '../../../common/problems-taxonomy.ts';
import type { Language } from '../../../common/taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { organisations, problemEvents, problems, users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import type { EmailTemplate, ProblemEventMail } from '../../platform/mail/templates.ts';
import { type MailRecipient, mailRecipientColumns } from '../../platform/projections.ts';
import { hidesActor } from '../problems/index.ts';

type Item = { recipient_user_id: string; reason: ProblemEventMail['reason']; event_id?: number };

const stateLabel = (code: unknown, lang: Language) => {
  const entry = PROBLEM_STATES.find((s) => s.code === code);
  return entry ? entry[lang] : null;
};

/** Each item as the recipient will read it, with the recipient it goes to. */
export async function describeItems(tx: Db, baseUrl: string, items: (Item & { event_id: number })[]) {
  const eventIds = [...new Set(items.map((i) => i.event_id))];
  const userIds = [...new Set(items.map((i) => i.recipient_user_id))];
  if (items.length === 0) return [];
  const events = await tx.select().from(problemEvents).where(inArray(problemEvents.id, eventIds));
  const problemRows = await tx
    .select({
      id: problems.id,
      title: problems.title,
      anonymous: problems.anonymous,
      reporterOrganisationId: problems.reporterOrganisationId,
    })
    .from(problems)
    .where(inArray(problems.id, [...new Set(events.map((e) => e.problemId))]));
  const orgIds = [...new Set(events.flatMap((e) => (e.actorOrganisationId ? [e.actorOrganisationId] : [])))];
  const orgs =
    orgIds.length === 0
      ? []
      : await tx
          .select({ id: organisations.id, nameTh: organisations.nameTh, nameEn: organisations.nameEn })
          .from(organisations)
          .where(inArray(organisations.id, orgIds));
  const people = await tx
    .select({
      ...mailRecipientColumns,
      role: users.role,
      organisationId: users.organisationId,
    })
    .from(users)
    .where(inArray(users.id, userIds));
  const eventById = new Map(events.map((e) => [e.id, e]));
  const problemById = new Map(problemRows.map((p) => [p.id, p]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const personById = new Map(people.map((p) => [p.id, p]));

  return items.flatMap((item) => {
    const event = eventById.get(item.event_id);
    const person = personById.get(item.recipient_user_id);
    const problem = event && problemById.get(event.problemId);
    if (!event || !person || !problem) return [];
    const viewer: Actor = {
      userId: person.id,
      organisationId: person.organisationId,
      role: person.role,
      sessionId: '',
      mustEnrolTotp: false,
    };
    const org = event.actorOrganisationId ? orgById.get(event.actorOrganisationId) : undefined;
    const lang = person.language;
    const mail: ProblemEventMail = {
      problemTitle: problem.title,
      event: event.kind,
      reason: item.reason,
      actorName: org ? (lang === 'th' ? org.nameTh : org.nameEn) : null,
      actorHidden: hidesActor(viewer, problem, event),
      toStateLabel: event.kind === 'state_changed' ? stateLabel(event.data.to, lang) : null,
      link: `${baseUrl}/problems/${problem.id}`,
    };
    if (mail.actorHidden) mail.actorName = null;
    const recipient: MailRecipient = {
      id: person.id,
      email: person.email,
      language: lang,
      displayName: person.displayName,
    };
    return [{ recipient, mail }];
  });
}

/** The immediate emails of one event's fresh notifications. */
export async function eventMailsFor(tx: Db, baseUrl: string, eventId: number, rows: Item[]) {
  const described = await describeItems(
    tx,
    baseUrl,
    rows.map((r) => ({ ...r, event_id: eventId })),
  );
  return described.map(({ recipient, mail }) => ({
    to: recipient.email,
    language: recipient.language,
    template: { kind: 'problem_notification', displayName: recipient.displayName, ...mail } as EmailTemplate,
  }));
}
