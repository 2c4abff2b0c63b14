import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DecryptionError, EncryptionKey, KeyRing, parseEncryptionKeys } from './key-ring.ts';

const key = (id: string) => new EncryptionKey(id, randomBytes(32));

/** The same ciphertext with one base64url character of its data part changed. */
function tamper(ciphertext: string, part: 2 | 3): string {
  const parts = ciphertext.split(':');
  const text = parts[part]!;
  const i = Math.floor(text.length / 2);
  parts[part] = text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
  return parts.join(':');
}

describe('KeyRing', () => {
  it('encrypts under the first key into a self-describing value and decrypts it', () => {
    const ring = new KeyRing([key('k2'), key('k1')]);
    const sealed = ring.encrypt('JBSWY3DPEHPK3PXP', 'users.totp_secret:u1');
    expect(sealed).toMatch(/^v1:k2:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(ring.decrypt(sealed, 'users.totp_secret:u1')).toBe('JBSWY3DPEHPK3PXP');
    // A fresh IV every time: equal secrets do not give equal values.
    expect(ring.encrypt('JBSWY3DPEHPK3PXP', 'users.totp_secret:u1')).not.toBe(sealed);
    expect(ring.decrypt(ring.encrypt('ไทย ✓'))).toBe('ไทย ✓');
  });

  it('decrypts with an older key of the ring and tells which values are stale', () => {
    const k1 = key('k1');
    const old = new KeyRing([k1]).encrypt('secret', 'a');
    const rotated = new KeyRing([key('k2'), k1]);
    expect(rotated.decrypt(old, 'a')).toBe('secret');
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.isStale(rotated.encrypt('secret', 'a'))).toBe(false);
    expect(rotated.isStale('JBSWY3DPEHPK3PXP')).toBe(true);
    // Once the old key is dropped, its values no longer decrypt: rotate first.
    expect(() => new KeyRing([key('k2')]).decrypt(old, 'a')).toThrow(/key "k1", which is not in/);
  });

  it('refuses tampered, moved or malformed values', () => {
    const ring = new KeyRing([key('k1'), key('k0')]);
    const sealed = ring.encrypt('JBSWY3DPEHPK3PXP', 'users.totp_secret:u1');
    const fails = (value: string, aad = 'users.totp_secret:u1') => {
      expect(() => ring.decrypt(value, aad)).toThrow(DecryptionError);
    };
    fails(tamper(sealed, 3)); // ciphertext or tag
    fails(tamper(sealed, 2)); // IV
    fails(sealed.replace('v1:k1:', 'v1:k0:')); // claimed under another key of the ring
    fails(sealed, 'users.totp_secret:u2'); // moved to another row
    fails(sealed.slice(0, -4)); // truncated tag
    fails('v1:k1:abc');
    fails('JBSWY3DPEHPK3PXP');
    try {
      ring.decrypt(tamper(sealed, 3), 'users.totp_secret:u1');
    } catch (err) {
      expect((err as Error).message).not.toContain('JBSWY3DPEHPK3PXP');
    }
  });

  it('never shows key material when logged or serialised', () => {
    const material = randomBytes(32);
    const k = new EncryptionKey('k1', material);
    const ring = new KeyRing([k]);
    for (const shown of [JSON.stringify({ k, ring }), inspect(k), inspect(ring), String(k)]) {
      expect(shown).not.toContain(material.toString('base64'));
      expect(shown).not.toContain(material.toString('hex'));
    }
    expect(JSON.parse(JSON.stringify(ring))).toEqual({ currentKeyId: 'k1', keyIds: ['k1'] });
  });
});

describe('parseEncryptionKeys', () => {
  const b64 = () => randomBytes(32).toString('base64');

  it('reads "id:base64" entries, first one current', () => {
    const { keys, problems } = parseEncryptionKeys(
      ` k2:${b64()} , k1:${randomBytes(32).toString('base64url')}`,
    );
    expect(problems).toEqual([]);
    expect(keys.map((k) => k.id)).toEqual(['k2', 'k1']);
  });

  it('names every bad entry without repeating the key', () => {
    const short = randomBytes(16).toString('base64');
    const { keys, problems } = parseEncryptionKeys(
      `k1:${short},nocolon,bad id:${b64()},dev:${b64()},k3:${b64()},k3:${b64()},k4:not*base64`,
    );
    expect(keys.map((k) => k.id)).toEqual(['k3']);
    expect(problems).toEqual([
      'entry 1 (k1): the key must be base64 of exactly 32 random bytes',
      'entry 2: expected "<id>:<base64 key>"',
      'entry 3: the id must be 1–32 letters, digits, "_" or "-"',
      'entry 4: the id "dev" is reserved',
      'entry 6: the id "k3" appears twice',
      'entry 7 (k4): the key must be base64 of exactly 32 random bytes',
    ]);
    expect(problems.join('\n')).not.toContain(short);
  });
});
