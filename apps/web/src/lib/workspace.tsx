// The organization and team the viewer works in (the switcher in the header). Lists of sent requests, team pages
// and the create form read it; the choice is kept in localStorage (identifiers, not secrets).
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
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
      }
    }
  }
`);

export type WorkspaceOrganization = WorkspaceOrganizationsQuery['organizations'][number];

interface Workspace {
  loading: boolean;
  organizations: WorkspaceOrganization[];
  organization: WorkspaceOrganization | null;
  teamId: string | null;
  setOrganizationId: (id: string) => void;
  setTeamId: (id: string) => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);
const KEY = 'workspace';

function stored(): { organizationId?: string; teamId?: string } {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as { organizationId?: string; teamId?: string };
  } catch {
    return {};
  }
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const { data, loading } = useQuery(WorkspaceOrganizations);
  const [choice, setChoice] = useState(stored);
  const organizations = useMemo(() => data?.organizations ?? [], [data]);
  const organization = organizations.find((o) => o.id === choice.organizationId) ?? organizations[0] ?? null;
  const teamId = organization?.teams.find((t) => t.id === choice.teamId)?.id ?? organization?.teams[0]?.id ?? null;
  useEffect(() => {
    localStorage.setItem(KEY, JSON.stringify(choice));
  }, [choice]);
  const value: Workspace = {
    loading,
    organizations,
    organization,
    teamId,
    setOrganizationId: (organizationId) => setChoice({ organizationId }),
    setTeamId: (id) => setChoice((c) => ({ ...c, organizationId: organization?.id, teamId: id })),
  };
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}
