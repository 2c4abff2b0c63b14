/**
 * `npm run keys:rotate`: re-encrypts every value encrypted at rest (users.totp_secret, the coordination
 * vault's coordination_vault_entries.value and its document photos, coordination_vault_photos.data) under the
 * current key, the first of TIPNET_ENCRYPTION_KEYS, in one transaction with its audit event; values
 * still in clear from before encryption at rest are encrypted too. Either every value is rewritten or,
 * when one cannot be read (its key is missing from the ring, or it was altered), none is.
 */
import { ConfigError, keyRingFor, loadConfig } from '../config.ts';
import { type Db, openDatabase } from '../db/client.ts';
import {
  reencryptVaultEntries,
  reencryptVaultPhotos,
  type VaultReencryptCounts,
} from '../modules/vault/index.ts';
import { recordAudit } from '../platform/audit.ts';
import type { KeyRing } from '../platform/crypto/key-ring.ts';
import { runningServer } from '../platform/local-admin.ts';
import { type ReencryptCounts, reencryptTotpSecrets } from '../platform/totp.ts';

/** Every encrypted field re-sealed under the current key, with its audit event, in one transaction. */
export function rotateKeys(
  db: Db,
  keyRing: KeyRing,
  now: Date,
): Promise<ReencryptCounts & { vault: VaultReencryptCounts; vaultPhotos: VaultReencryptCounts }> {
  return db.transaction(async (tx) => {
    const totp = await reencryptTotpSecrets(tx, keyRing);
    const vault = await reencryptVaultEntries(tx, keyRing);
    const vaultPhotos = await reencryptVaultPhotos(tx, keyRing);
    const ctx = { actor: null, ip: null, userAgent: 'tipnet-cli keys:rotate', now };
    await recordAudit(tx, ctx, {
      action: 'system.encryption_keys_rotated',
      entityType: 'system',
      // Counts only: which fields, how many values; never a value.
      changes: {
        currentKeyId: keyRing.currentKeyId,
        field: 'users.totp_secret',
        ...totp,
        vault: { field: 'coordination_vault_entries.value', ...vault },
        vaultPhotos: { field: 'coordination_vault_photos.data', ...vaultPhotos },
      },
    });
    return { ...totp, vault, vaultPhotos };
  });
}

export async function runKeysRotate(
  env: NodeJS.ProcessEnv = process.env,
  now = new Date(),
): Promise<{ exitCode: number; message: string }> {
  const config = loadConfig(env);
  const { keyRing, development } = keyRingFor(config);
  if (development)
    return {
      exitCode: 2,
      message:
        'TIPNET_ENCRYPTION_KEYS is not set: there is no key to rotate to. Set it, e.g. ' +
        'TIPNET_ENCRYPTION_KEYS="k1:<base64 of 32 random bytes>", and run keys:rotate again.',
    };
  const server = config.databaseUrl ? null : runningServer(config.dataDir);
  if (server)
    return {
      exitCode: 2,
      message: `The server (pid ${server.pid}) is running on ${config.dataDir}: stop it first; the embedded database has one process.`,
    };
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 1,
  });
  try {
    const counts = await rotateKeys(database.db, keyRing, now);
    const older = keyRing.keyIds.filter((id) => id !== keyRing.currentKeyId);
    return {
      exitCode: 0,
      message: [
        `TOTP secrets: ${counts.checked} checked, ${counts.reencrypted} re-encrypted from an older key, ` +
          `${counts.encrypted} encrypted from clear, ${counts.unchanged} already under "${keyRing.currentKeyId}".`,
        `Vault values: ${counts.vault.checked} checked, ${counts.vault.reencrypted} re-encrypted from an older key, ` +
          `${counts.vault.unchanged} already under "${keyRing.currentKeyId}".`,
        `Vault photos: ${counts.vaultPhotos.checked} checked, ${counts.vaultPhotos.reencrypted} re-encrypted from an older key, ` +
          `${counts.vaultPhotos.unchanged} already under "${keyRing.currentKeyId}".`,
        `Every encrypted value is now under key "${keyRing.currentKeyId}".` +
          (older.length ? ` No value needs ${older.map((id) => `"${id}"`).join(', ')} any more.` : ''),
      ].join('\n'),
    };
  } catch (err) {
    return {
      exitCode: 1,
      message: `keys:rotate changed nothing: ${(err as Error).message}`,
    };
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runKeysRotate()
    .then(({ exitCode, message }) => {
      (exitCode === 0 ? console.log : console.error)(message);
      process.exit(exitCode);
    })
    .catch((err) => {
      console.error(
        err instanceof ConfigError ? err.message : `keys:rotate failed: ${(err as Error).message}`,
      );
      process.exit(2);
    });
}
