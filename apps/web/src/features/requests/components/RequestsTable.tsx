// The Sent and Received lists (R7.1, R7.2 columns): Received has no Recipient column (it is the viewer), and says
// which organization and team asks instead (a recipient may hear from several, and one requester may ask from more
// than one of them). On a phone each request becomes a block of labelled lines (StackedTable). Details beside each
// request, Delete under its three dots, as the help page says.
import { Link } from 'react-router';
import { FROM_LIST } from '../back-to-list';
import { useTranslation } from 'react-i18next';
import { StatusLabel } from '../../../components/StatusLabel';
import { ActionsMenu } from '../../../components/ActionsMenu';
import { Row, StackedTable } from '../../../components/StackedTable';
import { formatDateTime } from '../../../lib/format';
import type { RequestRowFieldsFragment } from '../../../gql/graphql';
import { AppsCell } from './AppsCell';
import { mayDelete } from '../policies';

const COLUMNS = ['name', 'apps', 'requester', 'from', 'recipient', 'sent', 'status', 'actions'] as const;

export function RequestsTable({
  rows,
  showRecipient,
  onDelete,
  caption,
}: {
  rows: RequestRowFieldsFragment[];
  showRecipient: boolean;
  onDelete: (row: RequestRowFieldsFragment) => void;
  caption: string;
}) {
  const { t, i18n } = useTranslation('requests');
  const columns = COLUMNS.filter((column) => (showRecipient ? column !== 'from' : column !== 'recipient'));
  return (
    <StackedTable headers={columns.map((column) => t(`list.columns.${column}`))} caption={caption}>
      {rows.map((r) => (
        <Row key={r.id} data-request-id={r.id}>
          {r.name}
          <AppsCell apps={r.apps} />
          {r.requester.name}
          {!showRecipient && t('list.from', { organization: r.organization.name, team: r.team.name })}
          {showRecipient && r.recipient.name}
          {formatDateTime(r.sentAt, i18n.language)}
          <StatusLabel status={r.status} />
          <div className="actions row-actions">
            <Link to={`/requests/${r.id}`} state={FROM_LIST} aria-label={t('list.detailsOf', { name: r.name })}>
              {t('list.details')}
            </Link>
            {mayDelete(r.viewerRelation) && (
              <ActionsMenu
                label={t('list.actionsOf', { name: r.name })}
                actions={[{ label: t('list.delete'), onSelect: () => onDelete(r) }]}
              />
            )}
          </div>
        </Row>
      ))}
    </StackedTable>
  );
}
