// One requested app on the details page (R7.3): status, modules and scopes, note, connection name and health,
// decline reason or error, and the actions the viewer may take in this state (SPEC §5 table).
import { forwardRef, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusLabel } from '../../../components/StatusLabel';
import { Button } from '../../../components/Button';
import { formatMoment } from '../../../lib/format';
import { moduleName } from '../../../lib/module-name';
import type { ConnectionType, RequestDetailsFieldsFragment, ViewerRelation } from '../../../gql/graphql';
import { UsageTable } from './UsageTable';
import { healthKey } from '../connection-health';
import { actionsFor, type AppAction } from '../app-actions';
import { localizedAppError, type ReadError } from '../../../lib/errors';

export type DetailsApp = RequestDetailsFieldsFragment['apps'][number];
/**
 * What the last action on the app answered (Request reauthorization, or credentials accepted) or why it was refused:
 * words are chosen when shown, and the object stays the same across a change of language, so the focus effects below
 * do not take it for a new answer.
 */
export interface AppOutcome {
  sent?: boolean;
  refusal?: ReadError;
  /** Credentials entered in the dialog were accepted: said here, where the status changed. */
  authorized?: boolean;
  /** …and they replaced working ones (Update credentials): said as that, not as a new authorization. */
  updated?: boolean;
  /** Revoke or Decline was confirmed: said here too, for whoever does not see the label change. */
  revoked?: boolean;
  declined?: boolean;
}

/** Each outcome is said while it is true: a live change since (an end date, a removal) may have undone it. */
const STILL_TRUE: { [K in 'authorized' | 'revoked' | 'declined' | 'sent']: string } = {
  authorized: 'AUTHORIZED',
  revoked: 'REVOKED',
  declined: 'DECLINED',
  sent: 'REAUTHORIZING',
};

export type { AppAction } from '../app-actions';

const LABEL: Record<AppAction, string> = {
  authorize: 'details.authorize',
  reauthorize: 'details.reauthorize',
  update: 'details.updateCredentials',
  decline: 'details.decline',
  revoke: 'details.revoke',
  requestReauthorization: 'details.requestReauthorization',
};

export const AppCard = forwardRef<
  HTMLButtonElement,
  {
    app: DetailsApp;
    type: ConnectionType | undefined;
    relation: ViewerRelation;
    mayAskReauthorization: boolean;
    busy: boolean;
    focusAction: AppAction | null;
    onAction: (action: AppAction) => void;
    /** What the last action on this app answered (R5.4): it stays until the next action or Close. */
    outcome: AppOutcome | null;
    recipientName: string;
    onDismissOutcome: () => void;
  }
