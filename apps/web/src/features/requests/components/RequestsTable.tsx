// The Sent and Received lists (R7.1, R7.2 columns): Received has no Recipient column (it is the viewer).
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StatusLabel } from '../../../components/StatusLabel';
import { Button } from '../../../components/Button';
import { formatDateTime } from '../../../lib/format';
import type { RequestRowFieldsFragment } from '../../../gql/graphql';
import { AppsCell } from './AppsCell';

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
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.columns.name')}</th>
            <th scope="col">{t('list.columns.apps')}</th>
            <th scope="col">{t('list.columns.requester')}</th>
            {showRecipient && <th scope="col">{t('list.columns.recipient')}</th>}
            <th scope="col">{t('list.columns.sent')}</th>
            <th scope="col">{t('list.columns.status')}</th>
            <th scope="col">{t('list.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-request-id={r.id}>
              <td>{r.name}</td>
              <td>
                <AppsCell apps={r.apps} />
              </td>
              <td>{r.requester.name}</td>
              {showRecipient && <td>{r.recipient.name}</td>}
              <td>{formatDateTime(r.sentAt, i18n.language)}</td>
              <td>
                <StatusLabel status={r.status} />
              </td>
              <td>
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
