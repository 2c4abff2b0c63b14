/** What the directory search indexes, rebuilt in the same transaction as every write that changes it. */
import { and, eq, sql } from 'drizzle-orm';
import { labelOf } from '../../../common/directory-taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { type OrganisationRow, organisations, type PersonRow, people } from '../../db/schema/index.ts';
import { buildTsvector, type WeightedText } from '../../platform/search/index.ts';

const labels = (codes: (string | null)[]) =>
  codes.flatMap((c) => {
    const entry = c ? labelOf(c) : undefined;
    return entry ? [entry.th, entry.en] : [];
  });

type IndexedOrganisation = Pick<
  OrganisationRow,
  | 'nameTh'
  | 'nameEn'
  | 'abbreviation'
  | 'type'
  | 'themes'
  | 'services'
  | 'populations'
  | 'descriptionTh'
  | 'descriptionEn'
  | 'eligibilityNotes'
  | 'address'
  | 'provinceCode'
  | 'mandateAndLimits'
  | 'howToRequestHelp'
  | 'documentsRequired'
>;

/** Names rank first (A), then what the organisation does (B), then its own texts (C), then its people (D). */
export function organisationSearchText(
  o: Partial<IndexedOrganisation> & Pick<OrganisationRow, 'nameTh' | 'nameEn'>,
  peopleNames: string[] = [],
): WeightedText {
  const text = (v: string | null | undefined) => (v ? [v] : []);
  return {
    A: [o.nameTh, o.nameEn, ...text(o.abbreviation)],
    B: labels([...(o.services ?? []), ...(o.themes ?? []), o.type ?? null]),
    C: [
      ...text(o.descriptionTh),
      ...text(o.descriptionEn),
      ...text(o.eligibilityNotes),
      ...text(o.address),
      ...labels([o.provinceCode ?? null, ...(o.populations ?? [])]),
      ...text(o.mandateAndLimits),
      ...text(o.howToRequestHelp),
      ...text(o.documentsRequired),
    ],
    D: peopleNames,
  };
}

export const personSearchText = (p: Pick<PersonRow, 'nameTh' | 'nameEn' | 'position' | 'department'>) => ({
  A: [p.nameTh, ...(p.nameEn ? [p.nameEn] : [])],
  B: [...(p.position ? [p.position] : []), ...(p.department ? [p.department] : [])],
});

export async function refreshOrganisationSearchDocument(tx: Db, organisationId: string) {
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) return;
  const names = await tx
    .select({ nameTh: people.nameTh, nameEn: people.nameEn })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.active, true)));
  const document = buildTsvector(
    organisationSearchText(
      org,
      names.flatMap((n) => [n.nameTh, ...(n.nameEn ? [n.nameEn] : [])]),
    ),
  );
  await tx
    .update(organisations)
    .set({ searchDocument: sql`${document}::tsvector` })
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
