/**
 * Sealing vault values with the shared key ring. The associated data binds a value to its entry and
 * request: copied onto another row it fails to decrypt instead of revealing itself there.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { coordinationVaultEntries, coordinationVaultPhotos } from '../../db/schema/index.ts';
import { DecryptionError, type KeyRing } from '../../platform/crypto/key-ring.ts';

const aad = (entryId: string, requestId: string) =>
  `coordination_vault_entries.value:${entryId}:${requestId}`;

export function sealVaultValue(keyRing: KeyRing, entryId: string, requestId: string, value: string) {
  return { value: keyRing.encrypt(value, aad(entryId, requestId)), keyId: keyRing.currentKeyId };
}

export const openVaultValue = (keyRing: KeyRing, entryId: string, requestId: string, stored: string) =>
  keyRing.decrypt(stored, aad(entryId, requestId));

const photoAad = (photoId: string, requestId: string) =>
  `coordination_vault_photos.data:${photoId}:${requestId}`;

export function sealVaultPhoto(keyRing: KeyRing, photoId: string, requestId: string, bytes: Uint8Array) {
  return { data: keyRing.encryptBytes(bytes, photoAad(photoId, requestId)), keyId: keyRing.currentKeyId };
}

export const openVaultPhoto = (keyRing: KeyRing, photoId: string, requestId: string, stored: string) =>
  keyRing.decryptBytes(stored, photoAad(photoId, requestId));

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

/**
 * Re-seals every document photo not under the current key, in the caller's transaction. Photos are
 * large: the stale ones are locked by id first, then read and rewritten one at a time.
 */
export async function reencryptVaultPhotos(tx: Db, keyRing: KeyRing): Promise<VaultReencryptCounts> {
  const all = await tx
    .select({ id: coordinationVaultPhotos.id, keyId: coordinationVaultPhotos.keyId })
    .from(coordinationVaultPhotos)
    .orderBy(asc(coordinationVaultPhotos.id))
    .for('update');
  const stale = all.filter((p) => p.keyId !== keyRing.currentKeyId);
  const counts: VaultReencryptCounts = {
    checked: all.length,
    reencrypted: 0,
    unchanged: all.length - stale.length,
  };
  for (const { id } of stale) {
    const [row] = await tx
      .select({ requestId: coordinationVaultPhotos.requestId, data: coordinationVaultPhotos.data })
      .from(coordinationVaultPhotos)
      .where(eq(coordinationVaultPhotos.id, id));
    let bytes: Buffer;
    try {
      bytes = openVaultPhoto(keyRing, id, row!.requestId, row!.data);
    } catch (err) {
      throw new DecryptionError(`vault photo ${id}: ${(err as Error).message}`);
    }
    counts.reencrypted++;
    await tx
      .update(coordinationVaultPhotos)
      .set(sealVaultPhoto(keyRing, id, row!.requestId, bytes))
      .where(eq(coordinationVaultPhotos.id, id));
  }
  return counts;
}
