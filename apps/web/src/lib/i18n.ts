// i18next with one namespace per feature and language. Catalogues are TypeScript objects: pt-BR is typed after en,
// so a missing or extra key fails `npm run typecheck`. The language comes from an e-mail's link, the switch's choice
// (kept in localStorage: a preference, not a secret) or the browser.
import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import type { Language as ApiLanguage } from '../gql/graphql';

export const LANGUAGES = ['en', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Catalogue = Record<Language, Record<string, unknown>>;

export function initI18n(catalogues: { namespace: string; messages: Catalogue }[]) {
  const resources: Record<string, Record<string, Record<string, unknown>>> = { en: {}, 'pt-BR': {} };
  for (const { namespace, messages } of catalogues) {
    for (const lng of LANGUAGES) resources[lng][namespace] = messages[lng];
  }
  void i18next
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: false,
      fallbackLng: { pt: ['pt-BR'], default: ['en'] },
      load: 'currentOnly',
      ns: catalogues.map((c) => c.namespace),
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      // An e-mail's link names the e-mail's language (`?lng=`): it comes first, so that someone written to in
      // Portuguese reads the pages in Portuguese on a browser set to English; then the switch's choice, then the browser.
      detection: {
        order: ['querystring', 'localStorage', 'navigator'],
        lookupQuerystring: 'lng',
        caches: ['localStorage'],
        lookupLocalStorage: 'lang',
      },
      initAsync: false,
    });
  const syncHtmlLang = (lng: string) => document.documentElement.setAttribute('lang', lng);
  syncHtmlLang(i18next.resolvedLanguage ?? 'en');
  i18next.on('languageChanged', syncHtmlLang);
  return i18next;
}

/** The language the app shows, one of LANGUAGES (the browser may say "pt" or "en-GB"). */
export function currentLanguage(lng: string | undefined): Language {
  if (lng?.toLowerCase().startsWith('pt')) return 'pt-BR';
  return 'en';
}

/** The API's name for a language (e-mails, the catalog's translations). */
export const apiLanguage = (lng: string | undefined): ApiLanguage =>
  currentLanguage(lng) === 'pt-BR' ? 'PT_BR' : 'EN';
