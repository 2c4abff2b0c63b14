import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema/index.ts';
import { apiV1Routes, buildWorld, type Person, quickPerson, ROUTES, type World } from './route-matrix.ts';
import { buildTestApp, TEST_ORIGIN, type TestApp } from './test-app.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

async function auditCount() {
  const [row] = (await t.deps.database.query('select count(*)::int as n from audit_events')) as {
    n: number;
  }[];
  return row!.n;
}

async function displayNameOf(userId: string) {
  const [row] = await t.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
  return row!.displayName;
}

/** PATCH /me with exactly the given headers (no default Origin). */
function renameWith(person: Person | null, headers: Record<string, string>) {
  return t.app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: { ...(person ? { cookie: person.cookie } : {}), ...headers },
    payload: { displayName: 'Renamed by a forged request' },
  });
}

describe('cross-site request forgery', () => {
  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['an Origin differing only in scheme', { origin: 'https://localhost:3000' }],
    ['an Origin differing only in port', { origin: 'http://localhost:3001' }],
    ['the opaque "null" Origin', { origin: 'null' }],
    [
      'a foreign Origin even with Sec-Fetch-Site same-origin',
      { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
    ],
  ])('rejects a signed-in state change with %s and changes nothing', async (_what, headers) => {
    const person = await quickPerson(w);
    const before = await auditCount();
    const res = await renameWith(person, headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CROSS_ORIGIN_REJECTED');
    expect(await displayNameOf(person.user.id)).toBe(person.user.displayName);
    expect(await auditCount()).toBe(before);
  });

  it.each(['cross-site', 'same-site'])('rejects Sec-Fetch-Site: %s without an Origin', async (site) => {
    const person = await quickPerson(w);
    const res = await renameWith(person, { 'sec-fetch-site': site });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CROSS_ORIGIN_REJECTED');
    expect(await displayNameOf(person.user.id)).toBe(person.user.displayName);
  });

  it('requires an Origin on a state change that carries a session cookie', async () => {
    const person = await quickPerson(w);
    const before = await auditCount();
    const res = await renameWith(person, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ORIGIN_REQUIRED');
    expect(await displayNameOf(person.user.id)).toBe(person.user.displayName);
    expect(await auditCount()).toBe(before);
  });

  it('rejects a forged logout, which would otherwise end the session', async () => {
    const person = await quickPerson(w);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: person.cookie, origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/me', { cookie: person.cookie })).status).toBe(200);
  });

  it('rejects a forged sign-in (login CSRF) even without a session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: w.loginTarget.email, password: w.loginTarget.password },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    ['our Origin', { origin: TEST_ORIGIN }],
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['Sec-Fetch-Site: none (typed by the user)', { 'sec-fetch-site': 'none' }],
  ])('allows a state change with %s', async (_what, headers) => {
    const person = await quickPerson(w);
    const res = await renameWith(person, headers);
    expect(res.statusCode).toBe(200);
    expect(await displayNameOf(person.user.id)).toBe('Renamed by a forged request');
  });

  it('allows a non-browser client without cookie or Origin (nothing ambient to forge)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: w.loginTarget.email, password: w.loginTarget.password },
    });
    expect(res.statusCode).toBe(200);
  });

  it('lets a GET through with a foreign Origin', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: {
        cookie: w.people.member.cookie,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(res.statusCode).toBe(200);
  });

  it('guards every state-changing /api/v1 route', async () => {
    const person = await quickPerson(w, { role: 'admin' });
    const mutating = apiV1Routes(t.app).filter((r) => !r.startsWith('GET '));
    expect(mutating.length).toBe(ROUTES.filter((c) => !c.route.startsWith('GET ')).length);
    for (const route of mutating) {
      const [method, template] = route.split(' ') as [string, string];
      const url = template.replace(':id', '00000000-0000-4000-8000-000000000000');
      const res = await t.app.inject({
        method: method as 'POST',
        url,
        headers: { cookie: person.cookie, origin: 'https://evil.example' },
        payload: {},
      });
      expect(res.statusCode, route).toBe(403);
      expect(res.json().error.code, route).toBe('CROSS_ORIGIN_REJECTED');
    }
    expect((await t.request('GET', '/api/v1/me', { cookie: person.cookie })).status).toBe(200);
  });
});

