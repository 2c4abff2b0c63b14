import { createHash, randomInt } from 'node:crypto';
import { and, asc, count, eq, isNotNull, notLike } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { DecryptionError, KeyRing } from './crypto/key-ring.ts';

const ISSUER = 'TIPNet';
const TOLERANCE_SECONDS = 30;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export const newTotpSecret = () => generateSecret();

/** What users.totp_secret held before encryption at rest: the bare base32 secret. */
const CLEAR_SECRET = /^[A-Z2-7]+=*$/;
/** Binds a stored secret to its user: copied onto another account it fails to decrypt. */
const secretAad = (userId: string) => `users.totp_secret:${userId}`;

/** The value to store in users.totp_secret: the secret encrypted under the current key. */
export const sealTotpSecret = (keyRing: KeyRing, userId: string, secret: string) =>
  keyRing.encrypt(secret, secretAad(userId));

/**
 * The secret stored in users.totp_secret, and whether the stored value should be rewritten (still in
 * clear from before encryption at rest, or under an older key): callers that write the row anyway
 * re-seal it, and `npm run keys:rotate` does so for every row. Throws DecryptionError for a value that
 * is neither a valid ciphertext for this user nor a clear base32 secret.
 */
export function openTotpSecret(
  keyRing: KeyRing,
  userId: string,
  stored: string,
): { secret: string; stale: boolean } {
  if (!KeyRing.isCiphertext(stored)) {
    if (!CLEAR_SECRET.test(stored)) throw new DecryptionError('users.totp_secret is not in a known format');
    return { secret: stored, stale: true };
  }
  return { secret: keyRing.decrypt(stored, secretAad(userId)), stale: keyRing.isStale(stored) };
}

export async function totpEnrolment(secret: string, email: string) {
  const otpauthUrl = generateURI({ issuer: ISSUER, label: email, secret });
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUrl, qrSvg };
}

/** The time step the code matched, or null. Callers reject steps already used (no replay). */
export async function matchTotp(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = (await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
  })) as { valid: boolean; timeStep?: number };
  return result.valid && typeof result.timeStep === 'number' ? result.timeStep : null;
}

/** Ten codes of 10 characters (about 49 bits each), shown once as "xxxxx-xxxxx". */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(
      { length: 10 },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    ).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');
export const hashRecoveryCode = (code: string) =>
  createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');

export type ReencryptCounts = {
  /** Rows holding a TOTP secret. */
  checked: number;
  /** Were in clear (from before encryption at rest); now encrypted. */
  encrypted: number;
  /** Were under an older key; now under the current one. */
  reencrypted: number;
  /** Already under the current key; left as they were. */
  unchanged: number;
};

/**
 * Re-seals every stored TOTP secret under the current key, in the caller's transaction (rows locked).
 * The first value that cannot be read throws, naming the user, so the caller's transaction rolls back.
 */
export async function reencryptTotpSecrets(tx: Db, keyRing: KeyRing): Promise<ReencryptCounts> {
  const rows = await tx
    .select({ id: users.id, totpSecret: users.totpSecret })
    .from(users)
    .where(isNotNull(users.totpSecret))
    .orderBy(asc(users.id))
    .for('update');
  const counts: ReencryptCounts = { checked: rows.length, encrypted: 0, reencrypted: 0, unchanged: 0 };
  for (const row of rows) {
    const stored = row.totpSecret!;
    let secret: string;
    try {
      ({ secret } = openTotpSecret(keyRing, row.id, stored));
    } catch (err) {
      throw new DecryptionError(`TOTP secret of user ${row.id}: ${(err as Error).message}`);
    }
    if (!keyRing.isStale(stored)) {
      counts.unchanged++;
      continue;
    }
    if (KeyRing.isCiphertext(stored)) counts.reencrypted++;
    else counts.encrypted++;
    await tx
      .update(users)
      .set({ totpSecret: sealTotpSecret(keyRing, row.id, secret) })
      .where(eq(users.id, row.id));
  }
  return counts;
}

/** How many TOTP secrets are still stored in clear (a startup warning until keys:rotate has run). */
export async function countClearTotpSecrets(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(isNotNull(users.totpSecret), notLike(users.totpSecret, 'v1:%')));
  return row?.n ?? 0;
}
