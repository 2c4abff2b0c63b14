/**
 * Text normalisation shared by indexing and querying, so both sides always produce the same lexemes.
 */
const THAI_DIGITS = /[\u0E50-\u0E59]/g;
/** Thai punctuation that separates words like a space: paiyannoi ฯ, mai yamok ๆ, fongman ๏, angkhankhu ๚ ๛. */
const THAI_PUNCTUATION = /[\u0E2F\u0E46\u0E4F\u0E5A\u0E5B]/g;
/** A Thai run (letters, vowels, tone marks), or a run of letters and digits of any other script. */
const RUN = /[\u0E01-\u0E3A\u0E40-\u0E4E]+|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const THAI = /^[\u0E01-\u0E3A\u0E40-\u0E4E]/;

export type Run = { text: string; thai: boolean };

/** NFC, lower case, Thai digits as ASCII, Thai punctuation as spaces. Dots are handled by the callers. */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(THAI_PUNCTUATION, ' ');
}

/** Maximal runs of one script; everything else (spaces, punctuation, emoji, zero-width characters) separates them. */
export function runsOf(normalised: string): Run[] {
  return [...normalised.matchAll(RUN)].map(([text]) => ({ text, thai: THAI.test(text) }));
}

/**
 * Abbreviations are written with and without dots (ศพดส.ตร., ศพดส ตร, ศพดสตร; O.U.R., OUR):
 * documents index both the joined and the split form, so a query in any of those forms finds them.
 */
export const withoutDots = (text: string) => text.replace(/\./g, '');
export const dotsAsSpaces = (text: string) => text.replace(/\./g, ' ');
