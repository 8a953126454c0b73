import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../shared/tokens';
import { type AppActionResult, appActionResult } from '../shared/app-action-result';
import { RequestCommands } from '../shared/request-commands';
import { RevokeAccessCommand } from './revoke-access.command';

@CommandHandler(RevokeAccessCommand)
export class RevokeAccessHandler implements ICommandHandler<RevokeAccessCommand> {
  constructor(
    private readonly requests: RequestCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, context }: RevokeAccessCommand): Promise<AppActionResult> {
    const result = await this.requests.run(input.requestId, context, (membership) => ({
      type: 'RevokeAccess',
      data: { actor: context.actor, membership, appKey: input.appKey, now: this.clock.now().toISOString() },
    }));
    return appActionResult(result.state, result.events, input.appKey, result.position);
  }
}
