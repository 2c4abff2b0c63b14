/**
 * The review as an Excel workbook: one sheet per section, headers in the reader's language, numbers as
 * numbers (a suppressed count stays the text "< 5"), dates in the Buddhist Era for Thai readers.
 */
import ExcelJS from 'exceljs';
import { PROVINCES } from '../../../common/directory-taxonomies.ts';
import type { Cell, ReportTable, ReviewView } from '../../../common/reports-api.ts';
import type { Language } from '../../../common/taxonomies.ts';
import { csvDate } from '../../platform/csv-locale.ts';

const HEADINGS = {
  th: {
    period: 'ช่วงเวลา',
    previous: 'เทียบกับ',
    generated: 'จัดทำเมื่อ',
    figure: 'ตัวชี้วัด',
    value: 'ช่วงนี้',
    before: 'ช่วงก่อน',
    total: 'รวม',
    province: 'จังหวัด',
    method: 'วิธีนับ',
  },
  en: {
    period: 'Period',
    previous: 'Compared with',
    generated: 'Generated',
    figure: 'Figure',
    value: 'This period',
    before: 'Previous period',
    total: 'Total',
    province: 'Province',
    method: 'Method',
  },
} as const;

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
const cellValue = (v: Cell) => (v === null ? null : v);

function addTable(sheet: ExcelJS.Worksheet, table: ReportTable, language: Language) {
  const h = HEADINGS[language];
  sheet.addRow([]);
  sheet.addRow([table.title[language]]).font = { bold: true, size: 12 };
  sheet.addRow([table.labelHeader[language], ...table.columns.map((c) => c.label[language])]).font = {
    bold: true,
  };
  for (const r of table.rows) sheet.addRow([r.label[language], ...r.values.map(cellValue)]);
  if (table.totals) sheet.addRow([h.total, ...table.totals.map(cellValue)]).font = { bold: true };
}

export async function reviewWorkbook(view: ReviewView, language: Language): Promise<Buffer> {
  const h = HEADINGS[language];
  const book = new ExcelJS.Workbook();
  book.creator = 'TIPNet';
  book.created = new Date(view.generatedAt);
  for (const section of view.sections) {
    const sheet = book.addWorksheet(sheetName(section.title[language]));
    sheet.getColumn(1).width = 48;
    for (let i = 2; i <= 12; i++) sheet.getColumn(i).width = 16;
    sheet.addRow([section.title[language]]).font = { bold: true, size: 14 };
    sheet.addRow([h.period, view.period.label[language]]);
    sheet.addRow([h.previous, view.previous.label[language]]);
    sheet.addRow([h.generated, csvDate(view.generatedAt, language)]);
    sheet.addRow([]);
    sheet.addRow([h.figure, h.value, h.before]).font = { bold: true };
    for (const f of section.figures)
      sheet.addRow([f.label[language], cellValue(f.value), cellValue(f.previous)]);
    for (const table of section.tables) addTable(sheet, table, language);
    for (const m of section.matrices) {
      sheet.addRow([]);
      sheet.addRow([m.title[language]]).font = { bold: true, size: 12 };
      sheet.addRow([h.province, ...m.columns.map((c) => c.label[language])]).font = { bold: true };
      m.provinces.forEach((code, i) => {
        const province = PROVINCES.find((p) => p.code === code);
        sheet.addRow([province?.[language] ?? code, ...m.providers[i]!]);
      });
    }
    sheet.addRow([]);
    sheet.addRow([`${h.method}: ${section.method[language]}`]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
