// Sign-in: the identity provider (OIDC, done by the server) and, where the server allows it, the clearly labelled
// development sign-in. Both return to the page the visitor came from (same-origin paths only).
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchAuthConfig, safeReturnTo, type AuthConfig } from '../lib/session';
import { LanguageSwitch } from './LanguageSwitch';

export function SignInPage() {
  const { t } = useTranslation('common');
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const [config, setConfig] = useState<AuthConfig | null>(null);
  useEffect(() => {
    fetchAuthConfig()
      .then(setConfig)
      .catch(() => setConfig({ oidc: false, devSignIn: false }));
  }, []);
  useEffect(() => {
    document.title = `${t('signIn.title')} · ${t('appName')}`;
  }, [t]);
  return (
    <main id="main" className="signin">
      <div className="signin-top">
        <LanguageSwitch />
      </div>
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {!config && <p role="status">{t('loading')}</p>}
      {config?.oidc && (
        <a className="btn btn-primary" href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}>
          {t('signIn.oidc')}
        </a>
      )}
      {config?.devSignIn && (
        <form className="card dev-signin" method="post" action="/auth/dev-signin" aria-labelledby="dev-signin-title">
          <h2 id="dev-signin-title">{t('signIn.dev.title')}</h2>
          <p className="notice notice-warning">{t('signIn.dev.warning')}</p>
          <input type="hidden" name="returnTo" value={returnTo} />
          <div className="field">
            <label htmlFor="dev-email">{t('signIn.dev.email')}</label>
            <input id="dev-email" name="email" type="email" required autoComplete="email" />
          </div>
          <div className="field">
            <label htmlFor="dev-name">{t('signIn.dev.name')}</label>
            <input id="dev-name" name="name" type="text" required autoComplete="name" />
          </div>
          <div className="field field-check">
            <input id="dev-support" name="supportStaff" type="checkbox" value="true" />
            <label htmlFor="dev-support">{t('signIn.dev.supportStaff')}</label>
          </div>
          <button type="submit" className="btn btn-secondary">
            {t('signIn.dev.submit')}
          </button>
        </form>
      )}
      {config && !config.oidc && !config.devSignIn && <p>{t('signIn.none')}</p>}
    </main>
  );
}
