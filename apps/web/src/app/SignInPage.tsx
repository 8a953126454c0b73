// Sign-in: the identity provider (OIDC, done by the server) and, where the server allows it, the clearly labelled
// development sign-in. Both return to the page the visitor came from (same-origin paths only, checked again by the
// server).
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { Button } from '../components/Button';
import { localized } from '../lib/errors';
import { devSignIn, fetchAuthConfig, safeReturnTo, type AuthConfig } from '../lib/session';
import { LanguageSwitch } from './LanguageSwitch';
import { usePageTitle } from '../lib/use-page-title';

export function SignInPage() {
  const { t, i18n } = useTranslation('common');
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const failure = params.get('error');
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [support, setSupport] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    fetchAuthConfig()
      .then(setConfig)
      .catch(() => setConfig({ oidc: false, devSignIn: false }));
  }, []);
  usePageTitle(t('signIn.title'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await devSignIn({ email, name, supportStaff: support, returnTo });
    setBusy(false);
    if (result.ok) location.assign(returnTo);
    else setErrors(Object.fromEntries(result.fields.map((f) => [f.path, f.message])));
  };

  return (
    <main id="main" className="signin">
      <div className="signin-top">
        <LanguageSwitch />
      </div>
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {failure && (
        <p className="notice notice-error" role="alert">
          {t('signIn.failed', {
            reason: i18n.exists(`signIn.reasons.${failure}`) ? t(`signIn.reasons.${failure}`) : failure,
          })}
        </p>
      )}
      {!config && <p role="status">{t('loading')}</p>}
      {config?.oidc && (
        <a className="btn btn-primary" href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}>
          {t('signIn.oidc')}
        </a>
      )}
      {config?.devSignIn && (
        <form
          className="card dev-signin"
          noValidate
          onSubmit={(e) => void submit(e)}
          aria-labelledby="dev-signin-title"
        >
          <h2 id="dev-signin-title">{t('signIn.dev.title')}</h2>
          <p className="notice notice-warning">{t('signIn.dev.warning')}</p>
          <Field label={t('signIn.dev.email')} error={errors.email && localized(errors.email)}>
            <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </Field>
          <Field label={t('signIn.dev.name')} error={errors.name && localized(errors.name)}>
            <input type="text" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <div className="field field-check">
            <input id="dev-support" type="checkbox" checked={support} onChange={(e) => setSupport(e.target.checked)} />
            <label htmlFor="dev-support">{t('signIn.dev.supportStaff')}</label>
          </div>
          <Button type="submit" disabled={busy}>
            {t('signIn.dev.submit')}
          </Button>
        </form>
      )}
      {config && !config.oidc && !config.devSignIn && <p>{t('signIn.none')}</p>}
    </main>
  );
}
