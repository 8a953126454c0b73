// R13.13 / R10.1: the membership changes of an organization, newest first — org owners and admins see all of them,
// team admins those of their teams (the server scopes the list as it scopes the request trail).
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PageReadError } from '../../../components/OperationError';
import { Row, StackedTable } from '../../../components/StackedTable';
import { formatDateTime } from '../../../lib/format';
import { AUDIT_PAGE_SIZE, MembershipAuditLogPage } from '../api/operations';
import { AuditFrame } from './AuditFrame';

/** `teamId`: that team's entries only; the organization's own (org roles) have no team. The pages walked are the
 * page's (kept in the history entry, as the request trail's); a new filter starts from the first. */
export function MembershipEntries({
  organizationId,
  teamId,
  teamNames,
  labelledBy,
  cursors,
  setCursors,
}: {
  organizationId: string;
  teamId: string | null;
  teamNames: Map<string, string>;
  labelledBy: string;
  cursors: (string | null)[];
  setCursors: (cursors: (string | null)[]) => void;
}) {
  const { t, i18n } = useTranslation('auditLog');
  const after = cursors[cursors.length - 1];
  const { data, loading, error, refetch } = useQuery(MembershipAuditLogPage, {
    variables: { organizationId, teamId, first: AUDIT_PAGE_SIZE, after },
    fetchPolicy: 'network-only',
  });
  if (error) return <PageReadError error={error} namespace="auditLog" onRetry={refetch} />;
  const edges = data?.membershipAuditLog.edges ?? [];
  const pageInfo = data?.membershipAuditLog.pageInfo;
  const headers = ['at', 'action', 'member', 'role', 'team', 'actor'].map((column) => t(`columns.${column}`));
  return (
    <AuditFrame
      read={!!data}
      loading={loading}
      empty={edges.length === 0 ? t('membership.empty') : null}
      count={edges.length}
      cursors={cursors}
      pageInfo={pageInfo}
      onPage={setCursors}
    >
      <StackedTable
        labelledBy={labelledBy}
        headers={headers}
        data-membership-page={loading ? undefined : String(cursors.length)}
        data-filter={teamId ? 'team' : 'all'}
      >
        {edges.map(({ node }) => (
          <Row key={node.id} data-action={node.action}>
            <time dateTime={node.at}>{formatDateTime(node.at, i18n.language)}</time>
            {t(`membership.actions.${node.action}`, { defaultValue: node.action })}
            {/* A person the viewer may no longer look up keeps at least their address, else a dash. */}
            {node.member.name || node.member.email || '—'}
            {node.role ? t(`membership.roles.${node.role}`, { defaultValue: node.role }) : '—'}
            {node.teamId ? (teamNames.get(node.teamId) ?? '') : t('membership.wholeOrganization')}
            {node.actor ? node.actor.name : t('system')}
          </Row>
        ))}
      </StackedTable>
    </AuditFrame>
  );
}
