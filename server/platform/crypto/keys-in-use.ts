/**
 * Which keys the stored ciphertexts need. At start the server refuses to run when one of them is missing
 * from TIPNET_ENCRYPTION_KEYS: better a clear stop than a vault or 2FA that fails one read at a time.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { KeyRing } from './key-ring.ts';

/**
 * Key ids in use, with where each is used: users.totp_secret, coordination_vault_entries.value and
 * coordination_vault_photos.data.
 */
export async function keyIdsInUse(db: Db): Promise<{ keyId: string; field: string; values: number }[]> {
  const rows = rowsOf<{ key_id: string; field: string; values: number | string }>(
    await db.execute(sql`
      select split_part(totp_secret, ':', 2) as key_id, 'users.totp_secret' as field, count(*) as values
        from users where totp_secret like 'v1:%' group by 1
      union all
      select key_id, 'coordination_vault_entries.value', count(*)
        from coordination_vault_entries group by 1
      union all
      select key_id, 'coordination_vault_photos.data', count(*)
        from coordination_vault_photos group by 1
      order by 1, 2`),
  );
  return rows.map((r) => ({ keyId: r.key_id, field: r.field, values: Number(r.values) }));
}

/** The problems to report when stored values need keys the ring does not hold (empty when all is well). */
export async function missingKeyProblems(db: Db, keyRing: KeyRing): Promise<string[]> {
  const held = new Set(keyRing.keyIds);
  return (await keyIdsInUse(db))
    .filter((u) => !held.has(u.keyId))
    .map(
      (u) =>
        `TIPNET_ENCRYPTION_KEYS: ${u.values} value(s) of ${u.field} are encrypted under key "${u.keyId}", ` +
        `which is not in the ring. Put that key back (after the current one) and run \`npm run keys:rotate\` ` +
        'before removing it.',
    );
}
