/**
 * Asking for a reset link answers before the address is even looked up, so how long the answer takes
 * cannot tell whether the address has an account. The lookup is held back here until both answers are in.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outboxEmails } from '../../db/schema/index.ts';
import { buildTestApp, TEST_ORIGIN, type TestApp } from '../../test/test-app.ts';

const lookup = vi.hoisted(() => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { gate, open, calls: 0 };
});

vi.mock('../users/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../users/index.ts')>();
  return {
    ...original,
    findUserByEmail: async (...args: Parameters<typeof original.findUserByEmail>) => {
      lookup.calls++;
      await lookup.gate;
      return original.findUserByEmail(...args);
    },
  };
});

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  lookup.open();
  await t.close();
});

/** The raw answer, without waiting for the work the request leaves for after it. */
async function requestReset(email: string) {
  const answer = t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset/request',
    headers: { origin: TEST_ORIGIN },
    payload: { email },
  });
  const late = new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 3_000));
  const res = await Promise.race([answer, late]);
  if (res === 'no answer') throw new Error(`no answer for ${email} while the account lookup was held back`);
  return res;
}

const outboxTo = (email: string) => t.db.select().from(outboxEmails).where(eq(outboxEmails.to, email));

describe('asking for a password reset link', () => {
  it('answers before looking the address up, the same for a known and an unknown address', async () => {
    const user = await t.buildUser();
    const known = await requestReset(user.email);
    const unknown = await requestReset('nobody-at-all@example.test');

    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.json()).toEqual(known.json());
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
    expect(await outboxTo(user.email)).toHaveLength(0); // the work has not run yet

    lookup.open();
    await t.app.afterResponseSettled();
    expect(lookup.calls).toBe(2);
    expect((await outboxTo(user.email)).map((m) => m.kind)).toEqual(['password_reset']);
    expect(await outboxTo('nobody-at-all@example.test')).toHaveLength(0);
  });
});
