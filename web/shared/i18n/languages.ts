import { LOCALES, type Locale } from '../../../server/modules/auth/auth.schemas.ts';

// Which of the languages Lotse has message files for fits a list of preferences
// (the browser's navigator.languages, a saved choice). German is the default.

export const DEFAULT_LOCALE: Locale = 'de';

/** How each language names itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { de: 'Deutsch', en: 'English' };

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

export function pickLocale(preferences: readonly (string | null | undefined)[]): Locale {
  for (const preference of preferences) {
    const language = preference?.trim().toLowerCase().split(/[-_]/)[0];
    if (language && isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}
