import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideUser, DomainError, streams } from '@libs/domain';
import { foldUser } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import {
  ApplyForCredentialRequestsCommand,
  type ApplyForCredentialRequestsResult,
} from './apply-for-credential-requests.command';

@CommandHandler(ApplyForCredentialRequestsCommand)
export class ApplyForCredentialRequestsHandler implements ICommandHandler<ApplyForCredentialRequestsCommand> {
  constructor(private readonly runner: StreamRunner) {}

  async execute({ context }: ApplyForCredentialRequestsCommand): Promise<ApplyForCredentialRequestsResult> {
    const userId = context.actor.userId;
    if (userId === null) throw new DomainError('UNAUTHENTICATED', 'Sign in to apply.');
    const { position } = await this.runner.run({
      stream: streams.user(userId),
      fold: foldUser,
      context,
      decide: (state) => decideUser({ type: 'ApplyForCredentialRequests', data: { actor: context.actor } }, state),
    });
    return { userId, position };
  }
}
