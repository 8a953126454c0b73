import { useEffect, useRef } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { apiLanguage, currentLanguage, languageFromLink, LANGUAGES, type Language } from '../lib/i18n';
import { useSession } from '../lib/session-context';
import { SetLanguage, ViewerLanguage } from './api/set-language';

/**
 * Switches the page's language and, for a signed-in person, the language of their e-mails with it. The e-mails follow
 * the pages from the start too: someone whose browser shows the app in Portuguese, and who never touched the switch,
 * was written to in English. Checked once per visit, only while nothing was chosen (`languageChosen`: a choice made
 * elsewhere stays, English included), and only away from the default. A language taken from an e-mail's link is that
 * e-mail's, not the reader's.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const session = useSession();
  const [saveLanguage] = useMutation(SetLanguage);
  const stored = useQuery(ViewerLanguage, { skip: !session.signedIn });
  const checked = useRef(false);
  const viewer = stored.data?.viewer;
  useEffect(() => {
    if (!viewer || checked.current) return;
    checked.current = true;
    const shown = apiLanguage(i18n.resolvedLanguage);
    if (!viewer.languageChosen && shown !== 'EN' && !languageFromLink())
      void saveLanguage({ variables: { language: shown } }).catch(() => undefined);
  }, [viewer, i18n, saveLanguage]);
  const change = (lng: Language) => {
    void i18n.changeLanguage(lng);
    // The page changes at once; the e-mails' language is saved in the background (a failure leaves it as it was).
    if (session.signedIn) void saveLanguage({ variables: { language: apiLanguage(lng) } }).catch(() => undefined);
  };
  return (
    <div className="language-switch">
      <label htmlFor="language-switch">{t('language.label')}</label>
      <select
        id="language-switch"
        value={currentLanguage(i18n.resolvedLanguage)}
        onChange={(e) => change(currentLanguage(e.target.value))}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
