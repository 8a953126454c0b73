import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { AuthorizeAppCommand, type AuthorizeAppInput as CommandInput } from '@libs/application';
import { DomainError } from '@libs/domain';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { AuthorizeAppInput, RequestedApp } from '../../platform/graphql';
import { commandContext } from '../../platform/shared/command-context';
import { ReadYourWrites } from '@projections';
import { RequestViews, type RequestedAppView } from '../request-views';

@Resolver()
export class AuthorizeAppResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly views: RequestViews,
  ) {}

  /**
   * R5.1 for API_KEY / BASIC apps (an OAUTH2 app: BAD_USER_INPUT, R13.3). A credential the app rejects is an
   * answer, not an error: the app comes back INVALID with the app's text (R13.5).
   */
  @Mutation(() => RequestedApp)
  async authorizeApp(
    @Args('input') input: AuthorizeAppInput,
    @CurrentIdentity() caller: Caller,
  ): Promise<RequestedAppView> {
    // An authorization has no end date to lift: it gets the one given, or none.
    if (input.removeAccessUntil) {
      const message = 'removeAccessUntil is for updateCredentials; leave accessUntil out for no end date.';
      throw new DomainError('BAD_USER_INPUT', message, [{ path: 'input.removeAccessUntil', message }]);
    }
    const result = await this.commands.execute(new AuthorizeAppCommand(commandInput(input), commandContext(caller)));
    await this.readYourWrites.after(result.position);
    return this.views.app(result.requestId, result.appKey, caller.userId);
  }
}

/** The GraphQL input as the command takes it (DateTime → ISO string); the secret passes through untouched. */
export function commandInput(input: AuthorizeAppInput): CommandInput {
  return {
    requestId: input.requestId,
    appKey: input.appKey,
    apiKey: input.apiKey ?? null,
    basic: input.basic ? { username: input.basic.username, password: input.basic.password } : null,
    accessUntil: input.accessUntil ? input.accessUntil.toISOString() : null,
    removeAccessUntil: input.removeAccessUntil === true,
  };
}
