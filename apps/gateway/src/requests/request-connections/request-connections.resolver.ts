import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { READ_MODELS, type ReadModels } from '@projections';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { Connection } from '../../platform/graphql';
import { toConnection } from '../connection-view';
import { RequestViews } from '../request-views';

@Resolver()
export class RequestConnectionsResolver {
  constructor(
    private readonly views: RequestViews,
    @Inject(READ_MODELS) private readonly read: ReadModels,
  ) {}

  /**
   * R8.5: the request's connections that still exist (not DELETED), each with the scenarios that use it, for
   * whoever may see the request — what a delete would remove.
   */
  @Query(() => [Connection])
  async requestConnections(
    @Args('requestId', { type: () => ID }) requestId: string,
    @CurrentIdentity() caller: Caller,
  ): Promise<Connection[]> {
    await this.views.visible(requestId, caller.userId);
    return (await this.read.connectionsOfRequest(requestId, false)).map(toConnection);
  }
}
