// The Sent and Received lists (R7.1, R7.2 columns): Received has no Recipient column (it is the viewer). On a phone
// each request becomes a block of labelled lines (StackedTable).
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StatusLabel } from '../../../components/StatusLabel';
import { Button } from '../../../components/Button';
import { Cell, Row, StackedTable } from '../../../components/StackedTable';
import { formatDateTime } from '../../../lib/format';
import type { RequestRowFieldsFragment } from '../../../gql/graphql';
import { AppsCell } from './AppsCell';

const COLUMNS = ['name', 'apps', 'requester', 'recipient', 'sent', 'status', 'actions'] as const;

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
  const columns = COLUMNS.filter((column) => showRecipient || column !== 'recipient');
  const label = (column: (typeof COLUMNS)[number]) => t(`list.columns.${column}`);
  return (
    <StackedTable headers={columns.map(label)} caption={caption}>
      {rows.map((r) => (
        <Row key={r.id} data-request-id={r.id}>
          <Cell label={label('name')}>{r.name}</Cell>
          <Cell label={label('apps')}>
            <AppsCell apps={r.apps} />
          </Cell>
          <Cell label={label('requester')}>{r.requester.name}</Cell>
          {showRecipient && <Cell label={label('recipient')}>{r.recipient.name}</Cell>}
          <Cell label={label('sent')}>{formatDateTime(r.sentAt, i18n.language)}</Cell>
          <Cell label={label('status')}>
            <StatusLabel status={r.status} />
          </Cell>
          <Cell label={label('actions')}>
            <div className="actions">
              <Link to={`/requests/${r.id}`} aria-label={t('list.detailsOf', { name: r.name })}>
                {t('list.details')}
              </Link>
              <Button variant="link" aria-label={t('list.deleteOf', { name: r.name })} onClick={() => onDelete(r)}>
                {t('list.delete')}
              </Button>
            </div>
          </Cell>
        </Row>
      ))}
    </StackedTable>
  );
}
