import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';

/**
 * What both audit tables share: Loading until first read, the empty sentence or the table, then Previous / page
 * number / Next, walking a stack of the cursors already seen.
 */
export function AuditFrame({
  read,
  loading,
  empty,
  count,
  children,
  cursors,
  pageInfo,
  onPage,
}: {
  /** Something was read (a later page's read keeps the last one shown). */
  read: boolean;
  loading: boolean;
  /** Said instead of the table when the page has no entry. */
  empty: string | null;
  /** The entries on the page shown: said when a read (another page, another team) comes in. */
  count: number;
  children: ReactNode;
  cursors: (string | null)[];
  pageInfo: { endCursor?: string | null; hasNextPage: boolean } | undefined;
  onPage: (cursors: (string | null)[]) => void;
}) {
  const { t } = useTranslation('auditLog');
  // The pressed page button may go disabled (the first or last page) while it has the focus, which would drop it to
  // the page's body: the page number takes it, and is said.
  const pageStatus = useRef<HTMLSpanElement>(null);
  const go = (next: (string | null)[]) => {
    onPage(next);
    pageStatus.current?.focus();
  };
  const page = cursors.length;
  const endCursor = pageInfo?.endCursor;
  return (
    <>
      {!read ? loading && <p role="status">{t('common:loading')}</p> : empty !== null ? <p>{empty}</p> : children}
      {/* What a read brought, for whoever does not see the table change (a new team filter said nothing before). */}
      <p className="visually-hidden" role="status" data-audit-count="">
        {read && !loading ? (empty ?? t('paging.shown', { count })) : ''}
      </p>
      <nav className="toolbar" aria-label={t('paging.label')}>
        <Button disabled={page === 1} onClick={() => go(cursors.slice(0, -1))}>
          {t('paging.previous')}
        </Button>
        <span ref={pageStatus} tabIndex={-1} aria-live="polite" data-audit-page="">
          {t('paging.page', { page })}
        </span>
        <Button
          disabled={!pageInfo?.hasNextPage || !endCursor}
          onClick={() => endCursor && go([...cursors, endCursor])}
        >
          {t('paging.next')}
        </Button>
      </nav>
    </>
  );
}
