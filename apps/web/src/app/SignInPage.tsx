// Sign-in: the identity provider (OIDC, done by the server) and, where the server allows it, the clearly labelled
// development sign-in. Both return to the page the visitor came from (same-origin paths only, checked again by the
// server).
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { Button } from '../components/Button';
import { ReadFailure } from '../components/ReadFailure';
import { localized, localizedRefusal } from '../lib/errors';
import { devSignIn, fetchAuthConfig, safeReturnTo, type AuthConfig } from '../lib/session';
import { LanguageSwitch } from './LanguageSwitch';
import { usePageTitle } from '../lib/use-page-title';

export function SignInPage() {
  const { t, i18n } = useTranslation('common');
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const failure = params.get('error');
  const [config, setConfig] = useState<AuthConfig | null>(null);
  // The ways to sign in could not be read: said as such, with Try again, not as "no way to sign in".
  const [unread, setUnread] = useState(false);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [support, setSupport] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A refused field takes the focus, so that its description says what is wrong (the button alone said nothing).
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  const [busy, setBusy] = useState(false);
  // The server's sentence for a refusal that names no field (kept as it came, worded when shown); '' for no answer.
  const [refused, setRefused] = useState<string | null>(null);
  const readConfig = useCallback(() => {
    setUnread(false);
    fetchAuthConfig()
      .then(setConfig)
      .catch(() => setUnread(true));
  }, []);
  useEffect(readConfig, [readConfig]);
  usePageTitle(t('signIn.title'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await devSignIn({ email, name, supportStaff: support, returnTo });
    setBusy(false);
    // Replaced, not pushed: Back from the page signed in to must not show the sign-in form as if signed out.
    if (result.ok) return location.replace(returnTo);
    setErrors('fields' in result ? Object.fromEntries(result.fields.map((f) => [f.path, f.message])) : {});
    setRefused('refused' in result ? (result.refused ?? '') : null);
  };

  return (
    <main id="main" className="signin">
      <div className="signin-top">
        <LanguageSwitch />
      </div>
      <h1>{t('signIn.title')}</h1>
      <p>{t(returnTo.startsWith('/invitations/') ? 'signIn.introInvitation' : 'signIn.intro')}</p>
      <p>{t('signIn.firstTime')}</p>
      {failure && (
        <p className="notice notice-error" role="alert">
          {i18n.exists(`signIn.reasons.${failure}`)
            ? t('signIn.failed', { reason: t(`signIn.reasons.${failure}`) })
            : t('signIn.failedUnknown')}
        </p>
      )}
      {unread ? (
        <ReadFailure message={t('operationErrors.network')} onRetry={readConfig} data-config-unread="" />
      ) : (
        !config && <p role="status">{t('loading')}</p>
      )}
      {config?.oidc && (
        <a className="btn btn-primary" href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}>
          {t('signIn.oidc')}
        </a>
      )}
      {config?.devSignIn && (
        <form
          ref={form}
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
          {refused !== null && (
            <p className="notice notice-error" role="alert">
              {refused ? localizedRefusal(refused) : t('operationErrors.network')}
            </p>
          )}
          <Button type="submit" busy={busy}>
            {t('signIn.dev.submit')}
          </Button>
        </form>
      )}
      {config && !config.oidc && !config.devSignIn && <p>{t('signIn.none')}</p>}
    </main>
  );
}
