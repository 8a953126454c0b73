// R9 / R8.5: before deleting, the connections of the request and the scenarios using them are listed, and kept true
// while the dialog is open: the other party may authorize meanwhile, and Delete would then end a connection in use.
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { Button } from '../../../components/Button';
import { readError } from '../../../lib/errors';
import { RequestConnections } from '../api/queries';
import { DeleteRequest } from '../api/mutations';
import { RequestUpdated } from '../api/subscriptions';

export function DeleteRequestDialog({
  request,
  onClose,
  onDeleting,
  onDeleted,
}: {
  request: { id: string; name: string } | null;
  onClose: () => void;
  /**
   * Delete was pressed (`true`): the list may hear the removal before the answer, and it is this delete's, not
   * another's. `false` when it was refused after all.
   */
  onDeleting?: (id: string, pending: boolean) => void;
  onDeleted: (name: string) => void;
}) {
  const { t } = useTranslation('requests');
  const { data, loading, error, refetch } = useQuery(RequestConnections, {
    variables: { requestId: request?.id ?? '' },
    skip: !request,
    fetchPolicy: 'network-only',
  });
  // Read again at each change of the request; a list that then differs from the one first shown is said to have.
  const [changed, setChanged] = useState(false);
  const firstShown = useRef<string | null>(null);
  // Every push, the first included (the request as it is when the subscription starts; none when the page's own
  // subscription to the same request is shared): one read too many at most, never a change missed. While one is on
  // its way the list shown stays, and Delete stays available.
  useSubscription(RequestUpdated, {
    variables: { id: request?.id ?? '' },
    skip: !request,
    onData: () => void refetch().catch(() => undefined),
  });
  const [remove, removal] = useMutation(DeleteRequest);
  // The harmless choice has the focus when the dialog opens: Enter must not delete.
  const cancel = useRef<HTMLButtonElement>(null);
  const connections = (data?.requestConnections ?? []).filter((c) => c.status !== 'DELETED');
  const shownNow = data && !loading ? connections.map((c) => `${c.id}:${c.usage.length}`).join(',') : null;
  const requestId = request?.id ?? null;
  useEffect(() => {
    firstShown.current = null;
    setChanged(false);
  }, [requestId]);
  useEffect(() => {
    if (!requestId || shownNow === null) return;
    firstShown.current ??= shownNow;
    if (shownNow !== firstShown.current) setChanged(true);
  }, [requestId, shownNow]);
  // One dialog serves every row of a list: a refusal belongs to the row it was for, not to the next one opened. Reset
  // when it closes, however it closes (Cancel, Escape, Delete done, or the list because the row was deleted elsewhere).
  useEffect(() => {
    if (!request) removal.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on closing only
  }, [request]);
  return (
    <Dialog
      open={request !== null}
      title={t('remove.title', { name: request?.name ?? '' })}
      onClose={onClose}
      initialFocus={cancel}
      description={<p>{t('remove.body')}</p>}
    >
      <h3>{t('remove.connections')}</h3>
      <p role="status" className={changed ? 'notice' : undefined} data-connections-changed={changed || undefined}>
        {changed ? t('remove.connectionsChanged') : ''}
      </p>
      {loading && !data && <p role="status">{t('loading', { ns: 'common' })}</p>}
      {data && !loading && !error && connections.length === 0 && <p>{t('remove.noConnections')}</p>}
      {connections.length > 0 && (
        <ul className="connection-list">
          {connections.map((c) => {
            const scenarios = new Set(c.usage.map((u) => u.scenarioId));
            return (
              <li key={c.id}>
                <strong>{c.name}</strong> — {t('remove.usedBy', { count: scenarios.size })}
                {scenarios.size > 0 && (
                  <ul>
                    {[...new Map(c.usage.map((u) => [u.scenarioId, u.scenarioName ?? u.scenarioId]))].map(
                      ([id, name]) => (
                        <li key={id}>{name}</li>
                      ),
                    )}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {/* Two different things: what the request holds could not be read (Delete still works), or Delete was refused. */}
      {error && (
        <p className="notice notice-error" data-connections-unread="">
          {t('remove.connectionsUnread', { message: readError(error).message })}
        </p>
      )}
      {removal.error && (
        <p className="notice notice-error" role="alert">
          {readError(removal.error).message}
        </p>
      )}
      <div className="dialog-actions">
        <Button
          variant="danger"
          className="btn-solid"
          // R8.5: what stops working is read before Delete can be pressed (a failed read is said, and does not block).
          busy={removal.loading || (loading && !data)}
          disabled={!request}
          onClick={async () => {
            if (!request) return;
            onDeleting?.(request.id, true);
            try {
              await remove({ variables: { id: request.id } });
              onDeleted(request.name);
            } catch {
              // shown from removal.error
              onDeleting?.(request.id, false);
            }
          }}
        >
          {t('remove.confirm')}
        </Button>
        <Button onClick={onClose} ref={cancel}>
          {t('cancel', { ns: 'common' })}
        </Button>
      </div>
    </Dialog>
  );
}
