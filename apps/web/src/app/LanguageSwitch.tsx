import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES } from '../lib/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  return (
    <div className="language-switch">
      <label htmlFor="language-switch">{t('language.label')}</label>
      <select
        id="language-switch"
        value={currentLanguage(i18n.resolvedLanguage)}
        onChange={(e) => void i18n.changeLanguage(e.target.value)}
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
