import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { WebQueries } from '@projections';
import { READ_MODELS, type ReadModels } from '@projections';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { Organization, OrganizationMember, type OrgRole } from '../../platform/graphql';
import { DirectoryLoaders } from '../directory-loader';
import { toUserParent, type OrganizationParent, type UserParent } from '../directory-parents';
import { WEB_QUERIES } from '../../platform/web-schema/web-schema.tokens';

interface MemberParent {
  user: UserParent;
  role: OrgRole;
}

@Resolver(() => Organization)
export class OrganizationMembersResolver {
  constructor(
    private readonly loaders: DirectoryLoaders,
    @Inject(READ_MODELS) private readonly reads: ReadModels,
    @Inject(WEB_QUERIES) private readonly queries: WebQueries,
  ) {}

  /**
   * The recipient picker's list. Members, admins, owners and support staff see every member; an org GUEST sees only
   * the people on the requests they sent or received there, never the others or their e-mails (R13.11); anyone
   * else an empty list (like `teams`).
   */
  @ResolveField(() => [OrganizationMember])
  async members(
    @Parent() org: OrganizationParent,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<MemberParent[]> {
    const loader = this.loaders.for(context);
    const role = org.viewerRole !== undefined ? org.viewerRole : await loader.orgRole(org.id, caller.userId);
    if (role === 'GUEST')
      return loader.handOut((await this.queries.peopleOnRequestsOf(org.id, caller.userId)).map(toMember));
    if (role === null && !caller.support) return [];
    return loader.handOut((await this.reads.organizationMembers(org.id)).map(toMember));
  }
}

const toMember = (m: { user: Parameters<typeof toUserParent>[0]; role: OrgRole }): MemberParent => ({
  user: toUserParent(m.user),
  role: m.role,
});
