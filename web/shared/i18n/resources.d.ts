import 'i18next';
import type de from '../../i18n/de.json';

// Message keys are checked by the compiler: t('nav.typo') does not typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof de };
  }
}
