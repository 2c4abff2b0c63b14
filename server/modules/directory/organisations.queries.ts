import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type OrganisationRow, organisations } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { organisationSummaryColumns } from '../../platform/projections.ts';

// Search documents are only ever read by SQL, never fetched (the full one is ~5 KB); the verified contacts
// only by the verification review (verification.ts).
const {
  searchDocument: _searchDocument,
  nameDocument: _nameDocument,
  verifiedContacts: _verifiedContacts,
  ...columns
} = getTableColumns(organisations);

/**
 * Only organisation-wide hotlines count: a "Centre only" number is no help to the member who filters.
 * Written out with table names because Drizzle leaves columns unqualified in a select list, where "id"
 * inside the subquery would mean the contact's id.
 */
export const hasHotline24hSql = sql<boolean>`exists (select 1 from ${sql.raw('"organisation_contacts" as "hotline"')} where ${sql.raw(`"hotline"."organisation_id" = "organisations"."id" and "hotline"."type" = 'hotline_24h' and "hotline"."visibility" = 'all_members'`)})`;

export const organisationRecordColumns = { ...columns, hasHotline24h: hasHotline24hSql };
export type OrganisationRecord = Omit<
  OrganisationRow,
  'searchDocument' | 'nameDocument' | 'verifiedContacts'
> & {
  hasHotline24h: boolean;
};

/** Whether the Centre's verification holds and the entry is not stale (presentVerification). */
export const verificationColumns = {
  verifiedAt: organisations.verifiedAt,
  contactsChangedAt: organisations.contactsChangedAt,
  lastReviewedAt: organisations.lastReviewedAt,
  createdAt: organisations.createdAt,
};

/**
 * What a list of organisations shows (presentListItem), and no more: a search page or the finder's 50
 * results carry no descriptions, addresses or "working with us" texts, which were most of the bytes read,
 * parsed and collected per row.
 */
export const organisationListColumns = {
  ...organisationSummaryColumns,
  type: organisations.type,
  provinceCode: organisations.provinceCode,
  themes: organisations.themes,
  services: organisations.services,
  populations: organisations.populations,
  languages: organisations.languages,
  coverage: organisations.coverage,
  ...verificationColumns,
  hasHotline24h: hasHotline24hSql,
};
export type OrganisationListRecord = Pick<OrganisationRecord, keyof typeof organisationListColumns>;

export const selectOrganisationRecords = (db: Db) => db.select(organisationRecordColumns).from(organisations);

export async function getOrganisationRecord(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  const query = selectOrganisationRecords(db).where(eq(organisations.id, id));
  const [row] = options.forUpdate ? await query.for('update', { of: organisations }) : await query;
  if (!row) throw notFound('Organisation');
  return row;
}
