// Request details (R7.3) for the requester and the recipient, live (R12.7): who, when, the description, the
// requested credentials with their actions, Delete (R9) and, for auditors, the verified history (R10.3).
// Also /requests/:id/apps/:appKey/reauthorize: the same page with that app's Reauthorize in focus.
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { StatusLabel } from '../../../components/StatusLabel';
import type { CatalogAppsQuery, ConnectionType } from '../../../gql/graphql';
import { Button } from '../../../components/Button';
import { formatDateTime } from '../../../lib/format';
import { readError } from '../../../lib/errors';
import { RequestDetails } from '../api/queries';
import { useCatalogApps } from '../api/catalog';
import { RequestReauthorization } from '../api/mutations';
import { useAfterAction } from '../api/after-action';
import { RequestUpdated } from '../api/subscriptions';
import { AppCard, stillTrue, type AppAction, type DetailsApp, type AppOutcome } from '../components/AppCard';
import { AuthorizeDialog, type AuthorizeTarget } from '../components/AuthorizeDialog';
import { DeclineDialog } from '../components/DeclineDialog';
import { RevokeDialog } from '../components/RevokeDialog';
import { DeleteRequestDialog } from '../components/DeleteRequestDialog';
import { HistorySection } from '../components/HistorySection';
import { OAuthOutcome } from '../components/OAuthOutcome';
import { LiveStatus } from '../components/LiveStatus';
import { mayDelete, mayRequestReauthorization } from '../policies';
import { actionsFor } from '../app-actions';
import { RequestNotVisible } from '../components/RequestNotVisible';
import { usePageTitle } from '../../../lib/use-page-title';
import { useSessionEnded } from '../../../lib/session-ended';
import { useWorkspace } from '../../../lib/workspace';
import { openedFromList, teamToShow } from '../back-to-list';

type Target = { requestId: string; appKey: string; appName: string };

