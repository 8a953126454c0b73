import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SYSTEM_ACTOR, teamRoleOf } from '@libs/domain';
import { DirectoryReader } from '../../shared/directory-reader';
import { CLOCK, type Clock } from '../../shared/tokens';
import { RequestCommands } from '../shared/request-commands';
import { RevokeLeaverAccessCommand, type RevokeLeaverAccessResult } from './revoke-leaver-access.command';

@CommandHandler(RevokeLeaverAccessCommand)
export class RevokeLeaverAccessHandler implements ICommandHandler<RevokeLeaverAccessCommand> {
  constructor(
    private readonly requests: RequestCommands,
    private readonly directory: DirectoryReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, context }: RevokeLeaverAccessCommand): Promise<RevokeLeaverAccessResult> {
    const { events, skipped, position } = await this.requests.runAsSystem(input.requestId, context, async (state) => {
      const org = await this.directory.organization(state.organizationId);
      const recipientLeft = teamRoleOf(org, state.teamId, state.recipient.userId) === null;
      return {
        type: 'RevokeAccess',
        data: { actor: SYSTEM_ACTOR, appKey: input.appKey, now: this.clock.now().toISOString(), recipientLeft },
      };
    });
    return { revoked: events.length > 0, skipped, position };
  }
}
