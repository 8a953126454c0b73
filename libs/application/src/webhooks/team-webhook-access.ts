import { DomainError, webhookAccess } from '@libs/domain';
import type { CommandContext } from '../shared/command-context';
import type { DirectoryReader } from '../shared/directory-reader';

/** R12.6 / R13.4 on the command side: read from the organization's stream, not from a projection. */
export async function assertManagesTeamWebhooks(
  directory: DirectoryReader,
  context: CommandContext,
  teamId: string,
  notFound: () => DomainError,
): Promise<void> {
  const org = await directory.organizationOfTeam(teamId);
  if (!org) throw notFound();
  const access = webhookAccess(await directory.membership(org.organizationId, teamId, context.actor.userId));
  if (access === 'NOT_FOUND') throw notFound();
  if (access === 'FORBIDDEN') {
    throw new DomainError(
      'FORBIDDEN',
      "Only the organization's owners and admins or the team's admins manage webhooks",
    );
  }
}
