/** What the directory search indexes, rebuilt in the same transaction as every write that changes it. */
import { eq, sql } from 'drizzle-orm';
import { labelOf, SERVICE_LANGUAGES, type TaxonomyEntry } from '../../../common/directory-taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { type OrganisationRow, organisations, type PersonRow, people } from '../../db/schema/index.ts';
import { buildTsvector, type WeightedText } from '../../platform/search/index.ts';

const labels = (codes: (string | null)[], label = labelOf) =>
  codes.flatMap((c) => {
    const entry = c ? label(c) : undefined;
    return entry ? [entry.th, entry.en] : [];
  });
const languageByCode = new Map<string, TaxonomyEntry>(SERVICE_LANGUAGES.map((l) => [l.code, l]));
const languageLabel = (code: string) => languageByCode.get(code);

type IndexedOrganisation = Pick<
  OrganisationRow,
  | 'nameTh'
  | 'nameEn'
  | 'abbreviation'
  | 'abbreviationEn'
  | 'type'
  | 'themes'
  | 'services'
  | 'populations'
  | 'languages'
  | 'coverage'
  | 'descriptionTh'
  | 'descriptionEn'
  | 'eligibilityNotes'
  | 'address'
  | 'provinceCode'
  | 'mandateAndLimits'
  | 'howToRequestHelp'
  | 'documentsRequired'
  | 'mandateAndLimitsEn'
  | 'howToRequestHelpEn'
  | 'documentsRequiredEn'
>;

/**
 * Names rank first (A), then what the organisation does (B), then its own texts and where, for whom and
 * in which languages it works (C), so "ระนอง" or "Burmese" find it. Its people are found through their
 * own documents (see search.ts), so a staff change never rewrites this.
 */
export function organisationSearchText(
  o: Partial<IndexedOrganisation> & Pick<OrganisationRow, 'nameTh' | 'nameEn'>,
): WeightedText {
  const text = (v: string | null | undefined) => (v ? [v] : []);
  return {
    A: [o.nameTh, o.nameEn, ...text(o.abbreviation), ...text(o.abbreviationEn)],
    B: labels([...(o.services ?? []), ...(o.themes ?? []), o.type ?? null]),
    C: [
      ...text(o.descriptionTh),
      ...text(o.descriptionEn),
      ...text(o.eligibilityNotes),
      ...text(o.address),
      ...labels([...new Set([o.provinceCode ?? null, ...(o.coverage ?? [])])]),
      ...labels(o.populations ?? []),
      ...labels(o.languages ?? [], languageLabel),
      ...text(o.mandateAndLimits),
      ...text(o.howToRequestHelp),
      ...text(o.documentsRequired),
      ...text(o.mandateAndLimitsEn),
      ...text(o.howToRequestHelpEn),
      ...text(o.documentsRequiredEn),
    ],
  };
}

/** Both documents of an organisation, as tsvector literals: everything, and its names alone. */
export function organisationSearchDocuments(
  o: Partial<IndexedOrganisation> & Pick<OrganisationRow, 'nameTh' | 'nameEn'>,
) {
  const text = organisationSearchText(o);
  return { searchDocument: buildTsvector(text), nameDocument: buildTsvector({ A: text.A }) };
}

export const personSearchText = (
  p: Pick<PersonRow, 'nameTh' | 'nameEn' | 'position' | 'department'> &
    Partial<Pick<PersonRow, 'positionEn'>>,
) => ({
  A: [p.nameTh, ...(p.nameEn ? [p.nameEn] : [])],
  B: [p.position, p.positionEn, p.department].filter((v): v is string => Boolean(v)),
});

export async function refreshOrganisationSearchDocument(tx: Db, organisationId: string) {
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) return;
  const { searchDocument, nameDocument } = organisationSearchDocuments(org);
  await tx
    .update(organisations)
    .set({ searchDocument: sql`${searchDocument}::tsvector`, nameDocument: sql`${nameDocument}::tsvector` })
    .where(eq(organisations.id, organisationId));
}

export async function refreshPersonSearchDocument(tx: Db, personId: string) {
  const [person] = await tx.select().from(people).where(eq(people.id, personId));
  if (!person) return;
  const document = buildTsvector(personSearchText(person));
  await tx
    .update(people)
    .set({ searchDocument: sql`${document}::tsvector` })
    .where(eq(people.id, personId));
}

/**
 * Organisations written before their names had a document of their own (migration 0003), or before the
 * documents indexed provinces covered and languages (migration 0021 empties the names document), get both
 * documents rebuilt, once, at start; the documents are built in JavaScript, so SQL migrations cannot.
 */
export async function indexUnindexedOrganisations(db: Db): Promise<number> {
  const stale = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`${organisations.nameDocument} = ''::tsvector`);
  for (const { id } of stale) await db.transaction((tx) => refreshOrganisationSearchDocument(tx, id));
  return stale.length;
}
