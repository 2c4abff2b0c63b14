import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisations, users } from '../db/schema/index.ts';
import { currentContactFields, refreshOrganisationSearchDocument } from '../modules/directory/index.ts';
import { recordAudit } from '../platform/audit.ts';
import { seedDemoCoordination } from './demo-coordination.ts';
import { DEMO_DIRECTORY, DEMO_PEOPLE } from './demo-directory.ts';
import { seedDemoForums } from './demo-forums.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from './demo-network.ts';
import { seedDemoProblems } from './demo-problems.ts';
import { buildContact, buildOrganisation, buildPerson, buildUser } from './factories.ts';

export type SeedResult = { seeded: false } | { seeded: true; password: string; generatedPassword: boolean };

/** Seeds the demo network once: an empty organisations table is the sign of a first start. */
export async function seedDemoNetwork(
  db: Db,
  options: { password?: string; now: Date },
): Promise<SeedResult> {
  const password = options.password ?? `demo-${randomBytes(9).toString('base64url')}`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table organisations in exclusive mode`);
    const [existing] = await tx.select({ id: organisations.id }).from(organisations).limit(1);
    if (existing) {
      await fillMissingDemoDirectory(tx, options.now);
      // A demo database seeded before the problems board existed gets its demo problems on the next start.
      await seedDemoProblems(tx, options.now);
      await seedDemoCoordination(tx, options.now);
      await seedDemoForums(tx, options.now);
      return { seeded: false };
    }
    const ids = new Map<string, string>();
    for (const { key, ...org } of DEMO_ORGANISATIONS) {
      ids.set(
        key,
        (await buildOrganisation(tx, { ...org, createdAt: options.now, updatedAt: options.now })).id,
      );
    }
    for (const account of DEMO_ACCOUNTS) {
      await buildUser(tx, {
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        organisationId: ids.get(account.organisation)!,
        password,
        createdAt: options.now,
        updatedAt: options.now,
      });
    }
    await fillDemoDirectory(tx, ids, options.now);
    await seedDemoProblems(tx, options.now);
    await seedDemoCoordination(tx, options.now);
    await seedDemoForums(tx, options.now);
    await recordAudit(
      tx,
      { actor: null, ip: null, userAgent: 'tipnet-seed', now: options.now },
      {
        action: 'system.demo_seeded',
        entityType: 'system',
        changes: { organisations: DEMO_ORGANISATIONS.length, accounts: DEMO_ACCOUNTS.map((a) => a.email) },
      },
    );
    return { seeded: true, password, generatedPassword: !options.password };
  });
}

/** Directory details, contacts, fictional people and focal points of the demo organisations in `ids`. */
async function fillDemoDirectory(tx: Db, ids: Map<string, string>, now: Date) {
  const [admin] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO_ACCOUNTS[0]!.email));
  for (const [key, id] of ids) {
    const entry = DEMO_DIRECTORY[key];
    if (!entry) continue;
    const { parent, verified, contacts, ...fields } = entry;
    await tx
      .update(organisations)
      .set({
        ...fields,
        parentId: parent ? (ids.get(parent) ?? null) : null,
        capacityUpdatedAt: fields.shelterCapacity === undefined ? null : now,
        verifiedAt: verified ? now : null,
        verifiedBy: verified ? (admin?.id ?? null) : null,
        lastReviewedAt: now,
      })
      .where(eq(organisations.id, id));
    for (const [position, contact] of contacts.entries())
      await buildContact(tx, { organisationId: id, position, label: null, ...contact });
    for (const { organisation, phonesVisibility = 'all_members', ...person } of DEMO_PEOPLE) {
      if (organisation !== key) continue;
      await buildPerson(tx, {
        ...person,
        organisationId: id,
        visibility: { phones: phonesVisibility, email: 'all_members', lineId: 'all_members' },
        createdAt: now,
        updatedAt: now,
      });
    }
    await refreshOrganisationSearchDocument(tx, id);
    if (verified) await keepVerifiedContacts(tx, key, id, now);
  }
}

/** The demo entry whose office hours changed after the Centre verified them: its review page has an example. */
const CHANGED_SINCE_VERIFICATION = { key: 'rapha', officeHoursThen: 'จันทร์–ศุกร์ 09:00–17:00 น.' };

async function keepVerifiedContacts(tx: Db, key: string, id: string, now: Date) {
  const current = await currentContactFields(tx, id);
  const changed = key === CHANGED_SINCE_VERIFICATION.key;
  await tx
    .update(organisations)
    .set({
      verifiedContacts: changed
        ? { ...current, officeHours: CHANGED_SINCE_VERIFICATION.officeHoursThen }
        : current,
      contactsChangedAt: changed ? now : null,
    })
    .where(eq(organisations.id, id));
}

/**
 * A demo database seeded before the directory existed gets its details on the next start. Only when the
 * demo accounts are there, so a real network's organisations that share a demo name are never touched.
 */
async function fillMissingDemoDirectory(tx: Db, now: Date) {
  const [demoAdmin] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO_ACCOUNTS[0]!.email));
  if (!demoAdmin) return;
  const byName = new Map(DEMO_ORGANISATIONS.map((o) => [o.nameEn, o.key]));
  const bare = await tx
    .select({ id: organisations.id, nameEn: organisations.nameEn })
    .from(organisations)
    .where(and(isNull(organisations.type), inArray(organisations.nameEn, [...byName.keys()])));
  if (bare.length === 0) return;
  const all = await tx
    .select({ id: organisations.id, nameEn: organisations.nameEn })
    .from(organisations)
    .where(inArray(organisations.nameEn, [...byName.keys()]));
  const ids = new Map(all.map((o) => [byName.get(o.nameEn)!, o.id]));
  const fill = new Map(bare.map((o) => [byName.get(o.nameEn)!, o.id]));
  await fillDemoDirectory(tx, fill, now);
  // Parents may be among the organisations already filled.
  for (const [key, id] of fill) {
    const parent = DEMO_DIRECTORY[key]?.parent;
    if (parent && ids.get(parent))
      await tx
        .update(organisations)
        .set({ parentId: ids.get(parent)! })
        .where(eq(organisations.id, id));
  }
}
