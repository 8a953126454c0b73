// The organization and team the viewer works in (the switcher in the header). Lists of sent requests, team pages
// and the create form read it; the choice is kept per tab in sessionStorage, and in localStorage for the next new tab
// (identifiers, not secrets).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useLocation } from 'react-router';
import { useReadAgainWhenShown } from './use-read-again-when-shown';
import { graphql } from '../gql';
import type { WorkspaceOrganizationsQuery } from '../gql/graphql';

export const WorkspaceOrganizations = graphql(`
  query WorkspaceOrganizations {
    organizations {
      id
      name
      plan
      partner
      viewerRole
      teams {
        id
        name
        viewerRole
      }
    }
  }
`);

export type WorkspaceOrganization = WorkspaceOrganizationsQuery['organizations'][number];
export type WorkspaceTeam = WorkspaceOrganization['teams'][number];

/** An owner or admin of the organization (they see every team's Sent list, R13.7). */
export const isOrgAdmin = (org: { viewerRole?: string | null } | null | undefined): boolean =>
  org?.viewerRole === 'OWNER' || org?.viewerRole === 'ADMIN';

/** The viewer is in none of the organization's teams. */
export const inNoTeam = (org: WorkspaceOrganization): boolean => !org.teams.some((team) => team.viewerRole);

interface Workspace {
  /** Nothing read yet. A refetch (a team created, oneself added) keeps what is known: pages stay as they are. */
  loading: boolean;
  /** The organizations could not be read (the network): not the same as belonging to none. */
  failed: boolean;
  retry: () => void;
  /**
   * The organizations are read again on the way to another page (and on coming back to the tab): what others changed
   * meanwhile (a plan set by support staff, a role, a team) is what the next page goes by. `fresh`: the read for the
   * page shown has answered. A page that would refuse on what it knows waits for it, rather than flash a refusal.
   */
  fresh: boolean;
  organizations: WorkspaceOrganization[];
  organization: WorkspaceOrganization | null;
  teamId: string | null;
  /** The chosen team, with the viewer's own role in it (null for an owner or admin who is not in it). */
  team: WorkspaceTeam | null;
  setOrganizationId: (id: string) => void;
  setTeamId: (id: string) => void;
  /** Both at once: a page that belongs to another organization's team (a request's details) leads back to it. */
  choose: (organizationId: string, teamId: string) => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);
const KEY = 'workspace';

/** `implicit`: kept because it was shown, not chosen in the switcher (a team the viewer then leaves is let go). */
interface Choice {
  organizationId?: string;
  teamId?: string;
  implicit?: boolean;
}

function stored(): Choice {
  try {
    // This tab's own choice first: another tab's switch must not change the list a reload of this one shows (before,
    // it did, under the same address). A new tab starts from the last choice made in any.
    return JSON.parse(sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY) ?? '{}') as Choice;
  } catch {
    return {};
  }
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const { data, loading, error, refetch } = useQuery(WorkspaceOrganizations);
  const { pathname } = useLocation();
  // The first read is the first page's; a read answered late for a page already left says nothing of this one.
  const [readFor, setReadFor] = useState(pathname);
  const shownPath = useRef(pathname);
  const refresh = useCallback(() => {
    const path = shownPath.current;
    void refetch()
      .catch(() => undefined)
      .finally(() => {
        if (shownPath.current === path) setReadFor(path);
      });
  }, [refetch]);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    refresh();
  }, [pathname, refresh]);
  useReadAgainWhenShown(refresh);
  const [choice, setChoice] = useState<Choice>(stored);
  const organizations = useMemo(() => data?.organizations ?? [], [data]);
  const organization = organizations.find((o) => o.id === choice.organizationId) ?? organizations[0] ?? null;
  // Unless chosen, the first team the viewer belongs to: an owner or admin sees every team, and may send from none
  // they are not in.
  const teams = organization?.teams ?? [];
  // A team kept only because it was shown is let go once the viewer is no longer in it: the next one they are in is
  // shown (and kept) instead, as before it was kept. One chosen in the switcher stays chosen.
  const chosenTeam = teams.find((t) => t.id === choice.teamId && !(choice.implicit && !t.viewerRole));
  const team =
    chosenTeam ??
    teams.find((t) => t.viewerRole === 'ADMIN' || t.viewerRole === 'MEMBER') ??
    teams.find((t) => t.viewerRole) ??
    teams[0] ??
    null;
  const teamId = team?.id ?? null;
  // What is shown without a choice is kept once shown: a team (or organization) created or joined later, first in
  // the order, must not take its place unasked — the Sent list then looked empty, and +Create request would have
  // sent from the new team. Not a team the viewer is not in (an owner's fallback): joining one then leads to it.
  const chosenOrganizationShown = organizations.some((o) => o.id === choice.organizationId);
  const keepTeam = !chosenTeam && !!team?.viewerRole;
  useEffect(() => {
    if (!organization || (chosenOrganizationShown && !keepTeam)) return;
    setChoice((c) =>
      keepTeam
        ? { organizationId: organization.id, teamId: team?.id, implicit: true }
        : { ...c, organizationId: organization.id },
    );
  }, [organization, chosenOrganizationShown, keepTeam, team]);
  // The next new tab starts from a choice made, not from whatever tab was reloaded last.
  const loadedChoice = useRef(choice);
  useEffect(() => {
    sessionStorage.setItem(KEY, JSON.stringify(choice));
    if (choice !== loadedChoice.current) localStorage.setItem(KEY, JSON.stringify(choice));
  }, [choice]);
  const fresh = readFor === pathname;
  const value = useMemo<Workspace>(
    () => ({
      loading: loading && !data,
      failed: !data && !!error,
      retry: refresh,
      fresh,
      organizations,
      organization,
      teamId,
      team,
      setOrganizationId: (id) => setChoice({ organizationId: id }),
      setTeamId: (id) => setChoice({ organizationId: organization?.id, teamId: id }),
      choose: (id, chosenTeam) => setChoice({ organizationId: id, teamId: chosenTeam }),
    }),
    [loading, data, error, refresh, fresh, organizations, organization, teamId, team],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}
