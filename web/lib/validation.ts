/** Client-side checks mirroring the server's rules, so people learn of mistakes before a slow round-trip. */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../common/taxonomies.ts';

export { PASSWORD_MIN_LENGTH };

/** Returns the i18n key of the problem, or null when the value is fine. */
export type Check = (value: string) => string | null;

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const checkEmail: Check = (value) => {
  if (!value.trim()) return 'validation.required';
  return EMAIL_SHAPE.test(value.trim()) ? null : 'validation.email';
};

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
