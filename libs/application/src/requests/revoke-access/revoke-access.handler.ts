import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideCredentialRequest, streams } from '@libs/domain';
import { foldRequest } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import { CLOCK, type Clock } from '../../shared/tokens';
import { type AppActionResult, appActionResult } from '../shared/app-action-result';
import { RequestMembership } from '../shared/request-membership';
import { RevokeAccessCommand } from './revoke-access.command';

@CommandHandler(RevokeAccessCommand)
export class RevokeAccessHandler implements ICommandHandler<RevokeAccessCommand> {
  constructor(
    private readonly runner: StreamRunner,
    private readonly membership: RequestMembership,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, context }: RevokeAccessCommand): Promise<AppActionResult> {
    const result = await this.runner.run({
      stream: streams.credentialRequest(input.requestId),
      fold: foldRequest,
      context,
      decide: async (state) =>
        decideCredentialRequest(
          {
            type: 'RevokeAccess',
            data: {
              actor: context.actor,
              membership: await this.membership.of(state, context.actor),
              appKey: input.appKey,
              now: this.clock.now().toISOString(),
            },
          },
          state,
        ),
    });
    return appActionResult(result.state, result.events, input.appKey, result.position);
  }
}
