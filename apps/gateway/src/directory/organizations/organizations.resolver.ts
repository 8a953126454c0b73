import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { READ_MODELS, type ReadModels } from '@projections';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { Organization } from '../../platform/graphql';
import { DirectoryLoaders } from '../directory-loader';
import { toOrganizationParent, type OrganizationParent } from '../directory-parents';

@Resolver()
export class OrganizationsResolver {
  constructor(
    private readonly loaders: DirectoryLoaders,
    @Inject(READ_MODELS) private readonly reads: ReadModels,
  ) {}

  /** The caller's organizations (any role, guests included), by name. */
  @Query(() => [Organization])
  async organizations(@CurrentIdentity() caller: Caller, @Context() context: object): Promise<OrganizationParent[]> {
    const loader = this.loaders.for(context);
    const rows = await this.reads.organizationsOfUser(caller.userId);
    return loader.handOut(
      rows.map(({ organization, role }) => {
        loader.primeOrgRole(organization.id, caller.userId, role);
        return toOrganizationParent(organization, role);
      }),
    );
  }

  /** R13.4: null for a non-member, exactly as for an id that does not exist. */
  @Query(() => Organization, { nullable: true })
  async organization(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<OrganizationParent | null> {
    const loader = this.loaders.for(context);
    const role = await loader.orgRole(id, caller.userId);
    if (!role) return null;
    const row = await loader.organization(id);
    return row ? toOrganizationParent(row, role) : null;
  }
}
