import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { RevokeAccessCommand } from '@libs/application';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { RequestedApp } from '../../platform/graphql';
import { commandContext } from '../../platform/shared/command-context';
import { ReadYourWrites } from '@projections';
import { RequestViews, type RequestedAppView } from '../request-views';

@Resolver()
export class RevokeAccessResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly views: RequestViews,
  ) {}

  /** R5.3 / R13.6: the connection becomes REVOKED (kept for "authorize again"); the request stays open. */
  @Mutation(() => RequestedApp)
  async revokeAccess(
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('appKey', { type: () => String }) appKey: string,
    @CurrentIdentity() caller: Caller,
  ): Promise<RequestedAppView> {
    const result = await this.commands.execute(new RevokeAccessCommand({ requestId, appKey }, commandContext(caller)));
    await this.readYourWrites.after(result.position);
    return this.views.app(result.requestId, result.appKey, caller.userId);
  }
}
