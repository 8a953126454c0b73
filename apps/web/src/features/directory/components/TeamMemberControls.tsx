// A team member's team role and removal from the team (R13.13), for org owners/admins and the team's admins.
import { useMutation } from '@apollo/client/react';
import type { TeamRole } from '../../../gql/graphql';
import { DirectoryChangeTeamRole, DirectoryRemoveTeamMember } from '../api/operations';
import { MemberControls } from './MemberControls';
import type { MemberOutcomeValue } from './MemberOutcome';

const TEAM_ROLES: readonly TeamRole[] = ['MEMBER', 'ADMIN', 'GUEST'];
const refetch = { refetchQueries: ['DirectoryTeam'], awaitRefetchQueries: true };

export function TeamMemberControls({
  team,
  member,
  onOutcome,
}: {
  team: { id: string; name: string };
  member: { teamRole: TeamRole; user: { id: string; name: string } };
  onOutcome: (outcome: MemberOutcomeValue) => void;
}) {
  const [change, changing] = useMutation(DirectoryChangeTeamRole, refetch);
  const [remove, removing] = useMutation(DirectoryRemoveTeamMember, refetch);
  const variables = { teamId: team.id, userId: member.user.id };
  return (
    <MemberControls
      scope="team"
      name={member.user.name}
      place={team.name}
      role={member.teamRole}
      roles={TEAM_ROLES}
      busy={changing.loading || removing.loading}
      changeRole={(role) => change({ variables: { ...variables, role } })}
      remove={() => remove({ variables })}
      onOutcome={onOutcome}
    />
  );
}
