/**
 * The read projections other modules use of the directory: what a link to an organisation shows and how
 * a user is named. Select these columns, never whole rows: an organisation row carries ~6 KB of search
 * documents, and a page of problems, comments or notifications names up to a hundred organisations.
 */
import { type AnyColumn, eq, inArray } from 'drizzle-orm';
import type { OrganisationSummary } from '../../common/api.ts';
import type { Language } from '../../common/taxonomies.ts';
import type { Db } from '../db/client.ts';
import {
  coordinationRequests,
  coordinationRosterLayers,
  coordinationRosterOverrides,
  coordinationUnits,
  invitations,
  type OrganisationRow,
  organisations,
  people,
  problemComments,
  problems,
  users,
} from '../db/schema/index.ts';

type SummaryKey = 'id' | 'nameTh' | 'nameEn' | 'abbreviation' | 'abbreviationEn' | 'sector';

/** The organisation-summary columns of `organisations` or of an alias of it. */
export function organisationSummaryColumnsOf<T extends Record<SummaryKey, AnyColumn>>(
  o: T,
): Pick<T, SummaryKey> {
  return {
    id: o.id,
    nameTh: o.nameTh,
    nameEn: o.nameEn,
    abbreviation: o.abbreviation,
    abbreviationEn: o.abbreviationEn,
    sector: o.sector,
  };
}

/** What a link to an organisation shows (parent, children, mentions, assignments, actors). */
export const organisationSummaryColumns = organisationSummaryColumnsOf(organisations);

export type OrganisationSummaryRow = Pick<OrganisationRow, SummaryKey>;

export const presentOrganisation = (o: OrganisationSummaryRow): OrganisationSummary => ({
  id: o.id,
  nameTh: o.nameTh,
  nameEn: o.nameEn,
  abbreviation: o.abbreviation,
  abbreviationEn: o.abbreviationEn,
  sector: o.sector,
});

/** How a user is named to others (authors, actors, reporters, inviters): of `users` or of an alias of it. */
export function userNameColumnsOf<T extends Record<keyof UserName, AnyColumn>>(
  u: T,
): Pick<T, keyof UserName> {
  return { id: u.id, displayName: u.displayName };
}

export const userNameColumns = userNameColumnsOf(users);

export type UserName = { id: string; displayName: string };

/** Whom an email goes to: the address, the language it is written in and the name it greets. */
export const mailRecipientColumns = { ...userNameColumns, email: users.email, language: users.language };

export type MailRecipient = UserName & { email: string; language: Language };

export type ReferenceName = { th: string; en: string };

const SNIPPET_LENGTH = 60;
/** A comment is named by its opening words. */
const snippet = (text: string) =>
  text.length > SNIPPET_LENGTH ? `${[...text].slice(0, SNIPPET_LENGTH).join('').trimEnd()}…` : text;

/**
 * What each id names, for logs read by the Centre (who may see every organisation, user, person and
 * problem): organisations and people by their Thai and English names, users by display name, problems
 * by title, invitations by address, comments by their opening words. Ids that name nothing (deleted, or not an id at all) are left out.
 */
export async function referenceNamesOf(db: Db, ids: string[]): Promise<Record<string, ReferenceName>> {
  if (ids.length === 0) return {};
  const [orgs, accounts, persons, raised, invited, comments, units, requests, layers, overrides] =
    await Promise.all([
      db
        .select({ id: organisations.id, th: organisations.nameTh, en: organisations.nameEn })
        .from(organisations)
        .where(inArray(organisations.id, ids)),
      db.select({ id: users.id, th: users.displayName }).from(users).where(inArray(users.id, ids)),
      db
        .select({ id: people.id, th: people.nameTh, en: people.nameEn })
        .from(people)
        .where(inArray(people.id, ids)),
      db.select({ id: problems.id, th: problems.title }).from(problems).where(inArray(problems.id, ids)),
      db
        .select({ id: invitations.id, th: invitations.email })
        .from(invitations)
        .where(inArray(invitations.id, ids)),
      db
        .select({ id: problemComments.id, body: problemComments.body })
        .from(problemComments)
        .where(inArray(problemComments.id, ids)),
      db
        .select({ id: coordinationUnits.id, th: coordinationUnits.nameTh, en: coordinationUnits.nameEn })
        .from(coordinationUnits)
        .where(inArray(coordinationUnits.id, ids)),
      db
        .select({ id: coordinationRequests.id })
        .from(coordinationRequests)
        .where(inArray(coordinationRequests.id, ids)),
      db
        .select({ id: coordinationRosterLayers.id, th: coordinationRosterLayers.name })
        .from(coordinationRosterLayers)
        .where(inArray(coordinationRosterLayers.id, ids)),
      // An override is read as the layer it covers ("เวรหลัก"), the person being named beside it.
      db
        .select({ id: coordinationRosterOverrides.id, th: coordinationRosterLayers.name })
        .from(coordinationRosterOverrides)
        .innerJoin(
          coordinationRosterLayers,
          eq(coordinationRosterLayers.id, coordinationRosterOverrides.layerId),
        )
        .where(inArray(coordinationRosterOverrides.id, ids)),
    ]);
  const quoted = comments.map((c) => ({ id: c.id, th: `“${snippet(c.body)}”` }));
  // A request has no title: its short reference, as people read it out on the phone.
  const referenced = requests.map((r) => ({ id: r.id, th: `#${r.id.slice(0, 8).toUpperCase()}` }));
  return Object.fromEntries(
    [
      ...orgs,
      ...accounts,
      ...persons,
      ...raised,
      ...invited,
      ...quoted,
      ...units,
      ...referenced,
      ...layers,
      ...overrides,
    ].map((r: { id: string; th: string; en?: string | null }) => [r.id, { th: r.th, en: r.en || r.th }]),
  );
}
