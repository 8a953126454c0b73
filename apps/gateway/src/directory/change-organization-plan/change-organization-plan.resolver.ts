import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeOrganizationPlanCommand } from '@libs/application';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { Organization, Plan } from '../../platform/graphql';
import { DirectoryAnswers } from '../directory-answers';
import type { OrganizationParent } from '../directory-parents';
import { commandContext } from '../../platform/shared/command-context';

@Resolver()
export class ChangeOrganizationPlanResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly answers: DirectoryAnswers,
  ) {}

  /** Support staff only (R13.1); `partner` omitted keeps the current flag. */
  @Mutation(() => Organization)
  async changeOrganizationPlan(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('plan', { type: () => Plan }) plan: Plan,
    @Args('partner', { type: () => Boolean, nullable: true }) partner: boolean | null | undefined,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<OrganizationParent> {
    const result = await this.commandBus.execute(
      new ChangeOrganizationPlanCommand({ organizationId, plan, partner: partner ?? null }, commandContext(caller)),
    );
    return this.answers.organization(result.position, context, result.organizationId);
  }
}
