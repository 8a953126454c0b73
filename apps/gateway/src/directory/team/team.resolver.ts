import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { Team } from '../../platform/graphql';
import { DirectoryLoaders } from '../directory-loader';
import { toTeamParent, type TeamParent } from '../directory-parents';

@Resolver()
export class TeamResolver {
  constructor(private readonly loaders: DirectoryLoaders) {}

  /**
   * R13.4: null for someone who is not a member of the team's organization (as for an unknown id); R13.11: an
   * organization GUEST also gets null for a team they do not belong to.
   */
  @Query(() => Team, { nullable: true })
  async team(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<TeamParent | null> {
    const loader = this.loaders.for(context);
    const row = await loader.team(id);
    if (!row) return null;
    const role = await loader.orgRole(row.organizationId, caller.userId);
    if (!role) return null;
    if (role === 'GUEST' && (await loader.teamRole(id, caller.userId)) === null) return null;
    return toTeamParent(row);
  }
}
