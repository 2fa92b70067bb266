import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../shared/api/session.ts';
import { directionOf } from '../shared/i18n/direction.ts';

/**
 * Keeps the UI language on the logged-in user's saved locale, and Mantine's
 * direction (left-to-right or right-to-left) on the language. <html lang dir> are
 * set by the i18n setup itself.
 */
export function LanguageEffects() {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const { setDirection } = useDirection();
  const savedLocale = me?.user.locale;

  useEffect(() => {
    if (savedLocale && savedLocale !== i18n.language) void i18n.changeLanguage(savedLocale);
  }, [savedLocale, i18n]);

  useEffect(() => {
    setDirection(directionOf(i18n.language));
  }, [i18n.language, setDirection]);

  return null;
}
