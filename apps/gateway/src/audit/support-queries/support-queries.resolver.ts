import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { DomainError } from '@libs/domain';
import type { WebQueries } from '@projections';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { Organization, User } from '../../platform/graphql';
import {
  toOrganizationParent,
  toUserParent,
  type OrganizationParent,
  type UserParent,
} from '../../directory/directory-parents';
import { WEB_QUERIES } from '../../platform/web-schema/web-schema.tokens';

function assertSupport(caller: Caller): void {
  if (!caller.support) throw new DomainError('FORBIDDEN', 'Only support staff may do this.');
}

/** Support staff's screens (R2.1 review, R13.1 plans): FORBIDDEN for anyone else. */
@Resolver()
export class SupportQueriesResolver {
  constructor(@Inject(WEB_QUERIES) private readonly queries: WebQueries) {}

  /** R2.1: the applications waiting for a review, by name. */
  @Query(() => [User])
  async pendingCredentialRequestsApplications(@CurrentIdentity() caller: Caller): Promise<UserParent[]> {
    assertSupport(caller);
    return (await this.queries.pendingApplications()).map(toUserParent);
  }

  /** Find an organization to set its plan: name contains `search` (case-insensitive), by name, at most 50. */
  @Query(() => [Organization])
  async supportOrganizations(
    @CurrentIdentity() caller: Caller,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
  ): Promise<OrganizationParent[]> {
    assertSupport(caller);
    return (await this.queries.searchOrganizations(search)).map((row) => toOrganizationParent(row));
  }
}
