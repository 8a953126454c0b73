import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { READ_MODELS, type ReadModels } from '@projections';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { CredentialRequest, Organization, Team } from '../../platform/graphql';
import type { CredentialRequestView } from '../request-views';

/**
 * CredentialRequest.organization / team, looked up only when a client asks for them. `teams`, `members` and
 * `Team.organization` of the returned objects are the directory field resolvers' business.
 */
@Resolver(() => CredentialRequest)
export class CredentialRequestFieldsResolver {
  constructor(@Inject(READ_MODELS) private readonly read: ReadModels) {}

  @ResolveField(() => Organization)
  async organization(@Parent() request: CredentialRequestView, @CurrentIdentity() caller: Caller) {
    return this.organizationObject(request.organizationId, caller.userId);
  }

  @ResolveField(() => Team)
  async team(@Parent() request: CredentialRequestView) {
    // Team.organization and Team.members come from the directory's field resolvers (they need organizationId).
    const team = await this.read.teamById(request.teamId);
    if (!team) throw new Error(`read model inconsistent: team ${request.teamId} of request ${request.id} is missing`);
    return team;
  }

  private async organizationObject(organizationId: string, userId: string) {
    const [organization, viewerRole] = await Promise.all([
      this.read.organizationById(organizationId),
      this.read.orgRole(organizationId, userId),
    ]);
    if (!organization) throw new Error(`read model inconsistent: organization ${organizationId} is missing`);
    return { ...organization, viewerRole };
  }
}
