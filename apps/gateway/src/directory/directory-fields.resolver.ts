import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import type { Caller } from '../auth/identity-provisioner';
import { ApplicationStatus, Organization, OrgRole, Team, TeamMember, User } from '../graphql';
import { DirectoryLoaders } from './directory-loader';
import {
  toOrganizationParent,
  toTeamMemberParent,
  toTeamParent,
  type OrganizationParent,
  type TeamMemberParent,
  type TeamParent,
  type UserParent,
} from './directory-parents';

/**
 * Relations of the directory types. Who may see what: an organization's teams and a team's members are shown to the
 * organization's members and to support staff; anyone else gets empty lists (the object itself was reachable only
 * through something they may see, e.g. a mutation's answer).
 */
async function seesInside(loaders: DirectoryLoaders, context: object, caller: Caller, organizationId: string) {
  if (caller.support) return true;
  return (await loaders.for(context).orgRole(organizationId, caller.userId)) !== null;
}

@Resolver(() => Organization)
export class OrganizationFieldsResolver {
  constructor(private readonly loaders: DirectoryLoaders) {}

  @ResolveField(() => OrgRole, { nullable: true })
  async viewerRole(
    @Parent() org: OrganizationParent,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<OrgRole | null> {
    if (org.viewerRole !== undefined) return org.viewerRole;
    return this.loaders.for(context).orgRole(org.id, caller.userId);
  }

  @ResolveField(() => [Team])
  async teams(
    @Parent() org: OrganizationParent,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<TeamParent[]> {
    if (!(await seesInside(this.loaders, context, caller, org.id))) return [];
    return (await this.loaders.for(context).teamsOfOrganization(org.id)).map(toTeamParent);
  }
}

@Resolver(() => Team)
export class TeamFieldsResolver {
  constructor(private readonly loaders: DirectoryLoaders) {}

  @ResolveField(() => Organization)
  async organization(@Parent() team: TeamParent, @Context() context: object): Promise<OrganizationParent> {
    const row = await this.loaders.for(context).organization(team.organizationId);
    if (!row) throw new Error(`team ${team.id} has no organization row ${team.organizationId}`);
    return toOrganizationParent(row);
  }

  /** R2.4: every member of the team sees who has the feature. */
  @ResolveField(() => [TeamMember])
  async members(
    @Parent() team: TeamParent,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<TeamMemberParent[]> {
    if (!(await seesInside(this.loaders, context, caller, team.organizationId))) return [];
    const rows = await this.loaders.for(context).teamMembers(team.id);
    return rows.map(toTeamMemberParent).filter((m): m is TeamMemberParent => m !== null);
  }
}

@Resolver(() => User)
export class UserFieldsResolver {
  constructor(private readonly loaders: DirectoryLoaders) {}

  @ResolveField(() => Boolean)
  async credentialRequestsEnabled(@Parent() user: UserParent, @Context() context: object): Promise<boolean> {
    if (user.credentialRequestsEnabled !== undefined) return user.credentialRequestsEnabled;
    return (await this.loaders.for(context).user(user.id))?.enabled ?? false;
  }

  @ResolveField(() => ApplicationStatus)
  async credentialRequestsApplication(
    @Parent() user: UserParent,
    @Context() context: object,
  ): Promise<ApplicationStatus> {
    if (user.credentialRequestsApplication !== undefined) return user.credentialRequestsApplication;
    return (await this.loaders.for(context).user(user.id))?.application ?? 'NONE';
  }
}
