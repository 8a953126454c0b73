import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { CredentialRequest, Organization, Team } from '../../platform/graphql';
import { DirectoryLoaders } from '../../directory/directory-loader';
import type { CredentialRequestView } from '../request-views';

/**
 * CredentialRequest.organization / team, looked up only when a client asks for them. `teams`, `members` and
 * `Team.organization` of the returned objects are the directory field resolvers' business. Through the operation's
 * directory loader: a list's rows mostly share a few teams, each read once (a page of 20 rows read them 60 times);
 * a live update clears it before each push, so the viewer's role is read afresh.
 */
@Resolver(() => CredentialRequest)
export class CredentialRequestFieldsResolver {
  constructor(private readonly loaders: DirectoryLoaders) {}

  @ResolveField(() => Organization)
  async organization(
    @Parent() request: CredentialRequestView,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ) {
    const loader = this.loaders.for(context);
    const [organization, viewerRole] = await Promise.all([
      loader.organization(request.organizationId),
      loader.orgRole(request.organizationId, caller.userId),
    ]);
    if (!organization) throw new Error(`read model inconsistent: organization ${request.organizationId} is missing`);
    return { ...organization, viewerRole };
  }

  @ResolveField(() => Team)
  async team(@Parent() request: CredentialRequestView, @Context() context: object) {
    // Team.organization and Team.members come from the directory's field resolvers (they need organizationId).
    const team = await this.loaders.for(context).team(request.teamId);
    if (!team) throw new Error(`read model inconsistent: team ${request.teamId} of request ${request.id} is missing`);
    return team;
  }
}
