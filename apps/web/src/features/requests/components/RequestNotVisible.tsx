// A request the viewer cannot see. The API does not say whether it exists (R7.1), but the most common cause is
// worth naming: a link from an e-mail opened under another account (a shared computer, a work and a personal
// address). The page says whose account this is and signs in again for the same link. A request the page showed a
// moment ago and no longer finds was deleted, or the viewer's access ended (both live): the page says that instead.
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { RequestHistory } from '../api/queries';
import { useCatalogApps } from '../api/catalog';
import { HistorySection } from './HistorySection';
import { useFocusWhen } from '../../../lib/use-focus-when';
import type { ReadError } from '../../../lib/errors';
import { useSession } from '../../../lib/session-context';
import { SwitchAccountButton } from './SwitchAccountButton';
import { ReadFailure } from '../../../components/ReadFailure';

/**
 * `failure`: why the request could not be read (null: the answer had no request); `gone`: its name, if shown before;
 * `onRetry`: reads it again, offered when no answer came (the network), which says nothing about the request.
 */
export function RequestNotVisible({
  requestId,
  failure,
  gone,
  onRetry,
}: {
  requestId: string;
  failure: ReadError | null;
  gone: string | null;
  onRetry: () => void;
}) {
  const { t } = useTranslation('requests');
  const session = useSession();
  const hidden = !failure || failure.code === 'NOT_FOUND';
  // R10.3: an auditor of its team replays a deleted request's history. Asked only when the request was not found
  // (another failure is said as it is); the server answers auditors only, and anyone else reads the page as before.
  const history = useQuery(RequestHistory, {
    variables: { requestId },
    fetchPolicy: 'network-only',
    skip: !hidden,
  });
  const events = history.data?.credentialRequestHistory ?? [];
  const deleted = events[events.length - 1]?.type === 'RequestDeleted';
  const catalog = useCatalogApps(!deleted);
  const appNames = useMemo(() => new Map(catalog.data?.apps.map((a) => [a.key, a.name])), [catalog.data]);
  const settled = !history.loading;
  // The page that was there (and the button someone was on) is gone: the focus goes to this one's heading, from
  // where a screen reader reads what happened, instead of falling to the body.
  const heading = useFocusWhen<HTMLHeadingElement>(settled, true);
  if (!settled) return <p role="status">{t('loading', { ns: 'common' })}</p>;
  if (deleted) {
    return (
      <section>
        <h1 ref={heading} tabIndex={-1}>
          {gone ?? t('details.deletedTitle')}
        </h1>
        <p className="notice" role="status" data-deleted-history="">
          {t('details.deletedHistory')}
        </p>
        <HistorySection requestId={requestId} updatedAt="" appNames={appNames} cached />
        <Link to="/requests">{t('details.back')}</Link>
      </section>
    );
  }
  if (hidden && gone !== null) {
    return (
      <section>
        <h1 ref={heading} tabIndex={-1}>
          {gone}
        </h1>
        <p className="notice" role="status" data-gone="">
          {t('details.gone', { name: gone })}
        </p>
        <Link to="/requests">{t('details.back')}</Link>
      </section>
    );
  }
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>
        {t('list.heading')}
      </h1>
      {!hidden && failure.code === null ? (
        <ReadFailure message={failure.message} onRetry={onRetry} data-read-failed="" />
      ) : (
        <p className="notice notice-error" role="alert">
          {hidden ? t('details.notFound') : failure.message}
        </p>
      )}
      {hidden && session.email && (
        <p data-signed-in-as="">
          {t('details.signedInAs', { email: session.email })} <SwitchAccountButton />
        </p>
      )}
      <Link to="/requests">{t('details.back')}</Link>
    </section>
  );
}
