/** Client-side checks mirroring the server's rules, so people learn of mistakes before a slow round-trip. */
import { isEmailAddress, isLineId, isWebAddress, normalisePhone } from '../../common/contact-values.ts';
import type { ContactType } from '../../common/directory-taxonomies.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../common/taxonomies.ts';

export { PASSWORD_MIN_LENGTH };

/** Returns the i18n key of the problem, or null when the value is fine. */
export type Check = (value: string) => string | null;

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const checkEmail: Check = (value) => {
  if (!value.trim()) return 'validation.required';
  return EMAIL_SHAPE.test(value.trim()) ? null : 'validation.email';
};

/** A number a call button can dial: Thai, a short hotline, or international (the server normalises it). */
export const checkPhone: Check = (value) => (normalisePhone(value) ? null : 'validation.phone');

export const checkLineId: Check = (value) => (isLineId(value) ? null : 'validation.lineId');

/** The same rules the server applies to an organisation's contact of this type. */
export function checkContactValue(type: ContactType, value: string): string | null {
  switch (type) {
    case 'email':
      return isEmailAddress(value) ? null : 'validation.email';
    case 'line':
      return checkLineId(value);
    case 'website':
      return isWebAddress(value) ? null : 'directory.edit.badWebsite';
    default:
      return checkPhone(value);
  }
}

export const checkRequired: Check = (value) => (value.trim() ? null : 'validation.required');

export const checkNewPassword: Check = (value) => {
  if (value.length < PASSWORD_MIN_LENGTH) return 'validation.passwordLength';
  if (value.length > PASSWORD_MAX_LENGTH) return 'validation.passwordTooLong';
  return null;
};

export const checkSixDigitCode: Check = (value) =>
  /^\d{6}$/.test(value.trim()) ? null : 'validation.sixDigits';

export function checkPasswordsMatch(password: string, confirmation: string): string | null {
  return password === confirmation ? null : 'validation.passwordsMatch';
}

/** Runs every check and keeps the fields that failed. */
export function collectErrors<K extends string>(
  checks: Record<K, string | null>,
): Partial<Record<K, string>> | null {
  const failed: Partial<Record<K, string>> = {};
  for (const [field, problem] of Object.entries(checks) as [K, string | null][]) {
    if (problem) failed[field] = problem;
  }
  return Object.keys(failed).length ? failed : null;
}
