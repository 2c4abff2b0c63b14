import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWorld,
  type Method,
  methodOf,
  type Person,
  quickPerson,
  ROUTES,
  type RouteCase,
  type Sample,
  templateOf,
  type World,
} from './route-matrix.ts';
import { buildTestApp, TEST_ORIGIN, type TestApp } from './test-app.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const withBody = ROUTES.filter((c) => methodOf(c) !== 'GET');
const paged = ROUTES.filter((c) => c.paged);

/** A valid request for the route, as an admin on their own organisation (allowed everywhere). */
async function validSample(c: RouteCase, given?: Person): Promise<Sample & { cookie: string }> {
  // Requests that end or change their sender's session get a sender of their own.
  const person = given ?? (c.freshPerson ? await quickPerson(w, { role: 'admin' }) : w.people.admin);
  const sample = await c.sample({ w, who: 'admin', scope: 'own', person });
  return { ...sample, cookie: person.cookie };
}

/** Table sizes and last-change marks: a rejected request must leave every one of them as it was. */
async function snapshot() {
  const [row] = await t.deps.database.query(`select
    (select count(*)::int from audit_events) as audit_events,
    (select count(*)::int from users) as users,
    (select max(updated_at)::text from users) as users_changed,
    (select count(*)::int from sessions) as sessions,
    (select count(*)::int from invitations) as invitations,
    (select count(*)::int from invitations where revoked_at is not null or accepted_at is not null) as invitations_closed,
    (select count(*)::int from password_resets) as password_resets,
    (select count(*)::int from password_resets where used_at is not null) as password_resets_used,
    (select count(*)::int from outbox_emails) as outbox_emails,
    (select count(*)::int from recovery_codes) as recovery_codes,
    (select count(*)::int from organisations) as organisations`);
  return row;
}

const LEAK =
  /\n\s+at |\.ts:\d+|node_modules|\bselect\b[\s\S]*\bfrom\b|insert into|update \w+ set|violates|syntax error|relation "|pglite|postgres|drizzle|zod/i;

type Raw = { method: Method; url: string; payload?: string | Buffer; contentType?: string; cookie?: string };
async function send(req: Raw) {
  const headers: Record<string, string> = { origin: TEST_ORIGIN };
  if (req.cookie) headers.cookie = req.cookie;
  if (req.contentType) headers['content-type'] = req.contentType;
  const res = await t.app.inject({ method: req.method, url: req.url, headers, payload: req.payload });
  // A photo's view answers an image: only JSON answers are parsed.
  const isJson = String(res.headers['content-type'] ?? '').startsWith('application/json');
  const body = res.body && isJson ? JSON.parse(res.body) : undefined;
  expect(res.statusCode, `${req.method} ${req.url}: ${res.body}`).toBeLessThan(500);
  // Only error bodies are checked: a 200 may rightly echo data other tests stored (an SQL-looking display name).
  if (res.statusCode >= 400) expect(res.body).not.toMatch(LEAK);
  return { status: res.statusCode, body, headers: res.headers };
}

/** Sends a request that must be refused with `status`/`code`, and checks nothing was written. */
async function refused(req: Raw, status: number, code?: string) {
  const before = await snapshot();
  const res = await send(req);
  expect(res.status, `${req.method} ${req.url}: ${JSON.stringify(res.body)}`).toBe(status);
  if (code) expect(res.body.error.code).toBe(code);
  expect(res.body.error.requestId).toEqual(expect.any(String));
  expect(await snapshot()).toEqual(before);
  return res;
}

const json = (value: unknown) => JSON.stringify(value);

