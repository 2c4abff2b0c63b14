/**
 * Sealing vault values with the shared key ring. The associated data binds a value to its entry and
 * request: copied onto another row it fails to decrypt instead of revealing itself there.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { coordinationVaultEntries } from '../../db/schema/index.ts';
import { DecryptionError, type KeyRing } from '../../platform/crypto/key-ring.ts';

const aad = (entryId: string, requestId: string) =>
  `coordination_vault_entries.value:${entryId}:${requestId}`;

export function sealVaultValue(keyRing: KeyRing, entryId: string, requestId: string, value: string) {
  return { value: keyRing.encrypt(value, aad(entryId, requestId)), keyId: keyRing.currentKeyId };
}

export const openVaultValue = (keyRing: KeyRing, entryId: string, requestId: string, stored: string) =>
  keyRing.decrypt(stored, aad(entryId, requestId));

export type VaultReencryptCounts = { checked: number; reencrypted: number; unchanged: number };

/**
 * Re-seals every vault value under the current key, in the caller's transaction (rows locked). The first
 * value that cannot be read throws, naming the entry, so the caller's transaction rolls back.
 */
export async function reencryptVaultEntries(tx: Db, keyRing: KeyRing): Promise<VaultReencryptCounts> {
  const rows = await tx
    .select({
      id: coordinationVaultEntries.id,
      requestId: coordinationVaultEntries.requestId,
      value: coordinationVaultEntries.value,
    })
    .from(coordinationVaultEntries)
    .orderBy(asc(coordinationVaultEntries.id))
    .for('update');
  const counts: VaultReencryptCounts = { checked: rows.length, reencrypted: 0, unchanged: 0 };
  for (const row of rows) {
    if (!keyRing.isStale(row.value)) {
      counts.unchanged++;
      continue;
    }
    let plain: string;
    try {
      plain = openVaultValue(keyRing, row.id, row.requestId, row.value);
    } catch (err) {
      throw new DecryptionError(`vault entry ${row.id}: ${(err as Error).message}`);
    }
    counts.reencrypted++;
    await tx
      .update(coordinationVaultEntries)
      .set(sealVaultValue(keyRing, row.id, row.requestId, plain))
      .where(eq(coordinationVaultEntries.id, row.id));
  }
  return counts;
}
