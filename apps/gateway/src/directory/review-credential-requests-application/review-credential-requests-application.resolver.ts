import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { ReviewCredentialRequestsApplicationCommand } from '@libs/application';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { User } from '../../platform/graphql';
import { DirectoryAnswers } from '../directory-answers';
import type { UserParent } from '../directory-parents';
import { commandContext } from '../../platform/shared/command-context';

@Resolver()
export class ReviewCredentialRequestsApplicationResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly answers: DirectoryAnswers,
  ) {}

  /** Support staff only. R2.1 / R13.8: approving an ineligible user is NOT_ELIGIBLE and leaves PENDING. */
  @Mutation(() => User)
  async reviewCredentialRequestsApplication(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('approve', { type: () => Boolean }) approve: boolean,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<UserParent> {
    const result = await this.commandBus.execute(
      new ReviewCredentialRequestsApplicationCommand({ userId, approve }, commandContext(caller)),
    );
    return this.answers.user(result.position, context, result.userId);
  }
}
