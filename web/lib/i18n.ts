import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../common/taxonomies.ts';
import th from '../locales/th.json';
import type { Language } from './types.ts';

const STORAGE_KEY = 'tipnet.language';
export const DEFAULT_LANGUAGE: Language = 'th';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function rememberedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function reflectOnDocument(language: string) {
  document.documentElement.lang = language;
}

/**
 * Thai texts of the first screens (sign-in, the frame, the finder, the board) ship with the app; the
 * rest of the texts (about 17 kB compressed, `<language>.more.json`) arrive with the first other page,
 * and English (about 25 kB in all) when someone reads in it. On slow 3G every 50 kB is a second more before the
 * finder works. Until the English texts arrive the Thai ones show.
 */
const TEXTS = {
  first: { th: async () => th, en: async () => (await import('../locales/en.json')).default },
  more: {
    th: async () => (await import('../locales/th.more.json')).default,
    en: async () => (await import('../locales/en.more.json')).default,
  },
} satisfies Record<string, Record<Language, () => Promise<object>>>;
type TextsPart = keyof typeof TEXTS;

/** Whether a page that needs more than the first screens' texts has been opened. */
let moreTextsWanted = false;
const loaded = new Map<string, Promise<void>>();

function loadPart(language: Language, part: TextsPart): Promise<void> {
  const key = `${language}/${part}`;
  let loading = loaded.get(key);
  if (!loading) {
    loading = TEXTS[part][language]().then((texts) => {
      i18next.addResourceBundle(language, 'translation', texts, true, false);
    });
    // A failed fetch (no signal) is tried again by the next page that needs it.
    loading.catch(() => loaded.delete(key));
    loaded.set(key, loading);
  }
  return loading;
}

async function loadLanguage(language: string) {
  if (!isLanguage(language)) return;
  const parts: TextsPart[] = moreTextsWanted ? ['first', 'more'] : ['first'];
  const arriving = parts.some((part) => !loaded.has(`${language}/${part}`));
  await Promise.all(parts.map((part) => loadPart(language, part)));
  // Render again in this language now that its texts are here.
  if (arriving && i18next.language === language) await i18next.changeLanguage(language);
}

/** Fetches the texts of every page, for a page outside the first screens (web/lib/feature-routes.ts). */
export function loadAllTexts(): Promise<void> {
  moreTextsWanted = true;
  return loadLanguage(i18next.language);
}

export async function initI18n() {
  i18next.on('languageChanged', (language) => {
    reflectOnDocument(language);
    void loadLanguage(language);
  });
  const language = rememberedLanguage();
  loaded.set(`${DEFAULT_LANGUAGE}/first`, Promise.resolve());
  await i18next.use(initReactI18next).init({
    resources: { th: { translation: th } },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    // Thai is bundled, so initialise synchronously and render the first frame translated.
    initAsync: false,
  });
  await loadLanguage(language);
}

/** Switches the UI language and remembers it on this device (for the sign-in pages). */
export function applyLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may forbid storage; the choice then lasts for this visit only.
  }
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

/** The current UI language, narrowed to the ones TIPNet supports. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}
