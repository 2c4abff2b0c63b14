/**
 * The read projections other modules use of the directory: what a link to an organisation shows and how
 * a user is named. Select these columns, never whole rows: an organisation row carries ~6 KB of search
 * documents, and a page of problems, comments or notifications names up to a hundred organisations.
 */
import type { AnyColumn } from 'drizzle-orm';
import type { OrganisationSummary } from '../../common/api.ts';
import type { Language } from '../../common/taxonomies.ts';
import { type OrganisationRow, organisations, users } from '../db/schema/index.ts';

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
