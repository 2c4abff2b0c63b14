import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random one-time token for links and cookies; only its hash is stored. */
export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A short-lived, tamper-proof value (e.g. a pending 2FA login) that needs no database row. */
export function signValue(secret: string, payload: string): string {
  const mac = createHmac('sha256', secret).update(payload).digest('base64url');
  return `${Buffer.from(payload).toString('base64url')}.${mac}`;
}

export function verifySignedValue(secret: string, signed: string): string | null {
  const [encoded, mac] = signed.split('.');
  if (!encoded || !mac) return null;
  const payload = Buffer.from(encoded, 'base64url').toString();
  const expected = createHmac('sha256', secret).update(payload).digest();
  const given = Buffer.from(mac, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? payload : null;
}
