/**
 * Texts the directory keeps in Thai and, optionally, in English. Thai is the fallback: an English reader
 * sees the Thai text when no English one was written, marked as Thai so it reads as a gap, not a bug.
 */
import type { Language, OrganisationSummary } from './types.ts';

export type Bilingual = { th: string | null | undefined; en: string | null | undefined };
/** The text to show and the language it is written in (`lang` differs from the UI's on a fallback). */
export type Shown = { text: string; lang: Language };

export function inLanguage({ th, en }: Bilingual, language: Language): Shown | null {
  const own = language === 'en' ? en : th;
  if (own) return { text: own, lang: language };
  const other: Language = language === 'en' ? 'th' : 'en';
  const fallback = other === 'en' ? en : th;
  return fallback ? { text: fallback, lang: other } : null;
}

export const isWritten = ({ th, en }: Bilingual) => Boolean(th || en);

/**
 * The abbreviation shown beside a name in that language: English pages never put a Thai abbreviation
 * (กป.) beside an English name, so without an English one they show none.
 */
export function organisationAbbreviation(
  organisation: Pick<OrganisationSummary, 'abbreviation'> & { abbreviationEn?: string | null },
  language: Language,
): string | null {
  return (language === 'en' ? organisation.abbreviationEn : organisation.abbreviation) ?? null;
}
