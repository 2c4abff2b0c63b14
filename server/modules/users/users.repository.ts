import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations, users } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { organisationSummaryColumns } from '../../platform/projections.ts';

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

export async function findUserWithOrganisation(db: Db, userId: string) {
  const [row] = await db
    .select({ user: users, organisation: organisationSummaryColumns })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

export async function getUserWithOrganisation(db: Db, userId: string) {
  const row = await findUserWithOrganisation(db, userId);
  if (!row) throw notFound('User');
  return row;
}
