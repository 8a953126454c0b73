import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideUser, orgRoleOf, streams } from '@libs/domain';
import { DirectoryReader } from '../../shared/directory-reader';
import { foldUser } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import {
  ReviewCredentialRequestsApplicationCommand,
  type ReviewCredentialRequestsApplicationResult,
} from './review-credential-requests-application.command';

@CommandHandler(ReviewCredentialRequestsApplicationCommand)
export class ReviewCredentialRequestsApplicationHandler implements ICommandHandler<ReviewCredentialRequestsApplicationCommand> {
  constructor(
    private readonly runner: StreamRunner,
    private readonly directory: DirectoryReader,
  ) {}

  async execute({
    input,
    context,
  }: ReviewCredentialRequestsApplicationCommand): Promise<ReviewCredentialRequestsApplicationResult> {
    const { position } = await this.runner.run({
      stream: streams.user(input.userId),
      fold: foldUser,
      context,
      decide: async (state) => {
        // Gathered on every attempt: a plan change between attempts must count.
        const orgs = input.approve ? await this.directory.organizationsOf(input.userId) : [];
        const facts = {
          email: state.email,
          // A verified e-mail is one we saw in a verified token: only then is the `sub` bound (R13.2).
          emailVerified: state.subject !== null,
          organizations: orgs.map((o) => ({
            plan: o.plan,
            partner: o.partner,
            role: orgRoleOf(o, input.userId) ?? 'GUEST',
          })),
        };
        return decideUser(
          { type: 'ReviewApplication', data: { actor: context.actor, approve: input.approve, facts } },
          state,
        );
      },
    });
    return { userId: input.userId, position };
  }
}
