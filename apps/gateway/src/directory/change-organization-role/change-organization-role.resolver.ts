import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeOrganizationRoleCommand } from '@libs/application';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { DirectoryAnswers } from '../directory-answers';
import type { UserParent } from '../directory-parents';
import { User } from '../../platform/graphql';
import { commandContext } from '../../platform/shared/command-context';
import { ChangeOrganizationRoleArgs } from './change-organization-role.args';

@Resolver()
export class ChangeOrganizationRoleResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly answers: DirectoryAnswers,
  ) {}

  /** R13.13: org OWNER/ADMIN; the last owner stays (CONFLICT); nobody changes their own role (FORBIDDEN). */
  @Mutation(() => User)
  async changeOrganizationRole(
    @Args() args: ChangeOrganizationRoleArgs,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<UserParent> {
    const result = await this.commandBus.execute(
      new ChangeOrganizationRoleCommand(
        { organizationId: args.organizationId, userId: args.userId, role: args.role },
        commandContext(caller),
      ),
    );
    return this.answers.user(result.position, context, result.userId);
  }
}
