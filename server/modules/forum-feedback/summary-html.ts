/**
 * The summary as a printable A4 page: server-written HTML with the Thai font inlined, no script and no
 * external address, printed to PDF by the reports' Chromium pipeline.
 */

import { englishDate, thaiDate } from '../../../common/forum-summary-draft.ts';
import type { Language } from '../../../common/taxonomies.ts';
import { printFontCss } from '../reports/index.ts';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type PrintableSummary = {
  title: string;
  /** The event's own title, on a line of its own under the Centre's name, as it was announced. */
  eventTitle: string;
  body: string;
  state: 'draft' | 'published';
  publishedAt: Date | null;
  eventStartsAt: Date;
};

const TEXT = {
  th: {
    org: 'ศูนย์พิทักษ์เด็ก สตรี ครอบครัว ป้องกันและปราบปรามการค้ามนุษย์ และภาคประมง สำนักงานตำรวจแห่งชาติ',
    draft: 'ร่าง — ยังไม่เผยแพร่',
    published: 'เผยแพร่เมื่อ',
  },
  en: {
    org: 'Royal Thai Police anti-trafficking centre (ศพดส.ตร.)',
    draft: 'Draft — not published',
    published: 'Published on',
  },
};

export function summaryHtml(s: PrintableSummary, language: Language): string {
  const t = TEXT[language];
  const date = language === 'th' ? thaiDate : englishDate;
  const status = s.state === 'published' && s.publishedAt ? `${t.published} ${date(s.publishedAt)}` : t.draft;
  const paragraphs = s.body
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${esc(s.title)}</title><style>${printFontCss()}
@page{size:A4;margin:22mm 20mm}
body{font-family:Sarabun,sans-serif;font-size:14pt;line-height:1.6;color:#1a1b1e}
header{border-bottom:2px solid #1971c2;margin-bottom:8mm;padding-bottom:3mm;font-size:11pt;color:#495057}
h1{font-size:20pt;line-height:1.35;margin:0 0 6mm}
p{text-indent:2.5em;margin:0 0 4mm;text-align:left}
.event{font-weight:600;color:#1a1b1e}
.status{font-size:10pt;color:#868e96}
</style></head><body><header>${esc(t.org)}<div class="event">${esc(s.eventTitle)}</div><div class="status">${esc(status)}</div></header><h1>${esc(s.title)}</h1>${paragraphs}</body></html>`;
}
