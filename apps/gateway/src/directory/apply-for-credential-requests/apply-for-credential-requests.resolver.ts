import { Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { ApplyForCredentialRequestsCommand } from '@libs/application';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { User } from '../../platform/graphql';
import { DirectoryAnswers } from '../directory-answers';
import type { UserParent } from '../directory-parents';
import { commandContext } from '../../platform/shared/command-context';

@Resolver()
export class ApplyForCredentialRequestsResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly answers: DirectoryAnswers,
  ) {}

  /** R2.1 / R13.8: PENDING (again after REJECTED; nothing changes once APPROVED). */
  @Mutation(() => User)
  async applyForCredentialRequests(@CurrentIdentity() caller: Caller, @Context() context: object): Promise<UserParent> {
    const result = await this.commandBus.execute(new ApplyForCredentialRequestsCommand(commandContext(caller)));
    return this.answers.user(result.position, context, result.userId);
  }
}
