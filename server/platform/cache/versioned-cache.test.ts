import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { cacheUsage, changeVersion, versionedCache } from './versioned-cache.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('versioned cache', () => {
  it('computes once per key until the guarded tables change, whoever writes', async () => {
    const cache = versionedCache<{ n: number }>('directory', { name: 'test', entries: 10, megabytes: 1 });
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    expect(await cache(t.db, 'k', compute)).toEqual({ n: 1 });
    expect(await cache(t.db, 'k', compute)).toEqual({ n: 1 });
    expect(await cache(t.db, 'other', compute)).toEqual({ n: 2 });

    const before = await changeVersion(t.db, 'directory');
    const org = await t.buildOrganisation();
    await t.db.execute(sql`update organisations set website = 'https://example.org' where id = ${org.id}`);
    expect(await changeVersion(t.db, 'directory')).toBeGreaterThan(before);
    expect(await cache(t.db, 'k', compute)).toEqual({ n: 3 });
    expect(await cache(t.db, 'k', compute)).toEqual({ n: 3 });
  });

  it('shares one computation among requests that miss on the same key at once', async () => {
    const cache = versionedCache<{ n: number }>('directory', { name: 'test', entries: 10, megabytes: 1 });
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { n: computed };
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => cache(t.db, 'same', compute)));
    expect(computed).toBe(1);
    expect(new Set(results).size).toBe(1);
  });

  it('computes again once a result stops holding with time, and not for a request from before it was made', async () => {
    const cache = versionedCache<{ n: number; until: Date }>(
      'directory',
      { name: 'test', entries: 10, megabytes: 1 },
      (v) => v.until,
    );
    let computed = 0;
    const at = (ms: number) => new Date(Date.UTC(2026, 10, 26) + ms);
    const compute = async () => ({ n: ++computed, until: at(1000) });
    expect((await cache(t.db, 'k', compute, { now: at(0) })).n).toBe(1);
    expect((await cache(t.db, 'k', compute, { now: at(999) })).n).toBe(1);
    expect((await cache(t.db, 'k', compute, { now: at(1000) })).n).toBe(2);
    expect((await cache(t.db, 'k', compute, { now: at(-1) })).n).toBe(3);
  });

  it('moves with any of several counters', async () => {
    const cache = versionedCache<{ n: number }>(['problems', 'directory'], {
      name: 'test',
      entries: 10,
      megabytes: 1,
    });
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    await cache(t.db, 'k', compute);
    await t.buildOrganisation();
    expect(await cache(t.db, 'k', compute)).toEqual({ n: 2 });
    await t.buildUser();
    expect(await cache(t.db, 'k', compute)).toEqual({ n: 3 });
    expect(await cache(t.db, 'k', compute)).toEqual({ n: 3 });
  });

  it('drops the least recently used results once their memory budget is spent, whatever their number', async () => {
    const cache = versionedCache<{ n: number; text: string }>('directory', {
      name: 'budget-test',
      entries: 100,
      megabytes: 1,
    });
    let computed = 0;
    // About 300 KB each, half the object and half the JSON it is sent as: three fit in a megabyte, four do not.
    const compute = async () => ({ n: ++computed, text: 'x'.repeat(150_000) });
    for (const key of ['a', 'b', 'c', 'd']) await cache(t.db, key, compute);
    expect((await cache(t.db, 'd', compute)).n).toBe(4);
    expect((await cache(t.db, 'b', compute)).n).toBe(2);
    expect((await cache(t.db, 'a', compute)).n).toBe(5);
    const usage = cacheUsage().find((c) => c.name === 'budget-test');
    expect(usage?.entries).toBe(3);
    expect(usage?.bytes).toBeGreaterThan(900_000);
    expect(usage?.bytes).toBeLessThanOrEqual(1_048_576);
    // A result larger than the whole budget is served but not kept.
    const huge = async () => ({ n: ++computed, text: 'x'.repeat(2_000_000) });
    expect((await cache(t.db, 'huge', huge)).n).toBe(6);
    expect((await cache(t.db, 'huge', huge)).n).toBe(7);
  });

  it('recomputes when asked for a fresh result, and keeps that one', async () => {
    const cache = versionedCache<{ n: number }>('directory', { name: 'test', entries: 10, megabytes: 1 });
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    await cache(t.db, 'k', compute);
    expect(await cache(t.db, 'k', compute, { fresh: true })).toEqual({ n: 2 });
    expect(await cache(t.db, 'k', compute)).toEqual({ n: 2 });
  });

  it('moves for an update of any organisation column the directory shows, not for a reminder sent', async () => {
    const org = await t.buildOrganisation();
    const before = await changeVersion(t.db, 'directory');
    await t.db
      .update(organisations)
      .set({ staleReminderSentAt: new Date() })
      .where(eq(organisations.id, org.id));
    expect(await changeVersion(t.db, 'directory')).toBe(before);

    const watched = await t.db.execute<{ column: string }>(sql`
      select a.attname as column from pg_trigger t
      join pg_attribute a on a.attrelid = t.tgrelid and a.attnum = any(t.tgattr::int2[])
      where t.tgname = 'organisations_directory_updated'`);
    const all = await t.db.execute<{ column: string }>(sql`
      select column_name as column from information_schema.columns where table_name = 'organisations'`);
    const names = (result: unknown) =>
      (result as { rows: { column: string }[] }).rows.map((r) => r.column).sort();
    expect(names(watched)).toEqual(names(all).filter((c) => c !== 'stale_reminder_sent_at'));
  });

  it('does not move for a write the writer rolled back', async () => {
    const before = await changeVersion(t.db, 'directory');
    await expect(
      t.db.transaction(async (tx) => {
        await tx.update(organisations).set({ website: null }).where(eq(organisations.nameEn, 'nobody'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await changeVersion(t.db, 'directory')).toBe(before);
  });
});

describe('directory list served from the cache', () => {
  it('shows a change at once: a new organisation, then its verification', async () => {
    const { cookie } = await t.signedIn({ role: 'admin' });
    const list = async (qs: string) =>
      (await t.request('GET', `/api/v1/organizations?${qs}`, { cookie })).body;
    expect((await list('q=qwertz&facets=1')).facets.total).toBe(0);

    const org = await t.buildOrganisation({ nameEn: 'Qwertz Shelter' });
    const found = await list('q=qwertz&facets=1');
    expect(found.items.map((o: { nameEn: string }) => o.nameEn)).toEqual(['Qwertz Shelter']);
    expect(found.facets.verified).toBe(0);

    const verify = await t.request('POST', `/api/v1/organizations/${org.id}/verify`, { cookie });
    expect(verify.status).toBe(200);
    expect((await list('q=qwertz&facets=1')).facets.verified).toBe(1);
  });
});
