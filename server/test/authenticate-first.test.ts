/**
 * A caller without a session learns nothing about a non-public route's input rules: the session check
 * answers 401 before the body is parsed or anything is validated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ROUTES } from '../platform/public-routes.ts';
import { apiV1Routes } from './route-matrix.ts';
import { buildTestApp, TEST_ORIGIN, type TestApp } from './test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Body = { payload?: string; headers?: Record<string, string> };

async function anonymous(method: string, url: string, extra: Body = {}) {
  const res = await t.app.inject({
    method: method as 'GET',
    url,
    payload: extra.payload,
    headers: { origin: TEST_ORIGIN, ...extra.headers },
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
}

/** Every path parameter replaced with something no schema accepts. */
const withBadParams = (path: string) => path.replace(/:[A-Za-z]+/g, 'not-a-valid-value');
const BAD_QUERY = '?limit=abc&cursor=!!&isAdmin=true&q=';

const nonPublic = () => apiV1Routes(t.app).filter((route) => !PUBLIC_ROUTES.has(route));

describe('anonymous requests to non-public routes', () => {
  it('covers the routes the app serves', () => {
    expect(nonPublic().length).toBeGreaterThan(50);
  });

  it('answer 401 to malformed path parameters and query strings, before validating them', async () => {
    const answers: string[] = [];
    for (const route of nonPublic()) {
      const [method, path] = route.split(' ') as [string, string];
      const res = await anonymous(method, `${withBadParams(path)}${BAD_QUERY}`);
      answers.push(`${route} → ${res.status} ${res.body?.error?.code}`);
    }
    expect(answers.filter((a) => !a.endsWith('→ 401 UNAUTHENTICATED'))).toEqual([]);
  });

  it('answer 401 to malformed, mistyped or non-JSON bodies, before parsing them', async () => {
    const bodies: Body[] = [
      { payload: '{"email": ', headers: { 'content-type': 'application/json' } },
      { payload: '[1, 2, 3]', headers: { 'content-type': 'application/json' } },
      { payload: '{"isAdmin": true, "title": 12345}', headers: { 'content-type': 'application/json' } },
      { payload: '<x/>', headers: { 'content-type': 'application/xml' } },
    ];
    const answers: string[] = [];
    for (const route of nonPublic()) {
      const [method, path] = route.split(' ') as [string, string];
      if (method === 'GET') continue;
      for (const body of bodies) {
        const res = await anonymous(method, withBadParams(path), body);
        answers.push(`${route} ${body.payload} → ${res.status} ${res.body?.error?.code}`);
      }
    }
    expect(answers.length).toBeGreaterThan(100);
    expect(answers.filter((a) => !a.endsWith('→ 401 UNAUTHENTICATED'))).toEqual([]);
  });

  it('still validates public routes for anonymous callers', async () => {
    const res = await anonymous('POST', '/api/v1/auth/login', {
      payload: '{"email": 5}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('still answers 404 to unknown API paths', async () => {
    const res = await anonymous('GET', '/api/v1/no-such-thing');
    expect(res.status).toBe(404);
  });
});
