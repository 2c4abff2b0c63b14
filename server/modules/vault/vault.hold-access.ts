/**
 * Who may set or lift a vault's legal hold besides the Centre: the requesting organisation's
 * data-protection focal point(s) in post now (an active person with an active account).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { Actor } from '../../platform/context.ts';
import type { VaultHoldAccess } from '../../platform/policy.ts';

export async function holdAccessOf(
  db: Db,
  actor: Actor,
  request: { requestingOrganisationId: string },
): Promise<VaultHoldAccess> {
  const access = { requestingOrganisationId: request.requestingOrganisationId, dataProtectionUserIds: [] };
  // Only someone of the requesting organisation can be its focal point: nobody else needs the lookup.
  if (actor.organisationId !== request.requestingOrganisationId) return access;
  const rows = rowsOf<{ user_id: string }>(
    await db.execute(sql`
      select u.id as user_id from users u
      join people pe on pe.user_id = u.id and pe.active
      join focal_points fp on fp.person_id = pe.id and fp.ended_at is null
        and fp.topic = 'data_protection' and fp.organisation_id = ${request.requestingOrganisationId}
      where u.active and u.id = ${actor.userId}`),
  );
  return { ...access, dataProtectionUserIds: rows.map((r) => r.user_id) };
}
