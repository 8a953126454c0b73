import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { RequestReauthorizationCommand } from '@libs/application';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { ReauthorizationResult } from '../../platform/graphql';
import { commandContext } from '../../platform/shared/command-context';
import { ReadYourWrites } from '@projections';
import { RequestViews, type RequestedAppView } from '../request-views';

@Resolver()
export class RequestReauthorizationResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly views: RequestViews,
  ) {}

  /** R5.4: OAuth2 apps only; `sent: false, reason: CONNECTION_VALID` when the connection needs nothing. */
  @Mutation(() => ReauthorizationResult)
  async requestReauthorization(
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('appKey', { type: () => String }) appKey: string,
    @CurrentIdentity() caller: Caller,
  ): Promise<{ sent: boolean; reason: 'SENT' | 'CONNECTION_VALID'; app: RequestedAppView }> {
    const result = await this.commands.execute(
      new RequestReauthorizationCommand({ requestId, appKey }, commandContext(caller)),
    );
    await this.readYourWrites.after(result.position);
    const app = await this.views.app(result.requestId, result.appKey, caller.userId);
    return { sent: result.sent, reason: result.reason, app };
  }
}
