// What happened at the provider, read from the URL /oauth/callback sends the browser back to:
// ?oauth=authorized|error&app=<key>&reason=<code> (codes only; the app's own error text comes from the API).
import { useTranslation } from 'react-i18next';
import { localizedAppError } from '../../../lib/errors';
import type { DetailsApp } from './AppCard';

const REASONS = [
  'wrong_account',
  'missing_scopes',
  'access_denied',
  'grant_refused',
  'not_found',
  'forbidden',
  'invalid',
  'try_again',
  'internal',
] as const;

export function OAuthOutcome({
  outcome,
  reason,
  app,
}: {
  outcome: string | null;
  reason: string | null;
  app: DetailsApp | undefined;
}) {
  const { t } = useTranslation('requests');
  const name = app?.appName ?? '';
  if (outcome === 'authorized') {
    // Said while it is true: a status that moved on since (reauthorization asked, revoked elsewhere) hides it.
    if (app?.status !== 'AUTHORIZED') return null;
    return (
      <p className="notice notice-success oauth-outcome" role="status">
        {t('oauth.authorized', { app: name })}
      </p>
    );
  }
  const code = (REASONS as readonly string[]).includes(reason ?? '')
    ? (reason as (typeof REASONS)[number])
    : 'internal';
  return (
    <div className="notice notice-error oauth-outcome" role="alert">
      <p>{t(`oauth.${code}`, { app: name })}</p>
      {app?.error && <p>{localizedAppError(app.error)}</p>}
    </div>
  );
}
