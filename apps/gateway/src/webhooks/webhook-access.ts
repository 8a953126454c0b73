import { DomainError } from '@libs/domain';
import type { Caller } from '../auth/identity-provisioner';
import type { DirectoryLoader } from '../directory/directory-loader';

/**
 * R12.6: org OWNER/ADMIN or team ADMIN manage a team's webhooks. R13.4: a non-member of the organization gets the
 * same NOT_FOUND as for an unknown team; a member without the right gets FORBIDDEN.
 */
export async function assertManagesTeamWebhooks(
  loader: DirectoryLoader,
  caller: Caller,
  teamId: string,
  notFound: () => DomainError,
): Promise<void> {
  const team = await loader.team(teamId);
  if (!team) throw notFound();
  const [orgRole, teamRole] = await Promise.all([
    loader.orgRole(team.organizationId, caller.userId),
    loader.teamRole(teamId, caller.userId),
  ]);
  if (!orgRole) throw notFound();
  if (orgRole === 'OWNER' || orgRole === 'ADMIN' || teamRole === 'ADMIN') return;
  throw new DomainError('FORBIDDEN', "Only the organization's owners and admins or the team's admins manage webhooks");
}
