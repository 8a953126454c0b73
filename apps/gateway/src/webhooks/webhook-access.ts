import { DomainError, webhookAccess } from '@libs/domain';
import type { Caller } from '../platform/auth/identity-provisioner';
import type { DirectoryLoader } from '../directory/directory-loader';

/**
 * The read side's form of the rule the webhook commands apply (`webhookAccess`, R12.6 / R13.4): listing a team's
 * hooks answers from the read models, like every query.
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
  const access = webhookAccess({ orgRole: orgRole ?? null, teamRole: teamRole ?? null });
  if (access === 'NOT_FOUND') throw notFound();
  if (access === 'FORBIDDEN') {
    throw new DomainError(
      'FORBIDDEN',
      "Only the organization's owners and admins or the team's admins manage webhooks",
    );
  }
}
