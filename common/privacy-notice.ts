/**
 * The PDPA privacy notice shown before an account is created (Personal Data Protection Act B.E. 2562).
 * Its text lives in the locales under `privacyNotice.*`, one title and body per section below, Thai and
 * English. Change a word of it and the version must change too: the server accepts an invitation only
 * with the current version and records it on the account, so every account says which text it agreed to.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-04';

/** The notice's sections, in the order they are shown; each has `privacyNotice.<section>.title` and `.body`. */
export const PRIVACY_NOTICE_SECTIONS = [
  'collected',
  'purpose',
  'retention',
  'visibility',
  'rights',
  'contact',
] as const;
export type PrivacyNoticeSection = (typeof PRIVACY_NOTICE_SECTIONS)[number];