describe.each(withBody.map((c) => [c.route, c] as const))('%s with a bad body', (_route, c) => {
  it('answers 400 INVALID_JSON to malformed JSON', async () => {
    const s = await validSample(c);
    for (const payload of ['{"email": ', '{not json}', "{'single': 'quotes'}", '[1, 2,]']) {
      await refused(
        { method: methodOf(c), url: s.url, cookie: s.cookie, payload, contentType: 'application/json' },
        400,
        'INVALID_JSON',
      );
    }
  });

  it("answers 413 PAYLOAD_TOO_LARGE to a body over 64 KiB (or the route's own limit)", async () => {
    const s = await validSample(c);
    const payload = json({ ...(s.body as object), padding: 'x'.repeat((c.bodyLimit ?? 64 * 1024) + 1024) });
    await refused(
      { method: methodOf(c), url: s.url, cookie: s.cookie, payload, contentType: 'application/json' },
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('answers 415 to a body that is not JSON', async () => {
    const s = await validSample(c);
    for (const [contentType, payload] of [
      ['application/xml', '<login><email>a@b.c</email></login>'],
      ['application/x-www-form-urlencoded', 'email=a%40b.c&password=x'],
      ['text/plain', json(s.body ?? {})],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--',
      ],
    ] as const) {
      await refused(
        { method: methodOf(c), url: s.url, cookie: s.cookie, payload, contentType },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    }
  });

  it('refuses prototype-pollution keys', async () => {
    const s = await validSample(c);
    const body = json(s.body ?? {}).slice(0, -1);
    for (const extra of [
      '"__proto__": {"role": "admin"}',
      '"constructor": {"prototype": {"role": "admin"}}',
    ]) {
      const payload = `${body}${body.length > 1 ? ', ' : ''}${extra}}`;
      const res = await refused(
        { method: methodOf(c), url: s.url, cookie: s.cookie, payload, contentType: 'application/json' },
        400,
      );
      expect(['INVALID_JSON', 'VALIDATION_FAILED', 'BAD_REQUEST']).toContain(res.body.error.code);
    }
  });
});

describe('bodies with fields', () => {
  it('every route with a body schema is covered by the field tests', async () => {
    const fielded: string[] = [];
    for (const c of withBody) if ((await validSample(c)).body !== undefined) fielded.push(c.route);
    expect(fielded.length).toBeGreaterThanOrEqual(12);
  });

  it.each(withBody.map((c) => [c.route, c] as const))(
    '%s names each mistyped field in details',
    async (_r, c) => {
      const s = await validSample(c);
      if (s.body === undefined) return;
      for (const [field, value] of Object.entries(s.body as Record<string, unknown>)) {
        const wrong = typeof value === 'string' ? 12345 : typeof value === 'boolean' ? 'yes' : 'not a number';
        const res = await refused(
          {
            method: methodOf(c),
            url: s.url,
            cookie: s.cookie,
            payload: json({ ...(s.body as object), [field]: wrong }),
            contentType: 'application/json',
          },
          400,
          'VALIDATION_FAILED',
        );
        expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(`body.${field}`);
      }
    },
  );

  it.each(withBody.map((c) => [c.route, c] as const))(
    '%s refuses a missing body and an array body',
    async (_r, c) => {
      const s = await validSample(c);
      if (s.body === undefined) return;
      await refused(
        { method: methodOf(c), url: s.url, cookie: s.cookie, payload: '[]', contentType: 'application/json' },
        400,
        'VALIDATION_FAILED',
      );
      await refused(
        {
          method: methodOf(c),
          url: s.url,
          cookie: s.cookie,
          payload: 'null',
          contentType: 'application/json',
        },
        400,
      );
      const required =
        Object.keys(s.body as object).length > 0 &&
        c.route !== 'PATCH /api/v1/me' &&
        c.route !== 'PATCH /api/v1/users/:id';
      if (required) await refused({ method: methodOf(c), url: s.url, cookie: s.cookie }, 400);
    },
  );

  it.each(withBody.map((c) => [c.route, c] as const))('%s refuses unknown fields', async (_r, c) => {
    const s = await validSample(c);
    if (s.body === undefined) return;
    const res = await refused(
      {
        method: methodOf(c),
        url: s.url,
        cookie: s.cookie,
        payload: json({ ...(s.body as object), isAdmin: true }),
        contentType: 'application/json',
      },
      400,
      'VALIDATION_FAILED',
    );
    expect(JSON.stringify(res.body.error.details)).toContain('isAdmin');
  });
});

describe('ids in paths', () => {
  const withId = ROUTES.filter((c) => templateOf(c).includes(':id'));
  it('covers every route with an id', () => expect(withId.length).toBe(59));

  it.each(withId.map((c) => [c.route, c] as const))(
    '%s answers 400 to an id that is not a uuid',
    async (_r, c) => {
      const s = await validSample(c);
      const payload = s.body ? { payload: json(s.body), contentType: 'application/json' } : {};
      for (const bad of [
        'not-a-uuid',
        '1',
        "1' or '1'='1",
        '00000000-0000-0000-0000-00000000000g',
        '%00',
        '😀',
      ]) {
        const url = templateOf(c).replace(':id', encodeURIComponent(bad).replace('%2500', '%00'));
        const res = await refused(
          { method: methodOf(c), url, cookie: s.cookie, ...payload },
          400,
          'VALIDATION_FAILED',
        );
        expect(res.body.error.details[0].field).toBe('params.id');
      }
      // Fastify's router refuses these before the route: still the standard error body.
      for (const bad of ['x'.repeat(300), '%E0%A4%A', '%ZZ']) {
        await refused(
          { method: methodOf(c), url: templateOf(c).replace(':id', bad), cookie: s.cookie, ...payload },
          400,
          'INVALID_URL',
        );
      }
    },
  );
});

describe.each(paged.map((c) => [c.route, c] as const))('%s with a bad query', (_route, c) => {
  const base = templateOf(c);

  it('answers 400 INVALID_CURSOR to forged cursors', async () => {
    const b64 = (v: string) => Buffer.from(v).toString('base64url');
    const forged = [
      'garbage!!',
      b64('[]'),
      b64('{"k":"x"}'),
      b64('{"k":1,"id":2}'),
      b64(`{"k":"2026-01-01T00:00:00.000Z","id":"1; drop table users"}`),
      b64(`{"k":"2026-01-01T00:00:00.000Z","id":"' or 1=1 --"}`),
      b64('{"k":"2026-01-01T00:00:00.000Z","id":"99999999999999999999999"}'),
      b64('null'),
    ];
    for (const cursor of forged) {
      await refused(
        { method: 'GET', url: `${base}?cursor=${encodeURIComponent(cursor)}`, cookie: w.people.admin.cookie },
        400,
        'INVALID_CURSOR',
      );
    }
  });

  it('refuses unknown parameters, bad limits and over-long cursors, naming the field', async () => {
    const cookie = w.people.admin.cookie;
    const cases: [string, string][] = [
      ['isAdmin=true', 'isAdmin'],
      ['limit=abc', 'querystring.limit'],
      ['limit=0', 'querystring.limit'],
      ['limit=101', 'querystring.limit'],
      ['limit=1.5', 'querystring.limit'],
      [`cursor=${'a'.repeat(201)}`, 'querystring.cursor'],
    ];
    for (const [query, field] of cases) {
      const res = await refused({ method: 'GET', url: `${base}?${query}`, cookie }, 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(res.body.error.details)).toContain(field);
    }
  });

  it('pages through with real cursors', async () => {
    const first = await send({ method: 'GET', url: `${base}?limit=1`, cookie: w.people.admin.cookie });
    expect(first.status).toBe(200);
    if (first.body.nextCursor) {
      const next = await send({
        method: 'GET',
        url: `${base}?limit=1&cursor=${first.body.nextCursor}`,
        cookie: w.people.admin.cookie,
      });
      expect(next.status).toBe(200);
      expect(next.body.items[0]?.id).not.toBe(first.body.items[0].id);
    }
  });
});

describe('filters', () => {
  it.each([
    ['/api/v1/users?organisationId=nope', 'querystring.organisationId'],
    ['/api/v1/invitations?organisationId=nope', 'querystring.organisationId'],
    ['/api/v1/audit-events?actorId=nope', 'querystring.actorId'],
    ['/api/v1/audit-events?from=yesterday', 'querystring.from'],
    ['/api/v1/outbox?status=lost', 'querystring.status'],
    [`/api/v1/users?q=${'x'.repeat(201)}`, 'querystring.q'],
  ])('%s names %s', async (url, field) => {
    const res = await refused(
      { method: 'GET', url, cookie: w.people.admin.cookie },
      400,
      'VALIDATION_FAILED',
    );
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});

const WEIRD = [
  '😀🇹🇭👩‍👩‍👧‍👦 ไทย',
  'a\u200bb\u200c\u200d\ufeff',
  '\u202egnp.exe',
  'x'.repeat(10_000),
  'a\u0000b',
  '\ud800 lone surrogate',
  '%00%27%22<script>alert(1)</script>',
];
/** LIKE wildcards and escapes matter to searches only. */
const WEIRD_QUERIES = [...WEIRD, '\\', '%', '_', '  '];

describe('weird Unicode', () => {
  it.each(withBody.map((c) => [c.route, c] as const))(
    '%s never answers 5xx to odd strings in any field',
    async (_r, c) => {
      // A person of their own: some odd values are valid (an emoji display name) and change them.
      const person = await quickPerson(w, { role: 'admin' });
      for (const value of WEIRD) {
        const s = await validSample(c, person);
        if (s.body === undefined) continue;
        for (const field of Object.keys(s.body as object)) {
          if (typeof (s.body as Record<string, unknown>)[field] !== 'string') continue;
          await send({
            method: methodOf(c),
            url: s.url,
            cookie: s.cookie,
            payload: json({ ...(s.body as object), [field]: value }),
            contentType: 'application/json',
          });
        }
      }
      // Failed logins above count against the rate limit. Only after those: advancing for every route would
      // outlast the 30-minute idle expiry of the shared sessions the query tests below use.
      if (c.route.includes('/auth/')) t.clock.advance(61_000);
    },
  );

  it.each(paged.map((c) => [c.route, c] as const))(
    '%s never answers 5xx to odd query strings',
    async (_r, c) => {
      const params =
        templateOf(c) === '/api/v1/users' ||
        templateOf(c) === '/api/v1/organizations' ||
        templateOf(c) === '/api/v1/people'
          ? ['q', 'cursor']
          : templateOf(c) === '/api/v1/audit-events'
            ? ['action', 'entityType', 'cursor']
            : ['cursor'];
      for (const value of WEIRD_QUERIES) {
        for (const param of params) {
          const encoded = value.includes('\ud800') ? '%ED%A0%80%E0%A4%A' : encodeURIComponent(value);
          const res = await send({
            method: 'GET',
            url: `${templateOf(c)}?${param}=${encoded}`,
            cookie: w.people.admin.cookie,
          });
          expect([200, 400]).toContain(res.status);
        }
      }
    },
  );

  it('keeps an emoji display name exactly as given', async () => {
    const person = await quickPerson(w);
    const name = 'สมชาย 😀 ใจดี';
    const res = await send({
      method: 'PATCH',
      url: '/api/v1/me',
      cookie: person.cookie,
      payload: json({ displayName: name }),
      contentType: 'application/json',
    });
    expect(res.status).toBe(200);
    expect(res.body.user.displayName).toBe(name);
  });

  it('refuses a display name of only whitespace or 10k characters', async () => {
    const person = await quickPerson(w);
    for (const displayName of ['   ', ' \t ', 'x'.repeat(10_000)]) {
      await refused(
        {
          method: 'PATCH',
          url: '/api/v1/me',
          cookie: person.cookie,
          payload: json({ displayName }),
          contentType: 'application/json',
        },
        400,
        'VALIDATION_FAILED',
      );
    }
  });
});

describe('text the database cannot store', () => {
  it('refuses a NUL character or a lone surrogate with 400, storing nothing and auditing nothing', async () => {
    const person = await quickPerson(w);
    for (const displayName of ['a\u0000b', 'broken \ud800 half']) {
      const payload = json({ displayName });
      await refused(
        {
          method: 'PATCH',
          url: '/api/v1/me',
          cookie: person.cookie,
          payload,
          contentType: 'application/json',
        },
        400,
        'INVALID_TEXT',
      );
    }
  });

  it('answers 400 to a NUL character in a search', async () => {
    await refused(
      { method: 'GET', url: '/api/v1/users?q=a%00b', cookie: w.people.admin.cookie },
      400,
      'INVALID_TEXT',
    );
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/api/v1/nothing-here'],
    ['POST', '/api/v1/nothing-here'],
    ['DELETE', '/api/v1/users'],
    ['GET', '/api/v2/me'],
    ['GET', '/api'],
    ['PUT', '/api/v1/me'],
  ] as const)('%s %s answers a JSON 404 with a request id', async (method, url) => {
    for (const cookie of [undefined, w.people.admin.cookie]) {
      const res = await send({ method, url, cookie });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        error: { code: 'NOT_FOUND', message: expect.any(String), requestId: expect.any(String) },
      });
      expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
    }
  });
});
