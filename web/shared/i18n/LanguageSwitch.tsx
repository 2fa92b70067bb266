import { NativeSelect } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale, type MeView } from '../../../server/modules/auth/auth.schemas.ts';
import { api, ApiError } from '../api/client.ts';
import { acceptSession, useMe } from '../api/session.ts';
import { rememberLanguageChoice } from './i18n.ts';
import { isLocale, LANGUAGE_NAMES } from './languages.ts';

/** Saves the locale on the user; if the profile changed elsewhere meanwhile, it retries on the fresh version. */
async function saveLocale(me: MeView, locale: Locale): Promise<MeView> {
  try {
    return await api.patch<MeView>('/api/me', { locale, version: me.user.version });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    const fresh = await api.get<MeView>('/api/me');
    return api.patch<MeView>('/api/me', { locale, version: fresh.user.version });
  }
}

/**
 * The language switch of the header and the login page. Logged in, the choice is
 * saved on the user (and follows them to other devices); before login it is
 * remembered in this browser.
 */
export function LanguageSwitch({ withLabel = false }: { withLabel?: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const save = useMutation({
    mutationFn: (locale: Locale) => saveLocale(me!, locale),
    onSuccess: (updated) => acceptSession(queryClient, updated),
  });

  function choose(value: string) {
    if (!isLocale(value)) return;
    void i18n.changeLanguage(value);
    if (me) save.mutate(value);
    else rememberLanguageChoice(value);
  }

  return (
    <NativeSelect
      label={withLabel ? t('app.language') : undefined}
      aria-label={withLabel ? undefined : t('app.language')}
      value={i18n.language}
      onChange={(event) => choose(event.currentTarget.value)}
      error={save.isError ? t('profile.languageNotSaved') : undefined}
      size="sm"
      w={withLabel ? 220 : { base: 110, sm: 130 }}
      data-testid="language-switch"
    >
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LANGUAGE_NAMES[locale]}
        </option>
      ))}
    </NativeSelect>
  );
}
