import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateKeys, runKeysRotate } from '../../cli/keys-rotate.ts';
import { auditEvents, users } from '../../db/schema/index.ts';
import { EncryptionKey, KeyRing, parseEncryptionKeys } from '../../platform/crypto/key-ring.ts';
import { openTotpSecret } from '../../platform/totp.ts';
import { buildTestApp, TEST_ENCRYPTION_KEYS, type TestApp } from '../../test/test-app.ts';

const testKeys = parseEncryptionKeys(TEST_ENCRYPTION_KEYS).keys;

/** Finding 9: users.totp_secret is encrypted at rest under the configured key ring. */
describe('TOTP secrets at rest', () => {
  let t: TestApp;
  let original: KeyRing;
  beforeAll(async () => {
    t = await buildTestApp();
    original = t.deps.keyRing;
  });
  afterAll(() => t.close());

  const epoch = () => Math.floor(t.clock.now().getTime() / 1000);
  const codeFor = (secret: string) => generate({ secret, epoch: epoch() });
  const stored = async (userId: string) =>
    (await t.db.select({ s: users.totpSecret }).from(users).where(eq(users.id, userId)))[0]!.s!;
  const setStored = (userId: string, value: string) =>
    t.db.update(users).set({ totpSecret: value }).where(eq(users.id, userId));

  async function enrolled() {
    const { user, cookie } = await t.signedIn();
    const setup = await t.request('POST', '/api/v1/me/totp/setup', { cookie });
    const secret: string = setup.body.secret;
    const confirmed = await t.request('POST', '/api/v1/me/totp/confirm', {
      cookie,
      body: { code: await codeFor(secret) },
    });
    expect(confirmed.status).toBe(200);
    t.clock.advance(30_000); // the confirming code cannot be replayed at sign-in
    return { user, secret };
  }

  async function signIn(user: { email: string; password: string }, secret: string) {
    const first = await t.request('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(first.body.status).toBe('totp_required');
    const res = await t.request('POST', '/api/v1/auth/login/totp', {
      body: { challenge: first.body.challenge, code: await codeFor(secret) },
    });
    t.clock.advance(30_000);
    return res.status;
  }

  it('stores the secret encrypted, never in clear, and still signs in with it', async () => {
    const { user, secret } = await enrolled();
    const value = await stored(user.id);
    expect(value).not.toContain(secret);
    expect(value).toMatch(/^v1:test1:/);
    expect(openTotpSecret(t.deps.keyRing, user.id, value)).toEqual({ secret, stale: false });
    expect(await signIn(user, secret)).toBe(200);
  });

  it('signs in with a secret under an older key after a new key is put first, and re-seals it', async () => {
    const { user, secret } = await enrolled();
    const before = await stored(user.id);
    t.deps.keyRing = new KeyRing([new EncryptionKey('k2', randomBytes(32)), ...testKeys]);
    try {
      expect(await signIn(user, secret)).toBe(200);
      const after = await stored(user.id);
      expect(after).toMatch(/^v1:k2:/);
      expect(after).not.toBe(before);
      expect(await signIn(user, secret)).toBe(200);
    } finally {
      t.deps.keyRing = original;
      await setStored(user.id, before); // k2 is gone again: leave nothing under it
    }
  });

  it('accepts a secret still in clear from before encryption, and encrypts it at the next sign-in', async () => {
    const { user, secret } = await enrolled();
    await setStored(user.id, secret);
    expect(await signIn(user, secret)).toBe(200);
    expect(await stored(user.id)).toMatch(/^v1:test1:/);
    expect(await signIn(user, secret)).toBe(200);
  });

  it('refuses a tampered or moved secret: the sign-in fails, nothing is revealed', async () => {
    const { user, secret } = await enrolled();
    const other = await enrolled();
    const value = await stored(user.id);
    const body = value.split(':')[3]!;
    await setStored(user.id, value.replace(body, (body[0] === 'A' ? 'B' : 'A') + body.slice(1)));
    const tampered = await signIn(user, secret);
    expect(tampered).toBe(500);
    // Someone else's ciphertext (its secret known to the attacker) does not decrypt for this account.
    await setStored(user.id, await stored(other.user.id));
    expect(await signIn(user, other.secret)).toBe(500);
    await setStored(user.id, value);
    expect(await signIn(user, secret)).toBe(200);
  });

  it('keys:rotate re-encrypts every secret under the current key in one audited transaction', async () => {
    const a = await enrolled();
    const b = await enrolled();
    await setStored(b.user.id, b.secret); // one left in clear
    const k3Key = new EncryptionKey('k3', randomBytes(32));
    const k3 = new KeyRing([k3Key, ...testKeys]);
    const withSecrets = (await t.db.select({ s: users.totpSecret }).from(users)).filter((r) => r.s).length;

    const counts = await rotateKeys(t.db, k3, t.clock.now());
    expect(counts.checked).toBe(withSecrets);
    expect(counts.encrypted).toBe(1);
    expect(counts.reencrypted).toBe(withSecrets - 1);
    expect(counts.unchanged).toBe(0);
    const all = await t.db.select({ s: users.totpSecret }).from(users);
    for (const { s } of all) if (s) expect(s).toMatch(/^v1:k3:/);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'system.encryption_keys_rotated'));
    expect(event!.changes).toMatchObject({ currentKeyId: 'k3', encrypted: 1, reencrypted: withSecrets - 1 });

    // The old key can now be dropped: the new key alone reads everything.
    t.deps.keyRing = new KeyRing([k3Key]);
    try {
      expect(await signIn(a.user, a.secret)).toBe(200);
      expect(await signIn(b.user, b.secret)).toBe(200);
      expect((await rotateKeys(t.db, t.deps.keyRing, t.clock.now())).unchanged).toBe(withSecrets);
    } finally {
      t.deps.keyRing = original;
    }
    // And back, so that the test key reads everything again.
    const back = await rotateKeys(t.db, new KeyRing([...testKeys, k3Key]), t.clock.now());
    expect(back.reencrypted).toBe(withSecrets);
  });

  it('keys:rotate changes nothing when one value cannot be read', async () => {
    const a = await enrolled();
    const b = await enrolled();
    await setStored(b.user.id, 'v1:gone:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAA');
    const before = await stored(a.user.id);
    const events = (await t.db.select().from(auditEvents)).length;
    const ring = new KeyRing([new EncryptionKey('k4', randomBytes(32)), ...testKeys]);
    await expect(rotateKeys(t.db, ring, t.clock.now())).rejects.toThrow(
      new RegExp(`TOTP secret of user ${b.user.id}: .*key "gone"`),
    );
    expect(await stored(a.user.id)).toBe(before);
    expect((await t.db.select().from(auditEvents)).length).toBe(events);
    await setStored(b.user.id, await stored(a.user.id)); // tidy for the next tests: a valid-format value
  });

  it('keys:rotate needs TIPNET_ENCRYPTION_KEYS', async () => {
    const result = await runKeysRotate({ NODE_ENV: 'development', SESSION_SECRET: 'x'.repeat(32) });
    expect(result.exitCode).toBe(2);
    expect(result.message).toMatch(/TIPNET_ENCRYPTION_KEYS is not set/);
  });
});
