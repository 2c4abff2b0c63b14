/**
 * CSV exports in the reader's language: a Thai reader's spreadsheet has Thai headers, labels instead of
 * codes and Buddhist-Era dates in Bangkok time; an English one keeps the stable snake_case headers and
 * ISO dates that scripts read.
 */
import type { Language, Sector } from '../../common/taxonomies.ts';

/** The `lang` the web's download link sends, else the browser's first choice, else English. */
export function csvLanguageOf(lang: Language | undefined, acceptLanguage: string | undefined): Language {
  if (lang) return lang;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('th') ? 'th' : 'en';
}

/** Columns by their English (machine) header, each with its Thai header. */
export type CsvColumns = Readonly<Record<string, string>>;

export const csvHeader = (columns: CsvColumns, language: Language) =>
  language === 'th' ? Object.values(columns) : Object.keys(columns);

const THAI_DATE = new Intl.DateTimeFormat('th-TH-u-ca-buddhist-nu-latn', {
  timeZone: 'Asia/Bangkok',
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** 5/12/2569 10:30 (Bangkok, Buddhist Era) in Thai; the ISO instant in English. */
export function csvDate(value: Date | string | null | undefined, language: Language): string | null {
  if (!value) return null;
  const date = typeof value === 'string' ? new Date(value) : value;
  if (language === 'en') return date.toISOString();
  return THAI_DATE.format(date).replace(',', '');
}

export const csvYesNo = (value: boolean, language: Language) =>
  language === 'th' ? (value ? 'ใช่' : 'ไม่ใช่') : value ? 'yes' : 'no';

const SECTOR_TH: Record<Sector, string> = {
  government: 'ภาครัฐ',
  private: 'ภาคเอกชน',
  civil_society: 'ภาคประชาสังคม',
  international: 'ภาคีระหว่างประเทศ',
  academic: 'ภาควิชาการ',
};

/** The sector's Thai name (as the web shows it) in Thai; its code in English, as before. */
export const csvSector = (sector: Sector, language: Language) =>
  language === 'th' ? SECTOR_TH[sector] : sector;
