import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { AddOrganizationMemberCommand } from '@libs/application';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { User } from '../../platform/graphql';
import { DirectoryAnswers } from '../directory-answers';
import type { UserParent } from '../directory-parents';
import { commandContext } from '../../platform/shared/command-context';
import { AddOrganizationMemberArgs } from './add-organization-member.args';

@Resolver()
export class AddOrganizationMemberResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly answers: DirectoryAnswers,
  ) {}

  /** Org OWNER/ADMIN; creates the user record (with this name) when the e-mail is new (R13.2). */
  @Mutation(() => User)
  async addOrganizationMember(
    @Args() args: AddOrganizationMemberArgs,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<UserParent> {
    const result = await this.commandBus.execute(
      new AddOrganizationMemberCommand(
        { organizationId: args.organizationId, email: args.email, name: args.name, role: args.role },
        commandContext(caller),
      ),
    );
    return this.answers.user(result.position, context, result.userId);
  }
}
