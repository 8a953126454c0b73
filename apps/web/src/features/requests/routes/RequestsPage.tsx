// Credentials → Credential requests: tabs Sent and Received (R7.1, R7.2) with a status filter, a name search and
// cursor paging. The tab, filter, search and page live in the URL so links and Back work.
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../../components/Tabs';
import { Button } from '../../../components/Button';
import { NoWorkspaceMessage } from '../../../components/NoWorkspace';
import { readError } from '../../../lib/errors';
import { inNoTeam, isOrgAdmin, useWorkspace } from '../../../lib/workspace';
import type { CredentialRequestStatus, RequestRowFieldsFragment } from '../../../gql/graphql';
import { ReceivedRequests, SentRequests } from '../api/queries';
import { RequestsRemoved, RequestsUpdated } from '../api/subscriptions';
import { RequestsTable } from '../components/RequestsTable';
import { DeleteRequestDialog } from '../components/DeleteRequestDialog';
import { usePageTitle } from '../../../lib/use-page-title';
import { useFocusWhen } from '../../../lib/use-focus-when';
import { useSessionEnded } from '../../../lib/session-ended';
import { useCoalesced } from '../../../lib/use-coalesced';
import { touchesList } from '../list-updates';

const STATUSES: CredentialRequestStatus[] = ['AUTHORIZED', 'PARTIALLY_AUTHORIZED', 'INCOMPLETE', 'INVALID', 'DECLINED'];
const PAGE = 20;
/** Removals heard this close together are one event to the reader (a team letting the viewer go). */
const BURST_MS = 3000;
type Tab = 'sent' | 'received';
/** The history entry's state: the pages walked in a view, and what the details page that led here deleted. */
interface ListState {
  walked?: { view: string; cursors: (string | null)[] };
  deletedName?: string;
  deleted?: string;
}

