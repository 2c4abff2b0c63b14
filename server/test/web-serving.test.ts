import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_SCREENS_FILE } from '../../common/first-screen.ts';
import { precompressDirectory } from '../../web/build/precompress.ts';
import { buildContact, buildOrganisation } from '../demo/factories.ts';
import { buildProblem } from './problem-factories.ts';
import { buildTestApp, type TestApp } from './test-app.ts';

/** The page's main area: where the loading shell or the served answer is. */
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

const BIG_SCRIPT = `${'export const greeting = "สวัสดี ชั่วโมง";\n'.repeat(400)}`;

describe('serving the web app', () => {
  let t: TestApp;
  let webDist: string;
  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'tipnet-web-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(
      join(webDist, 'index.html'),
      '<!doctype html><html lang="th"><head><title>TIPNet</title></head><body><div id="root">' +
        '<main class="shell-main" aria-busy="true"><p class="shell-status">กำลังเปิด TIPNet…</p></main>' +
        '</div></body></html>',
    );
    writeFileSync(
      join(webDist, FIRST_SCREENS_FILE),
      JSON.stringify({
        board: ['assets/AppLayout-aaa111.js', 'assets/ProblemsBoardPage-bbb222.js'],
        finder: ['assets/AppLayout-aaa111.js', 'assets/FinderPage-ccc333.js'],
      }),
    );
    writeFileSync(join(webDist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(webDist, 'assets', 'vendor-def456.js'), BIG_SCRIPT);
    precompressDirectory(webDist);
    t = await buildTestApp({ webDist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('serves the app at / and at client-side routes, never cached', async () => {
    for (const path of ['/', '/login', '/settings', '/accept-invitation']) {
      const res = await t.request('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.raw.body).toContain('<title>TIPNet</title>');
    }
  });

  it("names the board's code and first page of problems in the page a signed-in browser opens", async () => {
    const res = await t.request('GET', '/problems', { headers: { cookie: 'tipnet_session=some-session' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.vary).toMatch(/cookie/i);
    const head = res.raw.body.slice(0, res.raw.body.indexOf('</head>'));
    expect(head).toContain('<title>TIPNet</title>');
    expect(head).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/ProblemsBoardPage-bbb222.js">',
    );
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/AppLayout-aaa111.js">');
    expect(head).toContain('<link rel="preload" as="fetch" crossorigin href="/api/v1/problems?limit=20">');
    expect(head).not.toContain('FinderPage');
  });

  it("asks for the finder's answer with the page, in the query order the finder itself uses", async () => {
    const res = await t.request('GET', '/finder?province=TH-85&language=my&service=legal_aid', {
      headers: { cookie: 'tipnet_session=some-session' },
    });
    expect(res.raw.body).toContain('href="/assets/FinderPage-ccc333.js"');
    expect(res.raw.body).toContain('href="/api/v1/taxonomies"');
    expect(res.raw.body).toContain(
      'href="/api/v1/directory/finder?service=legal_aid&amp;province=TH-85&amp;language=my"',
    );
  });

  it('leaves a filtered board to ask for its own list, and names nothing to a browser not signed in', async () => {
    const filtered = await t.request('GET', '/problems?view=mine', {
      headers: { cookie: 'tipnet_session=some-session' },
    });
    expect(filtered.raw.body).toContain('ProblemsBoardPage-bbb222.js');
    expect(filtered.raw.body).not.toContain('/api/v1/problems');

    for (const path of ['/problems', '/finder?service=legal_aid&province=TH-85']) {
      const signedOut = await t.request('GET', path);
      expect(signedOut.status, path).toBe(200);
      expect(signedOut.raw.body, path).not.toContain('preload');
    }
    // Other pages are the plain index.html, signed in or not.
    const settings = await t.request('GET', '/settings', { headers: { cookie: 'tipnet_session=x' } });
    expect(settings.raw.body).not.toContain('preload');
  });

  it("writes the finder's answer into the page: call buttons that work before the app has arrived", async () => {
    const organisation = await buildOrganisation(t.db, {
      nameTh: 'ศูนย์ช่วยเหลือ <b>ทดสอบ</b> & ระนอง',
      nameEn: 'Ranong <b>test</b> legal aid',
      services: ['legal_aid'],
      coverage: ['TH-85'],
      createdAt: t.clock.now(),
    });
    await buildContact(t.db, { organisationId: organisation.id, type: 'hotline_24h', value: '1300' });
    const { cookie } = await t.signedIn({ role: 'member' });

    const res = await t.request('GET', '/finder?service=legal_aid&province=TH-85', { cookie });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers.vary).toMatch(/cookie/i);
    const main = mainOf(res.raw.body);
    expect(main).toContain('data-served-screen');
    expect(main).not.toContain('aria-busy');
    expect(main).toContain('ใครช่วยได้?');
    expect(main).toContain(`href="/organisations/${organisation.id}"`);
    expect(main).toContain('href="tel:1300"');
    expect(main).toContain('ศูนย์ช่วยเหลือ &lt;b&gt;ทดสอบ&lt;/b&gt; &amp; ระนอง');
    expect(main).not.toContain('<b>');
    // Empty and hidden: the service worker dates and shows it when it answers with a saved copy.
    expect(main).toContain(
      '<p class="served-meta" data-served-as-of="th" data-wording="ข้อมูลที่บันทึกไว้ในเครื่อง ณ {{time}}" hidden></p>',
    );
    // The preloads stay: the app adopts the same answer when it starts.
    expect(res.raw.body).toContain('href="/api/v1/directory/finder?service=legal_aid&amp;province=TH-85"');

    // In the language of the reader's account.
    const english = await t.signedIn({ role: 'member', language: 'en' });
    const inEnglish = mainOf(
      (await t.request('GET', '/finder?service=legal_aid&province=TH-85', { cookie: english.cookie })).raw
        .body,
    );
    expect(inEnglish).toContain('Who can help?');
    expect(inEnglish).toContain('Ranong &lt;b&gt;test&lt;/b&gt; legal aid');
  });

  it("writes the board's first page into the page, and nothing of who raised a problem anonymously", async () => {
    const reporter = await buildOrganisation(t.db, { nameEn: 'Reporter Foundation Ranong' });
    const problem = await buildProblem(t.db, {
      title: 'ล่ามภาษาพม่าไม่พอที่ระนอง',
      reporterOrganisationId: reporter.id,
      anonymous: true,
      state: 'under_review',
    });
    const { cookie } = await t.signedIn({ role: 'member' });

    const main = mainOf((await t.request('GET', '/problems', { cookie })).raw.body);
    expect(main).toContain('data-served-screen');
    expect(main).toContain(`href="/problems/${problem.id}"`);
    expect(main).toContain('ล่ามภาษาพม่าไม่พอที่ระนอง');
    expect(main).not.toContain(reporter.nameEn);
    expect(main).not.toContain(reporter.nameTh);
  });

  it('serves no answer to a session that is over, nor on a filtered board or a finder not yet asked', async () => {
    const { cookie } = await t.signedIn({ role: 'member' });
    const pages = [
      ['/problems', 'tipnet_session=over'],
      ['/finder?service=legal_aid&province=TH-85', 'tipnet_session=over'],
      ['/problems?view=mine', cookie],
      ['/finder', cookie],
      ['/settings', cookie],
    ] as const;
    for (const [path, sessionCookie] of pages) {
      const res = await t.request('GET', path, { cookie: sessionCookie });
      expect(res.status, path).toBe(200);
      expect(res.raw.body, path).not.toContain('data-served-screen');
      expect(res.raw.body, path).toContain('aria-busy="true"');
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('lets slow links cache hashed assets for good', async () => {
    const res = await t.request('GET', '/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps unknown API paths as JSON 404s, not the app page', async () => {
    const res = await t.request('GET', '/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('answers a missing asset with 404 rather than the app page', async () => {
    const res = await t.request('GET', '/assets/missing.js');
    expect(res.status).toBe(404);
  });

  it('sends a brotli or gzip copy of a script made at build time to browsers that accept one', async () => {
    const br = await t.request('GET', '/assets/vendor-def456.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.raw.rawPayload.length).toBeLessThan(BIG_SCRIPT.length / 10);
    expect(brotliDecompressSync(br.raw.rawPayload).toString()).toBe(BIG_SCRIPT);

    const gzip = await t.request('GET', '/assets/vendor-def456.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.raw.rawPayload).toString()).toBe(BIG_SCRIPT);

    const plain = await t.request('GET', '/assets/vendor-def456.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.body).toBe(BIG_SCRIPT);
  });

  it('compresses large API answers and leaves small ones alone', async () => {
    const large = await t.request('GET', '/api/openapi.json', { headers: { 'accept-encoding': 'br' } });
    expect(large.status).toBe(200);
    expect(large.headers['content-encoding']).toBe('br');
    const document = JSON.parse(brotliDecompressSync(large.raw.rawPayload).toString());
    expect(document.openapi).toBe('3.1.0');
    expect(large.raw.rawPayload.length).toBeLessThan(JSON.stringify(document).length / 5);

    const small = await t.request('GET', '/healthz', { headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body).toEqual({ status: 'ok' });
  });
});
