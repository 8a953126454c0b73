import { useTranslation } from 'react-i18next';
import type { ChainEvent } from '../history-chain';

/** One event as stored, for an auditor who checks it by hand: its position, whole hash and data (R10.3). */
export function HistoryRecord({ event }: { event: ChainEvent }) {
  const { t } = useTranslation('requests');
  return (
    <details className="history-record">
      <summary>
        {t('details.record.show')}
        <span className="visually-hidden"> {t('details.record.ofEvent', { revision: event.revision })}</span>
      </summary>
      <dl>
        <dt>{t('details.record.position')}</dt>
        <dd>{event.position}</dd>
        <dt>{t('details.record.hash')}</dt>
        <dd>
          <code>{event.hash}</code>
        </dd>
        <dt>{t('details.record.data')}</dt>
        <dd>
          <pre>{JSON.stringify(JSON.parse(event.data), null, 2)}</pre>
        </dd>
      </dl>
    </details>
  );
}
