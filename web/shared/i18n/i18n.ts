import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../../server/modules/auth/auth.schemas.ts';
import de from '../../i18n/de.json' with { type: 'json' };
import en from '../../i18n/en.json' with { type: 'json' };
import { directionOf } from './direction.ts';
import { DEFAULT_LOCALE, isLocale, pickLocale } from './languages.ts';

// The UI language: the logged-in user's saved locale, before login the choice made
// on the login page (remembered in this browser) or else the browser's languages.

const CHOICE_KEY = 'lotse.locale';

function savedChoice(): string | null {
  try {
    return localStorage.getItem(CHOICE_KEY);
  } catch {
    return null;
  }
}

/** Remembers a language chosen before login, for the next visit to the login page. */
export function rememberLanguageChoice(locale: Locale): void {
  try {
    localStorage.setItem(CHOICE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** <html lang dir> follow the language, for screen readers, hyphenation and right-to-left scripts. */
function applyToDocument(locale: string): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: pickLocale([savedChoice(), ...navigator.languages]),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);
