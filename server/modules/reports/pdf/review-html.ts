/**
 * The yearly review as one self-contained HTML page for Chromium to print: no script, no external
 * request, the app's Thai font (Sarabun, from @fontsource) inlined, bars drawn as inline SVG.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { escapeHtml } from '../../../../common/html.ts';
import { drawNetwork, NETWORK_COLOURS } from '../../../../common/network-drawing.ts';
import type {
  Cell,
  NetworkGraph,
  ReportSection,
  ReportTable,
  ReviewView,
} from '../../../../common/reports-api.ts';
import type { Language } from '../../../../common/taxonomies.ts';
import { csvDate } from '../../../platform/csv-locale.ts';

let fontCss: string | null = null;
/** Sarabun's Thai and Latin subsets, regular and bold, as data URLs: read once. */
export function fonts() {
  if (fontCss) return fontCss;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('@fontsource/sarabun/package.json')), 'files');
  const face = (subset: string, weight: number, range: string) => {
    const data = readFileSync(join(dir, `sarabun-${subset}-${weight}-normal.woff2`)).toString('base64');
    return `@font-face{font-family:Sarabun;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`;
  };
  const thai = 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC';
  const latin =
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215';
  fontCss = [
    face('thai', 400, thai),
    face('thai', 700, thai),
    face('latin', 400, latin),
    face('latin', 700, latin),
  ].join('');
  return fontCss;
}

const TEXT = {
  th: {
    title: 'รายงานทบทวนผลการดำเนินงานเครือข่าย',
    network: 'เครือข่ายต่อต้านการค้ามนุษย์ ศพดส.ตร.',
    generated: 'จัดทำเมื่อ',
    compared: 'เทียบกับ',
    value: 'ช่วงนี้',
    before: 'ช่วงก่อน',
    total: 'รวม',
    method: 'วิธีนับ',
    summary: 'สรุป',
  },
  en: {
    title: 'Network review',
    network: "Thailand's anti-trafficking network (TIPNet)",
    generated: 'Generated',
    compared: 'Compared with',
    value: 'This period',
    before: 'Previous',
    total: 'Total',
    method: 'Method',
    summary: 'Summary',
  },
} as const;

const fmt = (v: Cell, language: Language) =>
  v === null
    ? '—'
    : typeof v === 'number'
      ? new Intl.NumberFormat(language === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 1 }).format(v)
      : v;

/** A sentence or two written from the figures, for the cover. */
export function summaryOf(view: ReviewView, language: Language): string {
  const figure = (section: string, key: string) =>
    view.sections.find((s) => s.id === section)?.figures.find((f) => f.key === key)?.value ?? null;
  const n = (section: string, key: string) => fmt(figure(section, key), language);
  const period = view.period.label[language];
  const forums = forumsSentence(view, language, n);
  if (language === 'th')
    return `${period} เครือข่ายมีหน่วยงาน ${n('network', 'organisations')} แห่ง มีหน่วยงานเข้าร่วมใหม่ ${n('network', 'joined')} แห่ง และมีบุคลากรที่ยังปฏิบัติงานอยู่ ${n('network', 'people')} คน ในช่วงเวลานี้มีปัญหาอุปสรรคและข้อเสนอแนะเสนอเข้ามา ${n('problems', 'raised')} เรื่อง ได้รับคำตอบทางการครั้งแรก ${n('problems', 'answered')} เรื่อง และแก้ไขแล้ว ${n('problems', 'resolved')} เรื่อง ขณะนี้มีเรื่องที่เกินกำหนด ${n('problems', 'overdue')} เรื่อง และมีคู่จังหวัดกับบริการที่ยังไม่มีหน่วยงานหรือมีเพียงหน่วยงานเดียว ${n('coverage', 'service_gaps')} คู่${forums}`;
  return `In ${period} the network had ${n('network', 'organisations')} organisations, ${n('network', 'joined')} of them new, and ${n('network', 'people')} people in post. ${n('problems', 'raised')} problems and recommendations were raised, ${n('problems', 'answered')} received a first official answer and ${n('problems', 'resolved')} were resolved; ${n('problems', 'overdue')} are overdue now. ${n('coverage', 'service_gaps')} province–service pairs have no provider or only one.${forums}`;
}

/** The forums' sentence of the summary, when the review has a forums section. */
function forumsSentence(
  view: ReviewView,
  language: Language,
  n: (section: string, key: string) => string,
): string {
  const forums = view.sections.find((s) => s.id === 'forums');
  if (!forums) return '';
  const f = (key: string) => n('forums', key);
  if (forums.figures.find((x) => x.key === 'events')?.value === 0)
    return language === 'th' ? " ในช่วงเวลานี้ไม่มีการจัดเวที Let's Talk TIP" : ' No forum was held in the period.';
  return language === 'th'
    ? ` มีการจัดเวที Let's Talk TIP ${f('events')} ครั้ง มีผู้เข้าร่วม ${f('attended')} คนจาก ${f('organisations')} หน่วยงาน และงานที่ต้องติดตามซึ่งครบกำหนดในช่วงนี้ ${f('actions_due')} งาน เสร็จตามกำหนด ${f('actions_on_time')} งาน`
    : ` ${f('events')} Let's Talk TIP forums were held, attended by ${f('attended')} people from ${f('organisations')} organisations; of ${f('actions_due')} action items due in the period, ${f('actions_on_time')} were done on time.`;
}

