/** Factories shared by the tests and the demo seed: each creates whatever parents it is missing. */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  type FocalPointRow,
  focalPoints,
  type OrganisationContactRow,
  type OrganisationRow,
  organisationContacts,
  organisations,
  type PersonRow,
  people,
  type UserRow,
  users,
} from '../db/schema/index.ts';
import { organisationSearchDocuments, personSearchText } from '../modules/directory/index.ts';
import { hashPassword } from '../platform/passwords.ts';
import { buildTsvector } from '../platform/search/index.ts';

let sequence = 0;
const next = () => ++sequence;

export async function buildOrganisation(
  db: Db,
  overrides: Partial<OrganisationRow> = {},
): Promise<OrganisationRow> {
  const n = next();
  const now = overrides.createdAt ?? new Date();
  const values = {
    id: randomUUID(),
    nameTh: `องค์กรทดสอบ ${n}`,
    nameEn: `Test Organisation ${n}`,
    abbreviation: `TO${n}`,
    sector: 'civil_society' as const,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  const { searchDocument, nameDocument } = organisationSearchDocuments(values);
  const [row] = await db
    .insert(organisations)
    .values({
      ...values,
      searchDocument: sql`${searchDocument}::tsvector`,
      nameDocument: sql`${nameDocument}::tsvector`,
    })
    .returning();
  return row!;
}

export async function buildContact(
  db: Db,
  overrides: Partial<OrganisationContactRow> = {},
): Promise<OrganisationContactRow> {
  const organisationId = overrides.organisationId ?? (await buildOrganisation(db)).id;
  const [row] = await db
    .insert(organisationContacts)
    .values({
      id: randomUUID(),
      type: 'phone_office',
      value: `02-000-${String(next()).padStart(4, '0')}`,
      visibility: 'all_members',
      ...overrides,
      organisationId,
    })
    .returning();
  return row!;
}

/** A person of an organisation; `focalTopics` start open focal-point roles. Re-indexes the organisation. */
export async function buildPerson(
  db: Db,
  overrides: Partial<PersonRow> & { focalTopics?: FocalPointRow['topic'][] } = {},
): Promise<PersonRow> {
  const n = next();
  const { focalTopics = [], ...rest } = overrides;
  const organisationId = rest.organisationId ?? (await buildOrganisation(db)).id;
  const now = rest.createdAt ?? new Date();
  const values = {
    id: randomUUID(),
    nameTh: `บุคคลทดสอบ ${n} (ตัวอย่าง/Demo)`,
    nameEn: `Test Person ${n} (Demo)`,
    position: 'เจ้าหน้าที่ประสานงาน',
    phones: [{ type: 'phone_mobile' as const, value: `08-0000-${String(n).padStart(4, '0')}` }],
    email: `person${n}@example.test`,
    createdAt: now,
    updatedAt: now,
    ...rest,
    organisationId,
  };
  const document = buildTsvector(personSearchText({ department: null, ...values }));
  const [row] = await db
    .insert(people)
    .values({ ...values, searchDocument: sql`${document}::tsvector` })
    .returning();
  if (focalTopics.length > 0) {
    await db.insert(focalPoints).values(
      focalTopics.map((topic) => ({
        id: randomUUID(),
        organisationId,
        personId: row!.id,
        topic,
        startedAt: now,
      })),
    );
  }
  return row!;
}

/** A ready-to-sign-in user; `password` is hashed here, never stored in clear. */
export async function buildUser(
  db: Db,
  overrides: Partial<UserRow> & { password?: string } = {},
): Promise<UserRow & { password: string }> {
  const n = next();
  const { password = 'correct horse battery staple', ...rest } = overrides;
  const organisationId = rest.organisationId ?? (await buildOrganisation(db)).id;
  const now = rest.createdAt ?? new Date();
  const [row] = await db
    .insert(users)
    .values({
      id: randomUUID(),
      email: `user${n}-${randomUUID().slice(0, 8)}@example.test`,
      displayName: `Test User ${n}`,
      role: 'member',
      language: 'th',
      passwordHash: await hashPassword(password),
      createdAt: now,
      updatedAt: now,
      ...rest,
      organisationId,
    })
    .returning();
  return { ...row!, password };
}
