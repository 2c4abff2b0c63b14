import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../common/time.ts';
import { idempotencyKeys, type OrganisationRow } from '../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import { runRetention } from './retention.ts';

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['signedIn']>>;
let mirror: OrganisationRow;
let reporter: Who;
let colleague: Who;
let problemId: string;

beforeAll(async () => {
  t = await buildTestApp();
  mirror = await t.buildOrganisation({ nameEn: 'Mirror Test', sector: 'civil_society' });
  reporter = await t.signedIn({ role: 'member', organisationId: mirror.id });
  colleague = await t.signedIn({ role: 'org_admin', organisationId: mirror.id });
  problemId = (await raise(reporter)).body.id;
});
afterAll(() => t.close());

const problemBody = {
  type: 'problem',
  title: 'ล่ามภาษาเมียนมาไม่พอที่ท่าเรือระนอง',
  body: 'การคัดแยกผู้เสียหายต้องรอล่ามหลายวัน',
  category: 'victim_identification',
};

function raise(by: Who, key?: string) {
  return t.request('POST', '/api/v1/problems', {
    cookie: by.cookie,
    body: problemBody,
    headers: key ? { 'idempotency-key': key } : {},
  });
}

function comment(by: Who, key: string | undefined, body = 'ส่งซ้ำตอนสัญญาณหลุด', onProblem = problemId) {
  return t.request('POST', `/api/v1/problems/${onProblem}/comments`, {
    cookie: by.cookie,
    body: { body },
    headers: key ? { 'idempotency-key': key } : {},
  });
}

async function count(table: 'problems' | 'problem_comments' | 'audit_events' | 'idempotency_keys') {
  const [row] = (await t.deps.database.query(`select count(*)::int as n from ${table}`)) as { n: number }[];
  return row!.n;
}

async function counts() {
  return {
    problems: await count('problems'),
    comments: await count('problem_comments'),
    audit: await count('audit_events'),
  };
}

describe('Idempotency-Key on creates', () => {
  it('answers a retried comment with the first response and posts it once', async () => {
    const key = randomUUID();
    const before = await counts();
    const first = await comment(reporter, key);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const after = await counts();

    const retry = await comment(reporter, key);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toMatch(/^application\/json/);
    expect(retry.raw.body).toBe(first.raw.body);
    expect(await counts()).toEqual(after);
    expect(after).toEqual({ ...before, comments: before.comments + 1, audit: before.audit + 1 });
  });

  it('raises a problem once however often the same submission is sent', async () => {
    const key = randomUUID();
    const before = await count('problems');
    const sent = await Promise.all([raise(reporter, key), raise(reporter, key)]);
    const again = await raise(reporter, key);
    expect(await count('problems')).toBe(before + 1);
    const created = [...sent, again].filter((r) => r.status === 201);
    // Sent together, the second waits for the first: it replays it, or is told the first is still running.
    expect(sent.map((r) => r.status).every((s) => s === 201 || s === 409)).toBe(true);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('accepts the key as the draft writes it, a quoted string', async () => {
    const key = `"${randomUUID()}"`;
    const first = await comment(reporter, key, 'ส่งด้วยคีย์ในเครื่องหมายคำพูด');
    const retry = await comment(reporter, key.slice(1, -1), 'ส่งด้วยคีย์ในเครื่องหมายคำพูด');
    expect(first.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
  });

  it('refuses the same key with another body (422) or on another problem, writing nothing', async () => {
    const key = randomUUID();
    expect((await comment(reporter, key, 'ข้อความแรก')).status).toBe(201);
    const other = (await raise(reporter)).body.id as string;
    const before = await counts();

    const changed = await comment(reporter, key, 'ข้อความที่แก้แล้ว');
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const elsewhere = await comment(reporter, key, 'ข้อความแรก', other);
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['too short', 'abc-123'],
    ['characters outside the safe set', 'ความเห็น-ความเห็น-ความเห็น'],
    ['spaces', 'a key with spaces in it'],
    ['too long', 'k'.repeat(129)],
  ])('answers 400 to a malformed key (%s) and posts nothing', async (_, key) => {
    const before = await counts();
    const res = await comment(reporter, key);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(await counts()).toEqual(before);
  });

  it('keeps the keys of different users apart', async () => {
    const key = randomUUID();
    const before = await count('problem_comments');
    const mine = await comment(reporter, key);
    const theirs = await comment(colleague, key);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await count('problem_comments')).toBe(before + 2);
  });

  it('answers 409 while the first request with the key has not been answered yet', async () => {
    const key = randomUUID();
    await comment(reporter, key);
    // What a retry sees between the first request's commit and its response being stored.
    await t.db
      .update(idempotencyKeys)
      .set({ responseStatus: null, responseBody: null })
      .where(eq(idempotencyKeys.key, key));
    const before = await count('problem_comments');
    const res = await comment(reporter, key);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
    expect(await count('problem_comments')).toBe(before);
  });

  it('keeps no key for a request that wrote nothing, so the key still works for it later', async () => {
    const key = randomUUID();
    const missing = await comment(reporter, key, 'ความเห็น', randomUUID());
    expect(missing.status).toBe(404);
    expect(await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toEqual([]);
    expect((await comment(reporter, key)).status).toBe(201);
  });

  it('claims the key in the transaction of the comment: a failure there leaves neither', async () => {
    const key = randomUUID();
    const database = t.deps.database;
    // The database fails the comment's audit event, the last write of its transaction (after the claim).
    await database.query(`create function fail_comment_audit() returns trigger language plpgsql as
      $$ begin raise exception 'simulated crash'; end $$`);
    await database.query(`create trigger fail_comment_audit before insert on audit_events for each row
      when (new.action = 'problem.comment_created') execute function fail_comment_audit()`);
    const before = await count('problem_comments');
    try {
      expect((await comment(reporter, key, 'ล้มกลางทาง')).status).toBe(500);
    } finally {
      await database.query('drop trigger fail_comment_audit on audit_events');
      await database.query('drop function fail_comment_audit()');
    }
    expect(await count('problem_comments')).toBe(before);
    expect(await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toEqual([]);

    const retry = await comment(reporter, key, 'ล้มกลางทาง');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('problem_comments')).toBe(before + 1);
  });

  it('still posts every time without a key', async () => {
    const before = await count('problem_comments');
    await comment(reporter, undefined, 'ไม่มีคีย์');
    await comment(reporter, undefined, 'ไม่มีคีย์');
    expect(await count('problem_comments')).toBe(before + 2);
  });

  it('is forgotten by the retention job after 24 hours, not before', async () => {
    const key = randomUUID();
    await comment(reporter, key, 'เก็บคีย์ไว้หนึ่งวัน');
    t.clock.advance(23 * HOUR_MS);
    await runRetention(t.deps);
    const kept = await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(kept).toHaveLength(1);

    t.clock.advance(2 * HOUR_MS);
    const report = await runRetention(t.deps);
    expect(report.idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toEqual([]);
  });
});

describe('OpenAPI', () => {
  it('documents the reusable Idempotency-Key header on every create, and only there', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).body;
    const ref = { $ref: '#/components/parameters/IdempotencyKey' };
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
    for (const path of ['/api/v1/problems', '/api/v1/problems/{id}/comments', '/api/v1/people']) {
      const create = doc.paths[path].post;
      expect(create.parameters, path).toContainEqual(ref);
      expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '409', '422']));
      expect(create.responses['201'].headers).toHaveProperty('Idempotent-Replayed');
    }
    expect(doc.paths['/api/v1/problems/{id}/transitions'].post.parameters ?? []).not.toContainEqual(ref);
  });
});
