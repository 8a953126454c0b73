import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideCredentialRequest, DomainError, streams, SYSTEM_ACTOR } from '@libs/domain';
import { foldRequest } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import { RefreshConnectionCommand, type RefreshConnectionResult } from './refresh-connection.command';

@CommandHandler(RefreshConnectionCommand)
export class RefreshConnectionHandler implements ICommandHandler<RefreshConnectionCommand> {
  constructor(private readonly runner: StreamRunner) {}

  async execute({ input, context }: RefreshConnectionCommand): Promise<RefreshConnectionResult> {
    try {
      const result = await this.runner.run({
        stream: streams.credentialRequest(input.requestId),
        fold: foldRequest,
        context: { ...context, actor: SYSTEM_ACTOR },
        decide: (state) =>
          decideCredentialRequest(
            {
              type: 'RefreshConnection',
              data: { actor: SYSTEM_ACTOR, appKey: input.appKey, outcome: input.outcome },
            },
            state,
          ),
      });
      return { recorded: result.events.length > 0, position: result.position };
    } catch (error) {
      // Revoked, declined or deleted meanwhile: a late refresh job has nothing to report (and must not retry).
      if (error instanceof DomainError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) {
        const last = await this.runner.load(streams.credentialRequest(input.requestId), () => null);
        return { recorded: false, position: last.lastPosition };
      }
      throw error;
    }
  }
}
