// An organization member's role and removal (R13.13), for org owners and admins.
import { useMutation } from '@apollo/client/react';
import type { OrgRole } from '../../../gql/graphql';
import { DirectoryChangeOrganizationRole, DirectoryRemoveOrganizationMember } from '../api/operations';
import { orgRolesAssignableBy } from '../policies';
import { MemberControls } from './MemberControls';
import type { MemberOutcomeValue } from './MemberOutcome';

// Only the page's own query: a team page fetches again when it opens (cache-and-network), so the teams the person
// left with the organization show them gone there too.
const refetch = { refetchQueries: ['DirectoryOrganization'], awaitRefetchQueries: true };

export function OrganizationMemberControls({
  organization,
  member,
  viewerRole,
  onOutcome,
}: {
  organization: { id: string; name: string };
  member: { role: OrgRole; user: { id: string; name: string } };
  viewerRole: OrgRole;
  onOutcome: (outcome: MemberOutcomeValue) => void;
}) {
  const [change, changing] = useMutation(DirectoryChangeOrganizationRole, refetch);
  const [remove, removing] = useMutation(DirectoryRemoveOrganizationMember, refetch);
  const variables = { organizationId: organization.id, userId: member.user.id };
  const roles = orgRolesAssignableBy(viewerRole);
  return (
    <MemberControls
      scope="organization"
      name={member.user.name}
      place={organization.name}
      role={member.role}
      roles={roles}
      busy={changing.loading || removing.loading}
      changeRole={(role) => change({ variables: { ...variables, role } })}
      remove={() => remove({ variables })}
      onOutcome={onOutcome}
    />
  );
}
