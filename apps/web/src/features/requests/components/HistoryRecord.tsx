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
          <pre>{readable(event.data)}</pre>
        </dd>
      </dl>
    </details>
  );
}

/** Indented when it is JSON; as it came when not (which the chain check then says is altered). */
function readable(data: string): string {
  try {
    return JSON.stringify(JSON.parse(data), null, 2);
  } catch {
    return data;
  }
}
