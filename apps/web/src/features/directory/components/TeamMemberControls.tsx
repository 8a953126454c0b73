// A team member's team role and removal from the team (R13.13), for org owners/admins and the team's admins.
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { OrgRole, TeamRole } from '../../../gql/graphql';
import { DirectoryChangeTeamRole, DirectoryRemoveTeamMember } from '../api/operations';
import { MemberControls } from './MemberControls';
import type { MemberOutcomeValue } from './MemberOutcome';
import { teamRolesFor } from '../policies';

const refetch = { refetchQueries: ['DirectoryTeam'], awaitRefetchQueries: true };

export function TeamMemberControls({
  team,
  member,
  onOutcome,
}: {
  team: { id: string; name: string };
  member: { teamRole: TeamRole; orgRole: OrgRole; user: { id: string; name: string } };
  onOutcome: (outcome: MemberOutcomeValue) => void;
}) {
  const { t } = useTranslation('directory');
  const [change, changing] = useMutation(DirectoryChangeTeamRole, refetch);
  // A guest of the organization is a guest in its teams whatever role they are given (R13.11): only Guest is
  // offered (from another role, given before), and the row says how to give them more.
  const orgGuest = member.orgRole === 'GUEST';
  const roles = !orgGuest
    ? teamRolesFor(member.orgRole)
    : member.teamRole === 'GUEST'
      ? []
      : [member.teamRole, 'GUEST' as const];
  const [remove, removing] = useMutation(DirectoryRemoveTeamMember, refetch);
  const variables = { teamId: team.id, userId: member.user.id };
  return (
    <MemberControls
      scope="team"
      name={member.user.name}
      place={team.name}
      role={member.teamRole}
      roles={roles}
      roleNote={orgGuest ? t('manage.team.orgGuest') : undefined}
      busy={changing.loading || removing.loading}
      changeRole={(role) => change({ variables: { ...variables, role } })}
      remove={() => remove({ variables })}
      onOutcome={onOutcome}
    />
  );
}
