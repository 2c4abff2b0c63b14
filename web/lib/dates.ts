/** Dates are always shown in Bangkok time; Thai uses the Buddhist Era calendar that th-TH gives. */
import type { Language } from './types.ts';

const formatters = new Map<Language, Intl.DateTimeFormat>();

function dateTimeFormat(language: Language): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'th' ? 'th-TH' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Bangkok',
    });
    formatters.set(language, formatter);
  }
  return formatter;
}

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(language).format(date);
}

const printedFormats: Record<Language, Intl.DateTimeFormat> = {
  // The era makes the Buddhist year explicit on paper: "18 พฤศจิกายน พ.ศ. 2569 เวลา 10:00".
  th: new Intl.DateTimeFormat('th-TH', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    era: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Bangkok',
  }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Bangkok' }),
};

/** The full date and time a document was printed or generated, as written on paper. */
export function formatPrintedDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return printedFormats[language].format(date);
}

/**
 * Turns a picked calendar day (`YYYY-MM-DD`, a day in Bangkok) into the instant the day starts or ends
 * there, as the API's ISO timestamp with offset.
 */
export function bangkokDayBoundary(day: string, edge: 'start' | 'end'): string {
  return `${day}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}+07:00`;
}

const timeFormats: Record<Language, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Bangkok' }),
  en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Bangkok' }),
};

/** A time later today, such as when a session ends: "14:05" (Bangkok time). */
export function formatTime(epochMs: number, language: Language): string {
  return timeFormats[language].format(new Date(epochMs));
}
