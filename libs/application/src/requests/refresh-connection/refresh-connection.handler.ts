import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SYSTEM_ACTOR } from '@libs/domain';
import { RequestCommands } from '../shared/request-commands';
import { RefreshConnectionCommand, type RefreshConnectionResult } from './refresh-connection.command';

@CommandHandler(RefreshConnectionCommand)
export class RefreshConnectionHandler implements ICommandHandler<RefreshConnectionCommand> {
  constructor(private readonly requests: RequestCommands) {}

  async execute({ input, context }: RefreshConnectionCommand): Promise<RefreshConnectionResult> {
    // Revoked, declined or deleted meanwhile: a late refresh job has nothing to report (and must not retry).
    const { events, position } = await this.requests.runAsSystem(input.requestId, context, () => ({
      type: 'RefreshConnection',
      data: { actor: SYSTEM_ACTOR, appKey: input.appKey, outcome: input.outcome },
    }));
    return { recorded: events.length > 0, position };
  }
}
