// i18next with one namespace per feature and language. Catalogues are TypeScript objects: pt-BR is typed after en,
// so a missing or extra key fails `npm run typecheck`. The language comes from an e-mail's link, the switch's choice
// (kept in localStorage, and in a `lang` cookie for the pages the server writes: a preference, not a secret) or the
// browser.
import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import type { Language as ApiLanguage } from '../gql/graphql';

export const LANGUAGES = ['en', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Catalogue = Record<Language, Record<string, unknown>>;

const STORED = 'lang';

let fromLink = false;

/** The page's language came from an e-mail's link in this visit: the e-mail's language, not the reader's own. */
export const languageFromLink = (): boolean => fromLink;

/**
 * An e-mail's link names the e-mail's language (`?lng=`): someone written to in Portuguese, on a browser set to
 * English, reads the pages as the e-mail. It is taken as the reader's choice (as the switch would keep it), then
 * dropped from the address, so that a reload or a sign-in's round trip does not impose it again over the switch.
 * Only our languages: anything else (i18next's own `cimode` shows the keys) is dropped unread.
 */
function takeLanguageFromLink(): void {
  const url = new URL(window.location.href);
  const lng = url.searchParams.get('lng');
  if (lng === null) return;
  fromLink = true;
  if ((LANGUAGES as readonly string[]).includes(lng)) {
    try {
      localStorage.setItem(STORED, lng);
    } catch {
      // Storage refused (a private window): the browser's language then.
    }
  }
  url.searchParams.delete('lng');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

export function initI18n(catalogues: { namespace: string; messages: Catalogue }[]) {
  takeLanguageFromLink();
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
      // Also a cookie, which the server reads for the few pages it writes itself (the OAuth2 callback's failure page).
      detection: {
        order: ['localStorage', 'navigator'],
        caches: ['localStorage', 'cookie'],
        lookupLocalStorage: STORED,
        lookupCookie: STORED,
        cookieMinutes: 525_600,
        cookieOptions: { path: '/', sameSite: 'lax' },
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
