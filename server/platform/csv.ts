/** CSV that Excel opens with Thai intact and that cannot smuggle formulas into a spreadsheet. */
const BOM = '\uFEFF';
/**
 * A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice and Sheets. The
 * full-width forms (＝＋－＠, common in Thai and East Asian input methods) and the small forms (﹦﹢﹣﹫)
 * are folded to their ASCII forms by spreadsheets in some locales, so they start formulas too.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]/;

export function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
