/**
 * Looks for what may be a victim's personal data in free text: Thai national ID numbers (13 digits with a
 * valid check digit), passport numbers and Thai phone numbers. It warns, it does not block: the server
 * refuses text with findings until the writer confirms they keep it, and records the warning and the choice.
 * Pure and dependency-free so the web app can run the same check while someone types.
 */
import type { PrivacyFindingKind } from './problems-taxonomy.ts';

/** What is being written when text is checked. */
export const PRIVACY_TARGETS = ['problem', 'comment', 'answer', 'support'] as const;
export type PrivacyTarget = (typeof PRIVACY_TARGETS)[number];

/** `start`/`end` are UTF-16 offsets into the field's text, as JavaScript strings index it. */
export type PrivacyFinding = { kind: PrivacyFindingKind; field: string; start: number; end: number };

const THAI_DIGIT_ZERO = 0x0e50;
const digitsOf = (text: string) =>
  [...text]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code >= THAI_DIGIT_ZERO && code <= THAI_DIGIT_ZERO + 9) return String(code - THAI_DIGIT_ZERO);
      return /\d/.test(ch) ? ch : '';
    })
    .join('');

const D = '[0-9๐-๙]';
const SEP = '[ -]?';
/** 13 digits, optionally split by single spaces or dashes anywhere (1-2345-67890-12-3 is the usual form). */
const NATIONAL_ID = new RegExp(`(?<![0-9๐-๙])${D}(?:${SEP}${D}){12}(?![0-9๐-๙])`, 'g');
/**
 * Mobile 06/08/09 + 8 digits, landline 02–07 + 7 digits, each also as +66 without the leading 0
 * (+66 81 234 5678, +66 (0) 2 123 4567). Short hotlines (1300, 1191) are public, not personal.
 */
const PHONE = new RegExp(
  `(?<![0-9๐-๙+])(?:\\+66${SEP}(?:\\(0\\)${SEP})?|[0๐])(?:[689๖๘๙]${SEP}${D}(?:${SEP}${D}){7}|[2-7๒-๗](?:${SEP}${D}){7})(?![0-9๐-๙])`,
  'g',
);
/** One or two capital letters and 6–8 digits: Thai (AA1234567), Myanmar (MB123456), Lao, Cambodian, Vietnamese. */
const PASSPORT = /(?<![A-Za-z0-9])[A-Z]{1,2}[0-9]{6,8}(?![A-Za-z0-9])/g;

/** The Thai ID check digit: (11 − Σ dᵢ·(13 − i) mod 11) mod 10 over the first twelve digits. */
export function isValidThaiNationalId(text: string): boolean {
  const digits = digitsOf(text);
  if (digits.length !== 13) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

function matches(re: RegExp, text: string) {
  return [...text.matchAll(re)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * Ids (in @mentions and pasted TIPNet links) are references, not personal data, yet their digits can
 * look like a phone number: they are blanked first, keeping every offset.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export function findPersonalData(field: string, original: string): PrivacyFinding[] {
  const text = original.replace(UUID, (id) => ' '.repeat(id.length));
  const ids = matches(NATIONAL_ID, text)
    .filter((m) => isValidThaiNationalId(m.text))
    .map((m) => ({ kind: 'thai_national_id' as const, field, start: m.start, end: m.end }));
  const overlapsId = (m: { start: number; end: number }) =>
    ids.some((id) => m.start < id.end && id.start < m.end);
  const phones = matches(PHONE, text)
    .filter((m) => !overlapsId(m))
    .map((m) => ({ kind: 'phone_number' as const, field, start: m.start, end: m.end }));
  const passports = matches(PASSPORT, text).map((m) => ({
    kind: 'passport_number' as const,
    field,
    start: m.start,
    end: m.end,
  }));
  return [...ids, ...phones, ...passports].sort((a, b) => a.start - b.start);
}

/** Every finding in every given field, in field order; empty and missing fields are skipped. */
export function checkPrivacy(fields: Record<string, string | null | undefined>): PrivacyFinding[] {
  return Object.entries(fields).flatMap(([field, text]) => (text ? findPersonalData(field, text) : []));
}