function bars(table: ReportTable, language: Language) {
  const values = table.rows.map((r) => (typeof r.values[0] === 'number' ? r.values[0] : 0));
  const max = Math.max(1, ...values);
  const height = 14;
  const rows = table.rows
    .map((r, i) => {
      const w = Math.round((values[i]! / max) * 300);
      return `<text x="0" y="${i * (height + 6) + 11}" font-size="10">${escapeHtml(r.label[language].slice(0, 48))}</text><rect x="250" y="${i * (height + 6)}" width="${w}" height="${height}" fill="#228be6"/><text x="${255 + w}" y="${i * (height + 6) + 11}" font-size="10">${escapeHtml(fmt(r.values[0] ?? null, language))}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="${table.rows.length * (height + 6)}" role="img">${rows}</svg>`;
}

/** The network drawn as the dashboard draws it (common/network-drawing.ts). */
function networkHtml(graph: NetworkGraph, language: Language) {
  const { lines, points } = drawNetwork(graph, language);
  const c = NETWORK_COLOURS;
  const drawnLines = lines
    .map(
      (l) =>
        `<line x1="${l.x1}" y1="${l.y1}" x2="${l.x2}" y2="${l.y2}" stroke="${c.line}" stroke-opacity="0.7" stroke-width="${l.width}"/>`,
    )
    .join('');
  const drawnPoints = points
    .map(
      (p) =>
        `<g><title>${escapeHtml(p.name)}</title><circle cx="${p.x}" cy="${p.y}" r="${p.r}" fill="${c.point}" stroke="#fff" stroke-width="2"/><text x="${p.text.x}" y="${p.text.y}" text-anchor="${p.text.anchor}" font-size="12" fill="${c.text}" stroke="${c.halo}" stroke-width="3" paint-order="stroke">${escapeHtml(p.text.value)}</text></g>`,
    )
    .join('');
  return `<h3>${escapeHtml(graph.title[language])}</h3><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${graph.width} ${graph.height}" width="${graph.width}" height="${graph.height}" role="img" aria-label="${escapeHtml(graph.title[language])}">${drawnLines}${drawnPoints}</svg>`;
}

function tableHtml(table: ReportTable, language: Language) {
  const t = TEXT[language];
  const head = `<tr><th>${escapeHtml(table.labelHeader[language])}</th>${table.columns.map((c) => `<th class="n">${escapeHtml(c.label[language])}</th>`).join('')}</tr>`;
  const body = table.rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.label[language])}</td>${r.values.map((v) => `<td class="n">${escapeHtml(fmt(v, language))}</td>`).join('')}</tr>`,
    )
    .join('');
  const foot = table.totals
    ? `<tr class="total"><th>${t.total}</th>${table.totals.map((v) => `<th class="n">${escapeHtml(fmt(v, language))}</th>`).join('')}</tr>`
    : '';
  const chart =
    table.rows.length > 1 && table.rows.length <= 16 && table.columns.length > 1 ? bars(table, language) : '';
  return `<h3>${escapeHtml(table.title[language])}</h3>${chart}<table>${head}${body}${foot}</table>`;
}

function sectionHtml(section: ReportSection, language: Language) {
  const t = TEXT[language];
  const figures = section.figures
    .map(
      (f) =>
        `<tr><td>${escapeHtml(f.label[language])}</td><td class="n">${escapeHtml(fmt(f.value, language))}</td><td class="n">${escapeHtml(fmt(f.previous, language))}</td></tr>`,
    )
    .join('');
  // The gap lists can run to hundreds of rows: the workbook has them in full.
  const tables = section.tables
    .filter((tb) => tb.rows.length <= 40)
    .map((tb) => tableHtml(tb, language))
    .join('');
  const graphs = (section.graphs ?? [])
    .filter((graph) => graph.nodes.length > 0)
    .map((graph) => networkHtml(graph, language))
    .join('');
  return `<section><h2>${escapeHtml(section.title[language])}</h2><table><tr><th></th><th class="n">${t.value}</th><th class="n">${t.before}</th></tr>${figures}</table>${graphs}${tables}<p class="method">${t.method}: ${escapeHtml(section.method[language])}</p></section>`;
}

export function reviewHtml(view: ReviewView, language: Language): string {
  const t = TEXT[language];
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(t.title)}</title><style>${fonts()}
@page{size:A4;margin:18mm 16mm}
body{font-family:Sarabun,sans-serif;font-size:11pt;line-height:1.5;color:#1a1b1e}
.cover{page-break-after:always;padding-top:60mm}
.cover h1{font-size:26pt;margin:0 0 6mm}
h2{font-size:16pt;border-bottom:2px solid #1971c2;margin-top:0}
h3{font-size:12pt;margin:6mm 0 2mm}
section{page-break-before:always}
table{border-collapse:collapse;width:100%;margin-bottom:3mm}
th,td{border:1px solid #ced4da;padding:1mm 2mm;text-align:left;vertical-align:top}
.n{text-align:right;white-space:nowrap}
.total th{background:#f1f3f5}
.method{font-size:9pt;color:#495057}
</style></head><body>
<div class="cover"><h1>${escapeHtml(t.title)}</h1><p style="font-size:16pt">${escapeHtml(view.period.label[language])}</p><p>${escapeHtml(t.network)}</p><p>${t.compared} ${escapeHtml(view.previous.label[language])} · ${t.generated} ${escapeHtml(csvDate(view.generatedAt, language) ?? '')}</p><h2>${t.summary}</h2><p class="summary">${escapeHtml(summaryOf(view, language))}</p></div>
${view.sections.map((s) => sectionHtml(s, language)).join('\n')}
</body></html>`;
}
