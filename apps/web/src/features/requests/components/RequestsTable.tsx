// The Sent and Received lists (R7.1, R7.2 columns): Received has no Recipient column (it is the viewer). On a phone
// each request becomes a block of labelled lines instead of a table to scroll sideways; the explicit roles keep the
// table's semantics, which Chromium drops once its rows no longer display as table rows.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StatusLabel } from '../../../components/StatusLabel';
import { Button } from '../../../components/Button';
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
    <div className="table-wrap">
      <table className="stacked-table" role="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((column) => (
              <th key={column} scope="col" role="columnheader">
                {label(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((r) => (
            <tr key={r.id} data-request-id={r.id} role="row">
              <td role="cell" data-label={label('name')}>
                {r.name}
              </td>
              <td role="cell" data-label={label('apps')}>
                <AppsCell apps={r.apps} />
              </td>
              <td role="cell" data-label={label('requester')}>
                {r.requester.name}
              </td>
              {showRecipient && (
                <td role="cell" data-label={label('recipient')}>
                  {r.recipient.name}
                </td>
              )}
              <td role="cell" data-label={label('sent')}>
                {formatDateTime(r.sentAt, i18n.language)}
              </td>
              <td role="cell" data-label={label('status')}>
                <StatusLabel status={r.status} />
              </td>
              <td role="cell" data-label={label('actions')}>
                <div className="actions">
                  <Link to={`/requests/${r.id}`} aria-label={t('list.detailsOf', { name: r.name })}>
                    {t('list.details')}
                  </Link>
                  <Button variant="link" aria-label={t('list.deleteOf', { name: r.name })} onClick={() => onDelete(r)}>
                    {t('list.delete')}
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