export function RequestsPage() {
  const { t } = useTranslation('requests');
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const ws = useWorkspace();
  const client = useApolloClient();
  const tab: Tab = params.get('tab') === 'received' ? 'received' : 'sent';
  const status = (STATUSES as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as CredentialRequestStatus)
    : null;
  const search = params.get('q') ?? '';
  // R7.2: Received lists what was asked of the viewer in every organization, unless one is chosen. Not the header's
  // organization: an outside person who accepted an invitation has their own organization too, and the request they
  // were sent must not vanish from their list behind it.
  const receivedOrg = ws.organizations.find((o) => o.id === params.get('org'))?.id ?? null;
  // R7.1: a team's Sent list is for its members (and the organization's owners and admins). A member may pick a team
  // they are not in at the top of the page; the server then answers "not found", which is not the reason.
  const notInTeam = !!ws.team && !ws.team.viewerRole && !isOrgAdmin(ws.organization);
  const inNoneOfItsTeams = notInTeam && !!ws.organization && inNoTeam(ws.organization);
  const [searchText, setSearchText] = useState(search);
  // The address changed the search (the menu's Credentials link, Back): the box says what the list shows, so that
  // leaving it does not put an old search back.
  const [searchShown, setSearchShown] = useState(search);
  if (searchShown !== search) {
    setSearchShown(search);
    setSearchText(search);
  }
  // A new filter, search, tab or team starts again from the first page. The pages walked belong to the view they
  // were walked in (not reset in an effect, which would first send one query with the old view's cursor).
  const view = [tab, status, search, tab === 'sent' ? ws.teamId : receivedOrg].join('\u0000');
  // They are kept in the history entry's state: Back from a request's details, or a reload, shows the same page.
  // Back on an earlier view (another tab and back, a filter undone), the list starts again from the first page too.
  const navigate = useNavigate();
  const arrival = location.state as ListState | null;
  const cursors = arrival?.walked?.view === view ? arrival.walked.cursors : [null];
  /** The same address with another history state (the pages walked, or nothing). */
  const replaceState = (state: ListState | null) =>
    void navigate(`${location.pathname}${location.search}`, { replace: true, state });
  const setCursors = (change: (c: (string | null)[]) => (string | null)[]) =>
    replaceState({ walked: { view, cursors: change(cursors) } });
  const after = cursors[cursors.length - 1];
  const [deleting, setDeleting] = useState<RequestRowFieldsFragment | null>(null);
  // What happened, worded when shown (the language may change meanwhile).
  // `count`: removals heard one after another (a whole team's rows go when the viewer leaves it) are said as one.
  // `view` and `at`: only a burst in the same view is counted together, not a removal heard later or elsewhere.
  const [notice, setNotice] = useState<{
    key: 'list.deleted' | 'list.removed';
    name: string;
    count?: number;
    view?: string;
    at?: number;
  } | null>(arrival?.deletedName ? { key: 'list.deleted', name: arrival.deletedName } : null);
  // The pages walked belong to one view: another team (which changes no address) leaves them, for good. Not while
  // the workspace loads (after a reload): the team is not known yet, and the view only seems to differ.
  useEffect(() => {
    if (!ws.loading && arrival?.walked && arrival.walked.view !== view) replaceState(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- when the view changes
  }, [view, ws.loading]);
  // Said once: a reload of the list, or coming back to it in the history, does not say it again.
  useEffect(() => {
    if (arrival?.deletedName || arrival?.deleted) replaceState({ walked: arrival.walked });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on arrival only
  }, []);
  const count = useRef<HTMLParagraphElement>(null);
  // A delete from a row takes the row and its button away: the focus goes to what was done, not to the whole page.
  const [deletedHereCount, setDeletedHere] = useState(0);
  const noticeFocus = useFocusWhen<HTMLParagraphElement>(deletedHereCount || null);
  // Requests the viewer deleted here, or on the details page that led here: "was deleted" already says it, and the
  // removal the list then hears for the same row must not replace that with "left the list".
  const deletedHere = useRef(new Set<string>(arrival?.deleted ? [arrival.deleted] : []));

  // The tab, not the heading: the heading is the app's own name, and a tab's title then read it twice.
  usePageTitle(t(`list.${tab}`));

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    // Unchanged (a search box left as it was): the page walked to stays.
    if (next.toString() === params.toString()) return;
    setParams(next, { replace: true });
  };

  const sent = useQuery(SentRequests, {
    variables: { teamId: ws.teamId ?? '', status, search: search || null, after, first: PAGE },
    skip: tab !== 'sent' || !ws.teamId || notInTeam,
  });
  const received = useQuery(ReceivedRequests, {
    variables: { organizationId: receivedOrg, status, search: search || null, after, first: PAGE },
    // A chosen organization is known once the organizations are read.
    skip: tab !== 'received' || (ws.loading && params.has('org')),
  });
  // An ended session is said once, by the frame's notice with the way to sign in again; not again as the list's error.
  // Its socket was closed for good (4401): the live updates stop with it, and start again once signed in again.
  const sessionEnded = useSessionEnded();
  // R12.7: a change that can touch the list in view refreshes it (a row of it, a request of the team shown, or one
  // asked of the viewer): not every change the viewer may see, in every organization. A burst is one refresh.
  const inView = useRef<ReadonlySet<string>>(new Set());
  const refresh = useCoalesced(
    () => void (tab === 'sent' ? sent.refetch() : received.refetch()).catch(() => undefined),
    250,
  );
  useSubscription(RequestsUpdated, {
    skip: sessionEnded,
    onData: ({ data }) => {
      const changed = data.data?.credentialRequestsUpdated;
      const list = { tab, teamId: ws.teamId, organizationId: receivedOrg, rows: inView.current } as const;
      if (!changed || touchesList(changed, list)) refresh();
    },
  });

  const result = tab === 'sent' ? sent : received;
  // The list refused as a whole (the viewer left the team or the organization meanwhile, R13.13): the rows it had
  // are no longer theirs to see, and the teams the header offers are out of date. The workspace, read again, then
  // says where they stand (not in the team, or another organization).
  const refusedCode = result.error ? readError(result.error).code : null;
  const listGone = refusedCode === 'NOT_FOUND' || refusedCode === 'FORBIDDEN';
  const retryWorkspace = ws.retry;
  useEffect(() => {
    if (listGone) retryWorkspace();
  }, [listGone, retryWorkspace]);
  const shown = tab === 'sent' ? sent.data?.sentCredentialRequests : received.data?.receivedCredentialRequests;
  // A skipped query keeps its last answer: a team the viewer is no longer in shows none of it.
  const connection = listGone || (tab === 'sent' && (notInTeam || !ws.teamId)) ? undefined : shown;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  // Noted once rendered (not during render), for the live updates' filter above.
  useEffect(() => {
    inView.current = new Set(rows.map((r) => r.id));
  });
  // The rows this view has shown, by name, and the ids whose removal is listened for. Removals come in bursts (a team
  // that lets the viewer go takes all its rows): the refetch after the first must not end the subscription that
  // carries the others, nor forget the names it says. Another view (tab, filter, team) starts again.
  const shownNames = useRef({ view, names: new Map<string, string>() });
  if (shownNames.current.view !== view) shownNames.current = { view, names: new Map() };
  for (const r of rows) shownNames.current.names.set(r.id, r.name);
  const [watched, setWatched] = useState({ view, ids: [] as string[] });
  const shownIds = rows.map((r) => r.id).join(',');
  useEffect(() => {
    const ids = shownIds ? shownIds.split(',') : [];
    // Within a view the set only grows: a refetch that pulls a row up from the next page must not drop the ids
    // whose removal is still on its way.
    setWatched((w) =>
      w.view !== view
        ? { view, ids }
        : ids.every((id) => w.ids.includes(id))
          ? w
          : { view, ids: [...new Set([...w.ids, ...ids])] },
    );
  }, [shownIds, view]);
  /**
   * The count; on a list of more pages, which part of it this is. Pages are read by cursor, so rows deleted on an
   * earlier page meanwhile leave this one as it was: a range past the count would not be true, and is not said.
   */
  const countSaid = (total: number) => {
    const from = (cursors.length - 1) * PAGE + 1;
    const to = from + rows.length - 1;
    return total > PAGE && rows.length > 0 && to <= total
      ? t('list.range', { from, to, count: total })
      : t('list.total', { count: total });
  };
  // A later page emptied under the viewer (its rows deleted, or gone elsewhere) steps back to the one before it,
  // rather than show "no requests" under a count that says there are some.
  useEffect(() => {
    if (connection && connection.edges.length === 0 && cursors.length > 1) setCursors((c) => c.slice(0, -1));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- when an answer arrives
  }, [connection]);
  /** A request that left the list: out of the cache (its details page must not show it), then the page again. */
  const drop = (id: string) => {
    client.cache.evict({ id: client.cache.identify({ __typename: 'CredentialRequest', id }) });
    void result.refetch().catch(() => undefined);
  };
  // A row the other party deleted (or whose team the viewer left) goes, and says why, rather than wait for a click.
  useSubscription(RequestsRemoved, {
    variables: { ids: watched.ids },
    skip: watched.ids.length === 0 || watched.view !== view || sessionEnded,
    onData: ({ data }) => {
      const id = data.data?.credentialRequestsRemoved;
      const name = id ? shownNames.current.names.get(id) : undefined;
      if (!id || name === undefined) return;
      shownNames.current.names.delete(id);
      drop(id);
      // The viewer's own delete: its answer says "was deleted" (and closes the dialog).
      if (deletedHere.current.has(id)) return;
      // Deleted elsewhere: its Delete dialog, if open, closes (there is nothing left to delete), and the list says why.
      setDeleting((open) => (open?.id === id ? null : open));
      const at = Date.now();
      setNotice((last) =>
        last?.key === 'list.removed' && last.view === view && at - (last.at ?? 0) < BURST_MS
          ? { ...last, count: (last.count ?? 1) + 1, at }
          : { key: 'list.removed', name, count: 1, view, at },
      );
    },
  });

  return (
    <section>
      <h1>{t('list.title')}</h1>
      <div className="app-block-header">
        <h2>{t('list.heading')}</h2>
        {/* Not for someone in no organization, nor for a guest of the one shown (R3.4): an outside person who answers
            requests would only be told they cannot send one. */}
        {ws.organization && ws.organization.viewerRole !== 'GUEST' && ws.team?.viewerRole !== 'GUEST' && (
          <Link className="btn btn-primary" to="/requests/new">
            {t('list.create')}
          </Link>
        )}
      </div>
      {notice && (
        <p
          className={notice.key === 'list.deleted' ? 'notice notice-success' : 'notice'}
          role="status"
          tabIndex={-1}
          ref={noticeFocus}
        >
          {notice.count && notice.count > 1
            ? t('list.removedMany', { count: notice.count })
            : t(notice.key, { name: notice.name })}
        </p>
      )}
      <Tabs
        label={t('list.tabsLabel')}
        items={[
          { key: 'sent', label: t('list.sent') },
          { key: 'received', label: t('list.received') },
        ]}
        selected={tab}
        onSelect={(key) => update({ tab: key === 'sent' ? null : key })}
      >
        {/* Whose list this is: the team is chosen in the header (behind Menu on a phone), not in the address, and an
            empty list of the wrong team read as a search that found nothing. */}
        {tab === 'sent' && ws.team && ws.organization && !notInTeam && (
          <p className="muted" data-sent-from="">
            {t('list.sentFrom', { team: ws.team.name, organization: ws.organization.name })}
          </p>
        )}
        <form
          className="toolbar"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: searchText.trim() || null });
          }}
        >
          {tab === 'received' && ws.organizations.length > 1 && (
            <div className="field">
              <label htmlFor="organization-filter">{t('list.organizationFilter')}</label>
              <select
                id="organization-filter"
                value={receivedOrg ?? ''}
                onChange={(e) => update({ org: e.target.value || null })}
              >
                <option value="">{t('list.allOrganizations')}</option>
                {ws.organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="status-filter">{t('list.statusFilter')}</label>
            <select
              id="status-filter"
              value={status ?? ''}
              onChange={(e) => update({ status: e.target.value || null })}
            >
              <option value="">{t('list.allStatuses')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`, { ns: 'common' })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="name-search">{t('list.search')}</label>
            <input
              id="name-search"
              type="search"
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
              onBlur={() => update({ q: searchText.trim() || null })}
            />
          </div>
          {/* Enter searches too; the button is for whoever does not know that (or has no Enter key in view). */}
          <Button type="submit">{t('list.searchSubmit')}</Button>
        </form>
        {tab === 'sent' && !ws.teamId && !ws.loading && <NoWorkspaceMessage message={t('list.noTeam')} />}
        {tab === 'sent' && notInTeam && ws.team && (
          <p className="notice" data-not-in-team="">
            {inNoneOfItsTeams
              ? t('list.inNoTeam', { organization: ws.organization?.name ?? '' })
              : t('list.notInTeam', { team: ws.team.name })}
          </p>
        )}
        {result.error && !(sessionEnded && refusedCode === 'UNAUTHENTICATED') && (
          <p className="notice notice-error" role="alert">
            {t('error', { ns: 'common', message: readError(result.error).message })}
          </p>
        )}
        {/* Always there, so that a new count (or "Loading…") is announced; it takes the focus from a page button, which
            goes while the next page loads. */}
        <p ref={count} className="muted" role="status" tabIndex={-1} data-list-count="">
          {connection ? countSaid(connection.totalCount) : result.loading ? t('loading', { ns: 'common' }) : ''}
        </p>
        {connection && (
          <>
            {rows.length === 0 ? (
              <p>{status || search ? t('list.noMatch') : t('list.empty')}</p>
            ) : (
              <RequestsTable
                rows={rows}
                showRecipient={tab === 'sent'}
                onDelete={setDeleting}
                caption={tab === 'sent' ? t('list.sent') : t('list.received')}
              />
            )}
            <div className="actions">
              {cursors.length > 1 && (
                <Button
                  onClick={() => {
                    count.current?.focus();
                    setCursors((c) => c.slice(0, -1));
                  }}
                >
                  {t('list.previous')}
                </Button>
              )}
              {connection.pageInfo.hasNextPage && (
                <Button
                  onClick={() => {
                    count.current?.focus();
                    setCursors((c) => [...c, connection.pageInfo.endCursor ?? null]);
                  }}
                >
                  {t('list.next')}
                </Button>
              )}
            </div>
          </>
        )}
      </Tabs>
      <DeleteRequestDialog
        request={deleting}
        onClose={() => setDeleting(null)}
        onDeleting={(id, pending) => (pending ? deletedHere.current.add(id) : deletedHere.current.delete(id))}
        onDeleted={(name) => {
          if (deleting) drop(deleting.id);
          setDeleting(null);
          setNotice({ key: 'list.deleted', name });
          setDeletedHere((n) => n + 1);
        }}
      />
    </section>
  );
}