describe('security headers', () => {
  it.each(['/', '/api/v1/me', '/api/v1/nothing-here', '/healthz', '/api/openapi.json'])(
    'are set on %s',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: w.people.member.cookie } });
      const csp = String(res.headers['content-security-policy']);
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1];
      expect(scriptSrc).toBeDefined();
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBeDefined();
      expect(res.headers['referrer-policy']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-request-id']).toEqual(expect.any(String));
    },
  );

  it("relaxes script-src only for the API docs viewer's inline configuration", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-security-policy'])).toMatch(/script-src [^;]*'unsafe-inline'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps the session cookie HttpOnly and SameSite', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { email: w.loginTarget.email, password: w.loginTarget.password },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
  });
});

describe('operations endpoints', () => {
  it('/healthz and /readyz answer 200 without a session', async () => {
    for (const url of ['/healthz', '/readyz']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.json(), url).toMatchObject({ status: 'ok' });
    }
  });

  it('/metrics answers Prometheus text to the local network', async () => {
    for (const remoteAddress of ['127.0.0.1', '10.1.2.3', '192.168.0.7', '::1']) {
      const res = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress });
      expect(res.statusCode, remoteAddress).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.body).toContain('# TYPE http_requests_total counter');
    }
  });

  it('/metrics is a JSON 404 to the public internet', async () => {
    for (const remoteAddress of ['203.0.113.9', '8.8.8.8', '2001:db8::1', '172.32.0.1']) {
      const res = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress });
      expect(res.statusCode, remoteAddress).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.body).not.toContain('http_requests_total');
    }
  });

  it('/metrics labels requests by route template, never by raw ids or tokens', async () => {
    const target = await t.buildUser({ organisationId: w.ownOrg.id });
    await t.request('PATCH', `/api/v1/users/${target.id}`, {
      cookie: w.people.admin.cookie,
      body: { role: 'observer' },
    });
    await t.request('GET', `/api/v1/unknown/${target.id}/secret-token-abc123`);
    await t.request('GET', '/api/v1/organizations?cursor=c2VjcmV0LWN1cnNvcg');
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('route="/api/v1/users/:id"');
    expect(metrics).toContain('route="/api/v1/organizations"');
    expect(metrics).not.toContain(target.id);
    expect(metrics).not.toContain('secret-token-abc123');
    expect(metrics).not.toContain('c2VjcmV0LWN1cnNvcg');
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every /api/v1 route with its error responses', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.paths['/api/v1/auth/login'].post).toBeDefined();
    expect(doc.paths['/api/v1/me'].get).toBeDefined();
    for (const route of apiV1Routes(t.app)) {
      const [method, template] = route.split(' ') as [string, string];
      const path = template.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[method.toLowerCase()];
      expect(op, route).toBeDefined();
      expect(op.summary, route).toEqual(expect.any(String));
      for (const status of ['400', '401', '403', '404']) {
        const schema = resolveRef(doc, op.responses[status]?.content?.['application/json']?.schema);
        expect(schema, `${route} ${status}`).toBeDefined();
        expect(JSON.stringify(schema), `${route} ${status}`).toContain('requestId');
      }
      const success = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      expect(success.length, route).toBeGreaterThan(0);
    }
  });

  it('names the shared schemas as components, so clients get stable type names', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.components.schemas.ErrorBody.properties.error).toBeDefined();
    const assign = doc.paths['/api/v1/problems/{id}/assign'].post;
    expect(assign.responses['404'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ErrorBody',
    });
    const used = JSON.stringify(doc.paths);
    for (const name of Object.keys(doc.components.schemas))
      expect(
        used.includes(`"#/components/schemas/${name}"`) ||
          JSON.stringify(doc.components).includes(`"#/components/schemas/${name}"`),
        name,
      ).toBe(true);
  });

  it('documents path parameters as uuids and hides internal routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const param = doc.paths['/api/v1/users/{id}'].patch.parameters.find(
      (p: { name: string }) => p.name === 'id',
    );
    expect(param.in).toBe('path');
    expect(param.schema.format).toBe('uuid');
    expect(doc.paths['/metrics']).toBeUndefined();
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
  });
});

/** Shared schemas are components referenced with $ref; follow one to what it names. */
function resolveRef(doc: any, schema: any) {
  const ref: unknown = schema?.$ref;
  return typeof ref === 'string' ? doc.components.schemas[ref.replace('#/components/schemas/', '')] : schema;
}
