/**
 * What a contact value must look like, by its type, and the one form it is stored in. A call button that
 * dials nothing, at night, for a victim, is worse than no button: the server refuses such values and the
 * forms say so before sending.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Thai short numbers: 191 (police), 1300 (social assistance), 1191, 1546, 1694… */
const SHORT_NUMBER = /^1\d{2,4}$/;
/** What people type between digits: spaces, dashes, dots, brackets (ASCII and full-width). */
const SEPARATORS = /[\s\-–—.()（）－]/g;

/**
 * The number in the form TIPNet shows and dials: a short number as its digits, a Thai number in the
 * national form with dashes (02-141-1234, 081-234-5678), any other country's in international form
 * (+95 9 123 456 789). Null when it cannot be a phone number.
 */
export function normalisePhone(raw: string): string | null {
  const value = toAsciiDigits(raw.trim());
  const compact = value.replace(SEPARATORS, '');
  if (SHORT_NUMBER.test(compact)) return compact;
  if (!/^\+?\d+$/.test(compact)) return null;
  const number = parsePhoneNumberFromString(compact, 'TH');
  if (!number?.isPossible()) return null;
  return number.country === 'TH' || (!number.country && number.countryCallingCode === '66')
    ? number.formatNational().replace(/ /g, '-')
    : number.formatInternational();
}

/** LINE ids: 4–20 letters, digits, `.`, `_` or `-`; official accounts start with `@`. */
const LINE_ID = /^@?[a-z0-9._-]{4,20}$/i;
export const isLineId = (raw: string) => LINE_ID.test(raw.trim());

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmailAddress = (raw: string) => EMAIL.test(raw.trim()) && raw.trim().length <= 254;

export function isWebAddress(raw: string): boolean {
  try {
    const url = new URL(raw.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Thai digits (๐–๙) and full-width ones (０–９) as ASCII, so a number typed on a Thai keyboard still dials. */
function toAsciiDigits(value: string): string {
  return value
    .replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/＋/g, '+');
}
