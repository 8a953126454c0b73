import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CreateOrganizationCommand } from '@libs/application';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { CreateOrganizationInput, Organization } from '../../platform/graphql';
import { DirectoryAnswers } from '../directory-answers';
import type { OrganizationParent } from '../directory-parents';
import { commandContext } from '../../platform/shared/command-context';

@Resolver()
export class CreateOrganizationResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly answers: DirectoryAnswers,
  ) {}

  /** R13.1: the caller becomes OWNER; plan and partner are honoured for support staff only. */
  @Mutation(() => Organization)
  async createOrganization(
    @Args('input') input: CreateOrganizationInput,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<OrganizationParent> {
    const result = await this.commandBus.execute(
      new CreateOrganizationCommand(
        { name: input.name, plan: input.plan ?? null, partner: input.partner ?? null },
        commandContext(caller),
      ),
    );
    return this.answers.organization(result.position, context, result.organizationId);
  }
}
