import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { pdfReadiness } from '../reports/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ config: { chromiumPath: '/nonexistent/chromium' } });
}, 120_000);
afterAll(() => t.close());

describe('GET /readyz', () => {
  it('stays ready without Chromium and says the PDF cannot be printed', async () => {
    const res = await t.request('GET', '/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: 'ok',
      pdf: { chromium: 'missing', running: 0, queued: 0 },
    });
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('reports Chromium found where it is installed', () => {
    expect(pdfReadiness('/usr/bin/chromium')).toEqual({ chromium: 'found', running: 0, queued: 0 });
  });
});
