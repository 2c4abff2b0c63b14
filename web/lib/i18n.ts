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
 * Thai ships with the first screen; English (about 100 KB) is fetched when someone reads in it, so the sign-in
 * page stays within its slow-3G budget. Until it arrives the Thai text shows.
 */
async function loadLanguage(language: string) {
  if (language !== 'en' || i18next.hasResourceBundle('en', 'translation')) return;
  const { default: en } = await import('../locales/en.json');
  i18next.addResourceBundle('en', 'translation', en);
  // Render again in English now that its texts are here.
  if (i18next.language === 'en') await i18next.changeLanguage('en');
}

export async function initI18n() {
  i18next.on('languageChanged', (language) => {
    reflectOnDocument(language);
    void loadLanguage(language);
  });
  const language = rememberedLanguage();
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
