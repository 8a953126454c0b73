import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { CredentialRequestStatus as Status } from '@libs/domain';
import { READ_MODELS, type ReadModels } from '@projections';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { CredentialRequestConnection, CredentialRequestStatus } from '../../platform/graphql';
import { checkFirst, withCursor } from '../pagination';
import { toView } from '../request-views';

@Resolver()
export class ReceivedCredentialRequestsResolver {
  constructor(@Inject(READ_MODELS) private readonly read: ReadModels) {}

  /**
   * R7.2: the requests whose recipient is the viewer, in one organization or all of them, newest first. `search`
   * (name, case-insensitive) is an addition to the contract, as on the sent list: a search over every page, not the
   * one shown (docs/decisions.md).
   */
  @Query(() => CredentialRequestConnection)
  async receivedCredentialRequests(
    @CurrentIdentity() caller: Caller,
    @Args('organizationId', { type: () => ID, nullable: true }) organizationId?: string | null,
    @Args('status', { type: () => CredentialRequestStatus, nullable: true }) status?: Status | null,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) firstArg?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const first = checkFirst(firstArg, 20);
    const page = await withCursor(() =>
      this.read.receivedRequests({
        recipientId: caller.userId,
        organizationId,
        status,
        search: search?.trim() || null,
        first,
        after,
      }),
    );
    return {
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      // Nobody can ask themselves (R3.4), so the viewer of this list is always the RECIPIENT.
      edges: page.rows.map((row, i) => ({ cursor: page.cursors[i], node: toView(row, 'RECIPIENT') })),
    };
  }
}
