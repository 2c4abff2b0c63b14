import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReviewView } from '../../../../common/reports-api.ts';
import { difference, pageImages, parsePgm } from '../../../test/page-images.ts';
import { createPdfRenderer } from './renderer.ts';
import { reviewHtml, summaryOf } from './review-html.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Kept page images of this file's review; `UPDATE_REFERENCE_PAGES=1` rewrites them (see README). */
const REFERENCE_DIR = join(import.meta.dirname, 'reference');
const reference = (page: number) => join(REFERENCE_DIR, `review-th-page-${page}.pgm`);
/** Fonts hint and anti-alias a little differently between Chromium and poppler versions. */
const TOLERANCE = { mean: 4, changed: 0.02 };
const LONG =
  'เจ้าหน้าที่ประมงและพนักงานตรวจแรงงานลงพื้นที่ท่าเรือระนองร่วมกับล่ามภาษาเมียนมาเพื่อคัดแยกผู้เสียหายจากการค้ามนุษย์ที่ถูกบังคับให้ทำงานบนเรือประมงนานกว่าสิบแปดชั่วโมงต่อวันและถูกหักค่าจ้างเพื่อชดใช้หนี้ที่นายหน้าเรียกเก็บตั้งแต่ก่อนเดินทางเข้าประเทศไทย';

const label = (th: string, en = th) => ({ th, en });
const view: ReviewView = {
  period: {
    code: 'fiscal-2570',
    label: label('ปีงบประมาณ 2570', 'Fiscal year 2027'),
    start: '2026-09-30T17:00:00.000Z',
    end: '2027-09-30T17:00:00.000Z',
  },
  previous: {
    code: 'fiscal-2569',
    label: label('ปีงบประมาณ 2569', 'Fiscal year 2026'),
    start: '2025-09-30T17:00:00.000Z',
    end: '2026-09-30T17:00:00.000Z',
  },
  generatedAt: '2026-12-05T03:00:00.000Z',
  scope: 'network',
  pdfAvailable: true,
  sections: [
    {
      id: 'network',
      title: label('เครือข่าย'),
      figures: [
        { key: 'organisations', label: label('หน่วยงานในเครือข่าย'), value: 214, previous: 198 },
        { key: 'joined', label: label('หน่วยงานที่เข้าร่วมใหม่'), value: 16, previous: 9 },
        { key: 'people', label: label('บุคลากรที่ยังปฏิบัติงาน'), value: 530, previous: 480 },
      ],
      tables: [
        {
          key: 'by_category',
          title: label('น้ำ ที่ หนี้ ชั่วโมง'),
          labelHeader: label('หมวดหมู่'),
          columns: [
            { key: 'raised', label: label('เสนอเข้ามา') },
            { key: 'resolved', label: label('แก้ไขแล้ว') },
          ],
          rows: [
            { code: 'a', label: label('หนี้สินและการยึดเอกสาร'), values: [12, 4] },
            { code: 'b', label: label('น้ำดื่มและที่พักบนเรือ'), values: ['< 5', 0] },
          ],
          totals: [15, 4],
        },
      ],
      matrices: [],
      method: label(LONG),
    },
    {
      id: 'problems',
      title: label('ปัญหาอุปสรรคและข้อเสนอแนะ'),
      figures: [{ key: 'raised', label: label('เรื่องที่เสนอเข้ามา'), value: 40, previous: 31 }],
      tables: [],
      matrices: [],
      method: label('นับตามวันที่เสนอ'),
    },
  ],
};

describe('the review as HTML', () => {
  it('writes the summary from the figures, in Thai', () => {
    expect(summaryOf(view, 'th')).toContain('ปีงบประมาณ 2570 เครือข่ายมีหน่วยงาน 214 แห่ง');
  });

  it('carries no script and no external address, only the inlined Thai font', () => {
    const html = reviewHtml(view, 'th');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(html).toContain('font-family:Sarabun');
    expect(html).toContain('data:font/woff2;base64,');
  });
});

describe.skipIf(!existsSync(CHROMIUM) || !existsSync('/usr/bin/pdftotext'))('the review as PDF', () => {
  it('keeps Thai marks and a long Thai paragraph intact and in order', async () => {
    const renderer = createPdfRenderer({ chromiumPath: CHROMIUM, timeoutMs: 60_000 });
    const pdf = await renderer.render(reviewHtml(view, 'th'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'tipnet-pdf-'));
    writeFileSync(join(dir, 'review.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'review.pdf'), '-'], {
      encoding: 'utf8',
    });
    for (const word of ['น้ำ', 'ที่', 'หนี้', 'ชั่วโมง', 'ปีงบประมาณ 2570']) expect(text).toContain(word);
    expect(text.replace(/\s+/g, '')).toContain('<5');
    // Lines may break anywhere Chromium chose: joined again, the paragraph reads as written.
    expect(text.replace(/\s+/g, '')).toContain(LONG);

    // The cover and the first section look as the kept reference pages do, within the tolerance.
    const pages = pageImages(pdf, 2);
    expect(pages).toHaveLength(2);
    if (process.env.UPDATE_REFERENCE_PAGES) {
      mkdirSync(REFERENCE_DIR, { recursive: true });
      for (const [i, bytes] of pages.entries()) writeFileSync(reference(i + 1), bytes);
    }
    const [cover, network] = pages.map(parsePgm) as [
      ReturnType<typeof parsePgm>,
      ReturnType<typeof parsePgm>,
    ];
    const keptCover = parsePgm(readFileSync(reference(1)));
    const keptNetwork = parsePgm(readFileSync(reference(2)));
    for (const [page, kept] of [
      [cover, keptCover],
      [network, keptNetwork],
    ] as const) {
      const d = difference(page, kept);
      expect(d.sameSize).toBe(true);
      expect(d.mean).toBeLessThanOrEqual(TOLERANCE.mean);
      expect(d.changed).toBeLessThanOrEqual(TOLERANCE.changed);
    }
    // The tolerance tells pages apart: the cover is not the network page.
    const apart = difference(cover, keptNetwork);
    expect(apart.mean > TOLERANCE.mean || apart.changed > TOLERANCE.changed).toBe(true);
  }, 120_000);

  it('answers 503 at once when Chromium is missing, and queues no more than it may', async () => {
    const missing = createPdfRenderer({ chromiumPath: '/nonexistent/chromium' });
    expect(missing.status()).toEqual({ pdf: 'chromium missing', chromiumPath: '/nonexistent/chromium' });
    await expect(missing.render('<p>x</p>')).rejects.toMatchObject({
      statusCode: 503,
      code: 'PDF_UNAVAILABLE',
    });
  });
});
