// R10.3: the request's event history and its verification, for auditors (others are refused and see nothing).
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { RequestHistory } from '../api/queries';
import { Row, StackedTable } from '../../../components/StackedTable';
import { historyEvent } from '../history-event';
import { type ChainCheck, checkHistory } from '../history-chain';
import { HistoryRecord } from './HistoryRecord';
import { DownloadHistory } from './DownloadHistory';

const HISTORY_COLUMNS = ['revision', 'event', 'actor', 'at', 'hash', 'record'] as const;

export function HistorySection({
  requestId,
  updatedAt,
  appNames,
  cached = false,
}: {
  requestId: string;
  updatedAt: string;
  /** Read from the cache when a page has just read it (a deleted request's history), else from the server. */
  cached?: boolean;
  /** app key → the name people know it by, for the events that concern one app */
  appNames: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation('requests');
  const { data, refetch } = useQuery(RequestHistory, {
    variables: { requestId },
    fetchPolicy: cached ? 'cache-first' : 'network-only',
  });
  const seen = useRef(updatedAt);
  // A change to the request (seen live) appends events: read the history again.
  useEffect(() => {
    if (seen.current === updatedAt) return;
    seen.current = updatedAt;
    void refetch().catch(() => undefined);
  }, [updatedAt, refetch]);
  // Checked again here, not only on the server's word: undefined while it runs, null where the browser cannot.
  const [ownCheck, setOwnCheck] = useState<{ of: unknown; result: ChainCheck | null } | undefined>();
  const events = data?.credentialRequestHistory;
  useEffect(() => {
    if (!events) return;
    let current = true;
    void checkHistory(requestId, events).then(
      (result) => current && setOwnCheck({ of: events, result }),
      () => current && setOwnCheck({ of: events, result: null }),
    );
    return () => {
      current = false;
    };
  }, [requestId, events]);
  if (!data) return null;
  // The event's own name for a type this page does not know yet (a newer server): never an empty cell.
  const eventLabel = (type: string, json: string) => {
    const { key, appKey } = historyEvent(type, json);
    const event = t(`details.events.${key}`, { defaultValue: type });
    return appKey ? t('details.eventWithApp', { event, app: appNames.get(appKey) ?? appKey }) : event;
  };
  const check = data.verifyCredentialRequestHistory;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('details.history')}</h2>
      <p className={check.valid ? 'notice notice-success' : 'notice notice-error'} data-server-check="">
        {check.valid
          ? t('details.historyVerified', { count: check.events })
          : t('details.historyBroken', { revision: check.firstBrokenRevision })}
      </p>
      {ownCheck && ownCheck.of === events && <BrowserCheck result={ownCheck.result} counted={check.events} />}
      <DownloadHistory requestId={requestId} events={data.credentialRequestHistory} verification={check} />
      <StackedTable
        labelledBy="history-title"
        headers={HISTORY_COLUMNS.map((column) => t(`details.historyColumns.${column}`))}
      >
        {data.credentialRequestHistory.map((e) => (
          <Row key={e.revision}>
            {e.revision}
            {eventLabel(e.type, e.data)}
            {e.actor?.name ?? t('details.system')}
            {formatDateTime(e.at, i18n.language)}
            <code title={e.hash}>{e.hash.slice(0, 12)}…</code>
            <HistoryRecord event={e} />
          </Row>
        ))}
      </StackedTable>
    </section>
  );
}

/** What the browser's own recomputation found: said apart from the server's verdict, which it may contradict. */
function BrowserCheck({ result, counted }: { result: ChainCheck | null; counted: number }) {
  const { t } = useTranslation('requests');
  // A history cut short on its way here checks out as far as it goes: the server's count says whether it is whole.
  if (result?.valid && result.events !== counted)
    return (
      <p className="notice notice-error" data-browser-check="">
        {t('details.historyCountDiffers', { shown: result.events, counted })}
      </p>
    );
  if (!result)
    return (
      <p className="notice notice-warning" data-browser-check="">
        {t('details.historyNotCheckedHere')}
      </p>
    );
  return (
    <p className={result.valid ? 'notice notice-success' : 'notice notice-error'} data-browser-check="">
      {result.valid
        ? t('details.historyCheckedHere')
        : t('details.historyBrokenHere', { revision: result.firstBrokenRevision })}
    </p>
  );
}
