// The audit log (R10.2): org owners/admins see the whole organization, team admins their teams; anyone else is told
// plainly that they may not (FORBIDDEN). Two tabs: what happened to requests (R10.1) and to memberships (R13.13).
// Cursor paging with a stack of the cursors already seen, so "Previous" works.
import { useMemo } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';
import { PageReadError } from '../../../components/OperationError';
import { Tabs } from '../../../components/Tabs';
import { formatDateTime } from '../../../lib/format';
import { isOrgAdmin, useWorkspace } from '../../../lib/workspace';
import {
  AUDIT_PAGE_SIZE,
  AuditLogApps,
  AuditLogOrganization,
  AuditLogPage as AuditLogPageQuery,
} from '../api/operations';
import { usePageTitle } from '../../../lib/use-page-title';
import { Row, StackedTable } from '../../../components/StackedTable';
import { NoWorkspace } from '../../../components/NoWorkspace';
import { AuditFrame } from '../components/AuditFrame';
import { MembershipEntries } from '../components/MembershipEntries';

type View = 'requests' | 'members';

/** `/audit-log`: the organization chosen in the switcher. */
export function CurrentAuditLogPage() {
  const { t } = useTranslation('auditLog');
  usePageTitle(t('title'));
  const { organization, loading } = useWorkspace();
  if (loading) return <p role="status">{t('common:loading')}</p>;
  if (!organization) return <NoWorkspace title={t('title')} message={t('noOrganization')} />;
  return <AuditLog key={organization.id} organizationId={organization.id} />;
}

/** `/organizations/:organizationId/audit-log`. */
export function AuditLogPage() {
  const { organizationId = '' } = useParams();
  return <AuditLog key={organizationId} organizationId={organizationId} />;
}

function AuditLog({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('auditLog');
  usePageTitle(t('title'));
  const org = useQuery(AuditLogOrganization, { variables: { id: organizationId } });
  // In the address, so that a link (or Back) opens the same tab.
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'members' ? 'members' : 'requests';
  // The team filter in the address too, and the pages walked in the history entry's state (they belong to one tab
  // and filter): Back from a request opened here, or a reload, shows the same page of the same trail, on either tab.
  const teamId = params.get('team') ?? '';
  const location = useLocation();
  const navigate = useNavigate();
  const walked = (location.state as { audit?: { view?: View; team: string; cursors: (string | null)[] } } | null)
    ?.audit;
  const cursors = walked?.team === teamId && (walked.view ?? 'requests') === view ? walked.cursors : [null];
  const setCursors = (next: (string | null)[]) =>
    void navigate(`${location.pathname}${location.search}`, {
      replace: true,
      state: { audit: { view, team: teamId, cursors: next } },
    });
  /** Another tab or team: the same address otherwise, from the first page. */
  const show = (changes: { view?: View; team?: string }) => {
    const next = new URLSearchParams(params);
    if (changes.view !== undefined) {
      if (changes.view === 'members') next.set('view', 'members');
      else next.delete('view');
    }
    if (changes.team !== undefined) {
      if (changes.team) next.set('team', changes.team);
      else next.delete('team');
    }
    setParams(next, { replace: true });
  };
  const teams = org.data?.organization?.teams ?? [];
  // R10.2: a team admin who is not an organization admin may filter by the teams they run only; the server refuses
  // the others (their entries are not in "All teams" either).
  const orgAuditor = isOrgAdmin(org.data?.organization);
  const filterable = orgAuditor ? teams : teams.filter((team) => team.viewerRole === 'ADMIN');
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  return (
    <section className="page" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('title')}</h1>
      {org.data?.organization && <p>{t('organization', { name: org.data.organization.name })}</p>}
      <p>{t('intro')}</p>
      <Tabs
        label={t('views.label')}
        items={[
          { key: 'requests' as const, label: t('views.requests') },
          { key: 'members' as const, label: t('views.members') },
        ]}
        selected={view}
        onSelect={(key) => show({ view: key })}
      >
        {filterable.length > 0 && (
          <div className="toolbar">
            <Field label={t('team')}>
              <select value={teamId} onChange={(e) => show({ team: e.target.value })}>
                <option value="">{t('allTeams')}</option>
                {filterable.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        )}
        {view === 'members' ? (
          <MembershipEntries
            key={teamId}
            organizationId={organizationId}
            teamId={teamId || null}
            teamNames={teamNames}
            labelledBy="audit-title"
            cursors={cursors}
            setCursors={setCursors}
          />
        ) : (
          <AuditEntries
            organizationId={organizationId}
            teamId={teamId || null}
            teamNames={teamNames}
            cursors={cursors}
            setCursors={setCursors}
          />
        )}
      </Tabs>
    </section>
  );
}

function AuditEntries({
  organizationId,
  teamId,
  teamNames,
  cursors,
  setCursors,
}: {
  organizationId: string;
  teamId: string | null;
  teamNames: Map<string, string>;
  cursors: (string | null)[];
  setCursors: (c: (string | null)[]) => void;
}) {
  const { t, i18n } = useTranslation('auditLog');
  const after = cursors[cursors.length - 1];
  const { data, loading, error, refetch } = useQuery(AuditLogPageQuery, {
    variables: { organizationId, teamId, first: AUDIT_PAGE_SIZE, after },
    fetchPolicy: 'network-only',
  });
  // Without the catalog (still loading, or refused) the key is shown: the entry stays readable.
  const catalog = useQuery(AuditLogApps);
  const appNames = useMemo(() => new Map(catalog.data?.apps.map((a) => [a.key, a.name])), [catalog.data]);
  const appName = (key: string) => appNames.get(key) ?? key;
  if (error) return <PageReadError error={error} namespace="auditLog" onRetry={refetch} />;
  const edges = data?.auditLog.edges ?? [];
  const pageInfo = data?.auditLog.pageInfo;
  const page = cursors.length;
  const headers = ['at', 'action', 'actor', 'request', 'app', 'team'].map((column) => t(`columns.${column}`));
  return (
    <AuditFrame
      read={!!data}
      loading={loading}
      empty={edges.length === 0 ? t('empty') : null}
      count={edges.length}
      cursors={cursors}
      pageInfo={pageInfo}
      onPage={setCursors}
    >
      <StackedTable
        labelledBy="audit-title"
        headers={headers}
        data-page={loading ? undefined : String(page)}
        data-filter={teamId ? 'team' : 'all'}
      >
        {edges.map(({ node }) => (
          <Row key={node.id} data-action={node.action}>
            <time dateTime={node.at}>{formatDateTime(node.at, i18n.language)}</time>
            {t(`actions.${actionKey(node)}`, { defaultValue: node.action })}
            {node.actor ? node.actor.name : t('system')}
            <Link to={`/requests/${node.requestId}`}>{node.requestName}</Link>
            {node.appKey ? appName(node.appKey) : ''}
            {teamNames.get(node.teamId) ?? ''}
          </Row>
        ))}
      </StackedTable>
    </AuditFrame>
  );
}

/** An expiry with an actor was found by their request for reauthorization (R5.4); the system finds the others. */
function actionKey(entry: { action: string; actor?: unknown }): string {
  return entry.action === 'CONNECTION_EXPIRED' && entry.actor ? 'CONNECTION_EXPIRED_FOUND' : entry.action;
}
