import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { UpdateCredentialsCommand } from '@libs/application';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { commandInput } from '../authorize-app/authorize-app.resolver';
import { AuthorizeAppInput, RequestedApp } from '../../platform/graphql';
import { commandContext } from '../../platform/shared/command-context';
import { ReadYourWrites } from '@projections';
import { RequestViews, type RequestedAppView } from '../request-views';

@Resolver()
export class UpdateCredentialsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly views: RequestViews,
  ) {}

  /** Edit the secret of an AUTHORIZED / REAUTHORIZING API_KEY or BASIC app (status unchanged, §5). */
  @Mutation(() => RequestedApp)
  async updateCredentials(
    @Args('input') input: AuthorizeAppInput,
    @CurrentIdentity() caller: Caller,
  ): Promise<RequestedAppView> {
    // R12.4: a date moves the end date, removeAccessUntil lifts it, and nothing (or null) keeps it.
    const result = await this.commands.execute(
      new UpdateCredentialsCommand(commandInput(input), commandContext(caller)),
    );
    await this.readYourWrites.after(result.position);
    return this.views.app(result.requestId, result.appKey, caller.userId);
  }
}
