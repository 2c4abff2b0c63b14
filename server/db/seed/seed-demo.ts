import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import { buildOrganisation, buildUser } from '../../test/factories.ts';
import type { Db } from '../client.ts';
import { organisations } from '../schema/index.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from './demo-network.ts';

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
    if (existing) return { seeded: false };
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
