/** Factories shared by the tests and the demo seed: each creates whatever parents it is missing. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { type OrganisationRow, organisations, type UserRow, users } from '../db/schema/index.ts';
import { hashPassword } from '../platform/passwords.ts';

let sequence = 0;
const next = () => ++sequence;

export async function buildOrganisation(
  db: Db,
  overrides: Partial<OrganisationRow> = {},
): Promise<OrganisationRow> {
  const n = next();
  const now = overrides.createdAt ?? new Date();
  const [row] = await db
    .insert(organisations)
    .values({
      id: randomUUID(),
      nameTh: `องค์กรทดสอบ ${n}`,
      nameEn: `Test Organisation ${n}`,
      abbreviation: `TO${n}`,
      sector: 'civil_society',
      createdAt: now,
      updatedAt: now,
      ...overrides,
    })
    .returning();
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