>(function AppCard(
  { app, type, relation, mayAskReauthorization, busy, focusAction, onAction, outcome, recipientName, onDismissOutcome },
  focusRef,
) {
  const { t, i18n } = useTranslation('requests');
  const actions = actionsFor(app, type, relation, mayAskReauthorization);
  // The answer replaces the button that asked when the status changes (Request reauthorization goes once the app is
  // REAUTHORIZING): the focus, fallen to the page's body, goes to the answer instead.
  // Only for a fresh answer: once the focus went there, or the person moved it elsewhere, a later live change of the
  // buttons does not pull it back to an old answer.
  const outcomeRef = useRef<HTMLDivElement>(null);
  const fresh = useRef(false);
  useEffect(() => {
    fresh.current = outcome !== null;
    if (!outcome) return;
    const moved = () => void (fresh.current = false);
    document.addEventListener('focusin', moved);
    return () => document.removeEventListener('focusin', moved);
  }, [outcome]);
  const actionsShown = actions.join();
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (fresh.current && lost) outcomeRef.current?.focus();
  }, [outcome, actionsShown]);
  const conn = app.connection;
  const headingId = `app-${app.appKey}`;
  const outcomeSaid = (said: AppOutcome): string => {
    if (said.refusal) return said.refusal.message;
    if (said.authorized) return t(said.updated ? 'authorize.updated' : 'authorize.authorized', { app: app.appName });
    if (said.revoked) return t('revoke.done', { app: app.appName });
    if (said.declined) return t('decline.done', { app: app.appName });
    return said.sent ? t('details.reauthorizationSent', { recipient: recipientName }) : t('details.connectionValid');
  };
  return (
    <article className="card app-card" aria-labelledby={headingId} data-app={app.appKey}>
      <div className="app-block-header">
        <h3 id={headingId}>
          {app.appName} <span className="muted">({t('details.version', { n: app.version })})</span>
        </h3>
        <StatusLabel status={app.status} of="app" />
      </div>
      <h4>{t('details.modules')}</h4>
      <ul className="module-list">
        {app.modules.map((m) => (
          <li key={m.key}>
            {moduleName(m, i18n.language)}
            {m.scopes.length > 0 && <span className="muted"> — {m.scopes.join(', ')}</span>}
          </li>
        ))}
      </ul>
      <dl className="meta">
        {app.note && (
          <>
            <dt>{t('details.note')}</dt>
            <dd>{app.note}</dd>
          </>
        )}
        <dt>{t('details.connectionName')}</dt>
        <dd>{app.connectionName}</dd>
        {app.expectedAccountDomain && (
          <>
            <dt>{t('details.expectedDomain')}</dt>
            <dd>{app.expectedAccountDomain}</dd>
          </>
        )}
        {app.declineReason && (
          <>
            <dt>{t('details.declineReason')}</dt>
            <dd className="decline-reason">{app.declineReason}</dd>
          </>
        )}
        {app.error && (
          <>
            <dt>{t('details.error')}</dt>
            <dd className="app-error">{localizedAppError(app.error)}</dd>
          </>
        )}
        {/* Only while the access lasts: beside a revoked or declined app it read as if the access went on. */}
        {app.accessUntil && (app.status === 'AUTHORIZED' || app.status === 'REAUTHORIZING') && (
          <>
            <dt>{t('details.accessUntil')}</dt>
            <dd>{formatMoment(app.accessUntil, i18n.language)}</dd>
          </>
        )}
        {conn && (
          <>
            <dt>{t('details.connection')}</dt>
            <dd>
              {conn.name} — {t(healthKey(conn.status, app.status, relation, mayAskReauthorization))}
              {conn.expiresAt && conn.status === 'ACTIVE' && (
                <span className="muted">
                  {' '}
                  ({t('details.expiresAt', { at: formatMoment(conn.expiresAt, i18n.language) })})
                </span>
              )}
              {/* Said once: the app's error is often the same sentence. */}
              {conn.lastError && conn.lastError !== app.error && (
                <div className="app-error">{localizedAppError(conn.lastError)}</div>
              )}
            </dd>
          </>
        )}
      </dl>
      {conn && relation === 'RECIPIENT' && (
        <>
          <h4 id={`usage-${app.appKey}`}>{t('details.usage')}</h4>
          <UsageTable
            labelledBy={`usage-${app.appKey}`}
            usage={conn.usage}
            moduleName={(key) => {
              const module = app.modules.find((m) => m.key === key);
              return module ? moduleName(module, i18n.language) : key;
            }}
          />
        </>
      )}
      {actions.length > 0 && (
        <div className="actions">
          {actions.map((action) => (
            <Button
              key={action}
              ref={action === focusAction ? focusRef : undefined}
              variant={
                action === 'decline' || action === 'revoke'
                  ? 'danger'
                  : action === 'authorize' || action === 'reauthorize'
                    ? 'primary'
                    : 'secondary'
              }
              busy={busy}
              // Named with the app: a list of the page's buttons read "Authorize, Decline, Authorize, Decline…".
              // The visible word comes first, so that speaking it still finds the button (WCAG 2.5.3).
              aria-label={t('details.actionOf', { action: t(LABEL[action]), app: app.appName })}
              onClick={() => onAction(action)}
            >
              {t(LABEL[action])}
            </Button>
          ))}
        </div>
      )}
      {/* Always there, so that what is put in it is announced. */}
      <div ref={outcomeRef} className="app-outcome" role="status" tabIndex={-1}>
        {outcome && stillTrue(outcome, app.status) && (
          <p className="notice">
            {outcomeSaid(outcome)}{' '}
            <button
              type="button"
              className="btn btn-link"
              onClick={() => {
                // The Close button goes with the notice: the focus stays in the card, on its first action or title.
                const card = outcomeRef.current?.closest('article');
                const next = card?.querySelector<HTMLElement>('.actions button') ?? card?.querySelector('h3');
                if (next && !next.matches('button')) next.setAttribute('tabindex', '-1');
                next?.focus();
                onDismissOutcome();
              }}
            >
              {t('close', { ns: 'common' })}
            </button>
          </p>
        )}
      </div>
    </article>
  );
});

export function stillTrue(outcome: AppOutcome, status: string): boolean {
  return (Object.keys(STILL_TRUE) as (keyof typeof STILL_TRUE)[]).every(
    (said) => !outcome[said] || status === STILL_TRUE[said],
  );
}
