import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { RemoveOrganizationMemberCommand } from '@libs/application';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { LeaverRevocations } from '@libs/application';
import { commandContext } from '../../platform/shared/command-context';
import { ReadYourWrites } from '@projections';
import { RemoveOrganizationMemberArgs } from './remove-organization-member.args';

@Resolver()
export class RemoveOrganizationMemberResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly leavers: LeaverRevocations,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /**
   * R13.13: org OWNER/ADMIN. Answers once the person is out of the organization and its teams in the read models and
   * the connections they gave to its teams are revoked (the runtime refuses them from then on).
   */
  @Mutation(() => Boolean)
  async removeOrganizationMember(
    @Args() args: RemoveOrganizationMemberArgs,
    @CurrentIdentity() caller: Caller,
  ): Promise<boolean> {
    const context = commandContext(caller);
    const result = await this.commandBus.execute(
      new RemoveOrganizationMemberCommand({ organizationId: args.organizationId, userId: args.userId }, context),
    );
    const last = await this.leavers.revoke(
      { organizationId: result.organizationId, userId: result.userId, teamIds: null },
      result.position,
      { correlationId: context.correlationId, causationId: null },
    );
    await this.readYourWrites.after(last);
    return true;
  }
}
