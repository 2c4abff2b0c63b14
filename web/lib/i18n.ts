import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../common/taxonomies.ts';
import en from '../locales/en.json';
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

export function initI18n() {
  i18next.on('languageChanged', reflectOnDocument);
  return i18next.use(initReactI18next).init({
    resources: { th: { translation: th }, en: { translation: en } },
    lng: rememberedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    // Resources are bundled, so initialise synchronously and render the first frame translated.
    initAsync: false,
  });
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
