import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { directoryView, type DirectoryView, guestMaySee } from '@libs/domain';
import { CurrentIdentity } from '../platform/auth/current-identity.decorator';
import type { Caller } from '../platform/auth/identity-provisioner';
import { ApplicationStatus, Organization, OrgRole, Team, TeamMember, TeamRole, User } from '../platform/graphql';
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
 * Relations of the directory types. Who may see what (R13.11): an organization's teams and a team's members are
 * shown to the organization's members and to support staff; an organization GUEST sees only the teams they belong to
 * and, of the members, themselves and the people on their requests; anyone else gets empty lists (the object itself
 * was reachable only through something they may see, e.g. a mutation's answer).
 */
export async function viewOf(
  loaders: DirectoryLoaders,
  context: object,
  caller: Caller,
  organizationId: string,
): Promise<DirectoryView> {
  if (caller.support) return 'ALL';
  return directoryView(await loaders.for(context).orgRole(organizationId, caller.userId), false);
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
    const loader = this.loaders.for(context);
    const view = await viewOf(this.loaders, context, caller, org.id);
    if (view === 'NONE') return [];
    const rows =
      view === 'ALL' ? await loader.teamsOfOrganization(org.id) : await loader.teamsOfUser(caller.userId, org.id);
    return loader.handOut(rows.map(toTeamParent));
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

  /** The viewer's own role in the team (null: not in it), so that pages offer only what the server would allow. */
  @ResolveField(() => TeamRole, { nullable: true })
  async viewerRole(
    @Parent() team: TeamParent,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<TeamRole | null> {
    return this.loaders.for(context).teamRoleIn(team.organizationId, team.id, caller.userId);
  }

  /** R2.4: every member of the team sees who has the feature; a guest, only the people R13.11 allows. */
  @ResolveField(() => [TeamMember])
  async members(
    @Parent() team: TeamParent,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<TeamMemberParent[]> {
    const loader = this.loaders.for(context);
    const view = await viewOf(this.loaders, context, caller, team.organizationId);
    if (view === 'NONE') return [];
    const rows = await loader.teamMembers(team.id);
    const members = rows.map(toTeamMemberParent).filter((m): m is TeamMemberParent => m !== null);
    if (view === 'ALL') return loader.handOut(members);
    const counterparts = await loader.counterparts(caller.userId, team.organizationId);
    return loader.handOut(members.filter((m) => guestMaySee(caller.userId, m.user.id, counterparts)));
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
