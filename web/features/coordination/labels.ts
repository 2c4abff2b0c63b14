/** Labels of coordination codes in the UI language: taxonomy entries from common/, the rest from the locales. */
import {
  type CoordinationState,
  REQUEST_TYPES,
  URGENCIES,
  type Urgency,
} from '../../../common/coordination-states.ts';
import {
  COVERAGE_FLAGS,
  PROVINCES,
  SERVICE_LANGUAGES,
  SERVICES,
  type TaxonomyEntry,
} from '../../../common/directory-taxonomies.ts';
import type { Language } from '../../lib/types.ts';

const lookup = (entries: readonly TaxonomyEntry[]) => {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  return (code: string, language: Language) => byCode.get(code)?.[language] ?? code;
};
const optionsOf = (entries: readonly TaxonomyEntry[], language: Language) =>
  entries.map((e) => ({ value: e.code, label: e[language] }));

export const requestTypeLabel = lookup(REQUEST_TYPES);
export const urgencyLabel = lookup(URGENCIES);
export const provinceLabel = lookup(PROVINCES);
export const serviceLabel = lookup(SERVICES);
export const languageLabel = lookup(SERVICE_LANGUAGES);
export const coverageLabel = lookup([...PROVINCES, ...COVERAGE_FLAGS]);

export const requestTypeOptions = (language: Language) => optionsOf(REQUEST_TYPES, language);
export const urgencyOptions = (language: Language) => optionsOf(URGENCIES, language);
export const languageOptions = (language: Language) => optionsOf(SERVICE_LANGUAGES, language);
export const provinceOptions = (language: Language) =>
  optionsOf(PROVINCES, language).sort((a, b) => a.label.localeCompare(b.label, language));

/** Critical in red down to low in grey: the colour is a second cue, the word is always shown. */
export const URGENCY_COLOURS: Record<Urgency, string> = {
  critical: 'red',
  high: 'orange',
  normal: 'blue',
  low: 'gray',
};

/** Waiting for the unit in yellow, being worked on in blue, done in green, closed without help in grey. */
export const STATE_COLOURS: Record<CoordinationState, string> = {
  submitted: 'yellow',
  acknowledged: 'indigo',
  accepted: 'blue',
  declined: 'gray',
  forwarded: 'yellow',
  in_progress: 'cyan',
  awaiting_info: 'grape',
  done: 'teal',
  cancelled: 'gray',
};

/** The short reference quoted on the phone: the first 8 characters of the id, upper case. */
export const requestReference = (id: string) => id.replace(/-/g, '').slice(0, 8).toUpperCase();

const relative: Record<Language, Intl.RelativeTimeFormat> = {
  th: new Intl.RelativeTimeFormat('th', { numeric: 'auto' }),
  en: new Intl.RelativeTimeFormat('en', { numeric: 'auto' }),
};

/** How long ago, in words: "5 นาทีที่ผ่านมา", "2 hours ago". */
export function ageOf(iso: string, now: number, language: Language): string {
  const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
  if (Math.abs(minutes) < 60) return relative[language].format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return relative[language].format(hours, 'hour');
  return relative[language].format(Math.round(hours / 24), 'day');
}

export const unitName = (unit: { nameTh: string; nameEn: string }, language: Language) =>
  language === 'th' ? unit.nameTh : unit.nameEn;
