import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { DeclineAppCommand } from '@libs/application';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { RequestedApp } from '../../platform/graphql';
import { commandContext } from '../../platform/shared/command-context';
import { ReadYourWrites } from '@projections';
import { RequestViews, type RequestedAppView } from '../request-views';
import { ReasonArgs } from './reason.args';

@Resolver()
export class DeclineAppResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly views: RequestViews,
  ) {}

  /** R5.2: the recipient declines with a reason (1 to LIMITS.reason characters); the app's connection, if any, is destroyed. */
  @Mutation(() => RequestedApp)
  async declineApp(@Args() args: ReasonArgs, @CurrentIdentity() caller: Caller): Promise<RequestedAppView> {
    const result = await this.commands.execute(
      new DeclineAppCommand(
        { requestId: args.requestId, appKey: args.appKey, reason: args.reason },
        commandContext(caller),
      ),
    );
    await this.readYourWrites.after(result.position);
    return this.views.app(result.requestId, result.appKey, caller.userId);
  }
}