export function RequestDetailsPage() {
  const { t, i18n } = useTranslation('requests');
  const { id = '', appKey: focusApp } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const ws = useWorkspace();
  const { data, loading, error, refetch } = useQuery(RequestDetails, { variables: { id } });
  const catalog = useCatalogApps();
  // The server ends the live updates when the viewer may no longer see the request (deleted, access lost): ask
  // once more, so that the page says so instead of showing what no longer is.
  // An ended session closed the socket for good (4401): they stop with it, and start again once signed in again.
  const sessionEnded = useSessionEnded();
  useSubscription(RequestUpdated, {
    variables: { id },
    skip: sessionEnded,
    onComplete: () => void refetch().catch(() => undefined),
  });
  const afterAction = useAfterAction();
  const [requestReauth, reauth] = useMutation(RequestReauthorization, afterAction);
  const [authorizing, setAuthorizing] = useState<AuthorizeTarget | null>(null);
  const [declining, setDeclining] = useState<Target | null>(null);
  const [revoking, setRevoking] = useState<Target | null>(null);
  const [deleting, setDeleting] = useState(false);
  // What Request reauthorization answered, for that app's card; words chosen when shown (the language may change).
  const [outcome, setOutcome] = useState<(AppOutcome & { appKey: string }) | null>(null);
  const focusRef = useRef<HTMLButtonElement>(null);
  const request = data?.credentialRequest;

  usePageTitle(request?.name);
  // Shown once, then gone (deleted by the other party, live): that is what the page says, not "may not exist".
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    if (request) setShown(request.name);
  }, [request]);
  // Once per arrival (the e-mail's link): every refetch or live update gives a new `request`, and the focus must not
  // jump back to that app's button after the person acted elsewhere on the page.
  const focusedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!focusApp || !request || focusedFor.current === location.key) return;
    if (!focusRef.current) return;
    focusRef.current.focus();
    focusedFor.current = location.key;
  }, [focusApp, request, location.key]);

  if (loading && !request) return <p role="status">{t('loading', { ns: 'common' })}</p>;
  // A refetch that finds nothing keeps the last data beside its error: the error wins.
  const failure = error ? readError(error) : null;
  if (!request || failure?.code === 'NOT_FOUND')
    return (
      <RequestNotVisible
        requestId={id}
        failure={failure}
        gone={shown}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );

  const typeOf = (app: DetailsApp) => app.connection?.type ?? connectionTypeIn(catalog.data?.apps, app);
  const relation = request.viewerRelation;
  const mayAsk = mayRequestReauthorization(relation, request.team.viewerRole);
  const appNow = (target: Target | null) => request.apps.find((a) => a.appKey === target?.appKey);
  // An open dialog follows its app: the status now, when it no longer offers the dialog's action.
  const moved = (target: Target | null, action: AppAction) => {
    const app = appNow(target);
    return app && !actionsFor(app, typeOf(app), relation, mayAsk).includes(action) ? app.status : null;
  };
  const connected = (status: string | undefined) => status === 'AUTHORIZED' || status === 'REAUTHORIZING';
  const other = relation === 'RECIPIENT' ? request.requester : request.recipient;

  const act = async (app: DetailsApp, action: AppAction) => {
    // The provider's outcome was about the last attempt: a new action makes it old news (and a stale "is authorized"
    // above a card about to say Revoked would contradict it).
    if (params.has('oauth')) {
      setParams(
        (current) => {
          for (const key of ['oauth', 'app', 'reason']) current.delete(key);
          return current;
        },
        { replace: true },
      );
    }
    setOutcome(null);
    const target = { requestId: request.id, appKey: app.appKey, appName: app.appName, accessUntil: app.accessUntil };
    const type = typeOf(app);
    if (action === 'authorize' || action === 'reauthorize' || action === 'update') {
      if (type) setAuthorizing({ ...target, type, mode: action });
      else {
        // The catalog says how this app connects, and it could not be read: read it again now, and say so in the card
        // if it still cannot be.
        const again = await catalog.refetch().then(
          (r) => ({ type: connectionTypeIn(r.data?.apps, app), error: null as unknown }),
          (error: unknown) => ({ type: undefined, error }),
        );
        if (again.type) setAuthorizing({ ...target, type: again.type, mode: action });
        else setOutcome({ appKey: app.appKey, refusal: readError(again.error) });
      }
    } else if (action === 'decline') setDeclining(target);
    else if (action === 'revoke') setRevoking(target);
    else {
      try {
        const { data: result } = await requestReauth({ variables: { requestId: request.id, appKey: app.appKey } });
        const r = result?.requestReauthorization;
        if (r) setOutcome({ appKey: app.appKey, sent: r.sent });
      } catch (e) {
        setOutcome({ appKey: app.appKey, refusal: readError(e) });
      }
    }
  };

  return (
    <section>
      <p>
        <Link
          to={relation === 'RECIPIENT' ? '/requests?tab=received' : '/requests'}
          onClick={(e) => {
            if (openedFromList(location)) {
              e.preventDefault();
              void navigate(-1);
              return;
            }
            const team = teamToShow(request, ws.organizations);
            if (team) ws.choose(team.organizationId, team.teamId);
          }}
        >
          {t('details.back')}
        </Link>
      </p>
      <div className="app-block-header">
        <h1>{request.name}</h1>
        <StatusLabel status={request.status} />
      </div>
      <p className="visually-hidden">{t('details.liveUpdates')}</p>
      <LiveStatus
        apps={request.apps}
        // The card says what the viewer just did while it is so; a later change to that app is said here.
        saidByCard={
          outcome && stillTrue(outcome, request.apps.find((a) => a.appKey === outcome.appKey)?.status ?? '')
            ? outcome.appKey
            : null
        }
      />
      {params.get('oauth') && (
        <OAuthOutcome
          outcome={params.get('oauth')}
          reason={params.get('reason')}
          app={request.apps.find((a) => a.appKey === params.get('app'))}
        />
      )}
      <dl className="meta">
        <dt>{relation === 'RECIPIENT' ? t('details.requester') : t('details.recipient')}</dt>
        <dd>
          {other.name} ({other.email})
        </dd>
        {relation !== 'RECIPIENT' && relation !== 'REQUESTER' && (
          <>
            <dt>{t('details.requester')}</dt>
            <dd>
              {request.requester.name} ({request.requester.email})
            </dd>
          </>
        )}
        <dt>{t('details.sentAt')}</dt>
        <dd>{formatDateTime(request.sentAt, i18n.language)}</dd>
        <dt>{t('details.team')}</dt>
        <dd>
          {request.organization.name} / {request.team.name}
        </dd>
        {request.description && (
          <>
            <dt>{t('details.description')}</dt>
            <dd>{request.description}</dd>
          </>
        )}
      </dl>
      <h2>{t('details.requestedCredentials')}</h2>
      {request.apps.map((app) => (
        <AppCard
          key={app.appKey}
          ref={app.appKey === focusApp ? focusRef : undefined}
          app={app}
          type={typeOf(app)}
          relation={relation}
          mayAskReauthorization={mayAsk}
          busy={reauth.loading}
          focusAction={app.appKey === focusApp ? (app.status === 'REAUTHORIZING' ? 'reauthorize' : 'authorize') : null}
          onAction={(action) => void act(app, action)}
          outcome={outcome?.appKey === app.appKey ? outcome : null}
          recipientName={request.recipient.name}
          onDismissOutcome={() => setOutcome(null)}
        />
      ))}
      {mayDelete(relation) && (
        <div className="actions">
          <Button variant="danger" onClick={() => setDeleting(true)}>
            {t('details.delete')}
          </Button>
        </div>
      )}
      <HistorySection
        requestId={request.id}
        updatedAt={request.updatedAt}
        appNames={new Map(request.apps.map((a) => [a.appKey, a.appName]))}
      />
      <AuthorizeDialog
        target={authorizing}
        moved={moved(authorizing, authorizing?.mode ?? 'authorize')}
        onClose={() => setAuthorizing(null)}
        onAuthorized={(done) => setOutcome({ appKey: done.appKey, authorized: true, updated: done.mode === 'update' })}
      />
      <DeclineDialog
        target={declining && { ...declining, connected: connected(appNow(declining)?.status) }}
        moved={moved(declining, 'decline')}
        onClose={() => setDeclining(null)}
        onDone={(done) => setOutcome({ appKey: done.appKey, declined: true })}
      />
      <RevokeDialog
        target={revoking}
        moved={moved(revoking, 'revoke')}
        onClose={() => setRevoking(null)}
        onDone={(done) => setOutcome({ appKey: done.appKey, revoked: true })}
      />
      <DeleteRequestDialog
        request={deleting ? request : null}
        onClose={() => setDeleting(false)}
        onDeleted={(name) => {
          // To the list Back leads to: the recipient's Received, the requester's team's Sent.
          const team = teamToShow(request, ws.organizations);
          if (team) ws.choose(team.organizationId, team.teamId);
          void navigate(relation === 'RECIPIENT' ? '/requests?tab=received' : '/requests', {
            state: { deletedName: name, deleted: request.id },
          });
        }}
      />
    </section>
  );
}

/** How an app of the request connects, as the catalog's version of it says. */
function connectionTypeIn(
  apps: CatalogAppsQuery['apps'] | undefined,
  app: Pick<DetailsApp, 'appKey' | 'version'>,
): ConnectionType | undefined {
  return apps?.find((a) => a.key === app.appKey)?.versions.find((v) => v.version === app.version)?.connectionType;
}
