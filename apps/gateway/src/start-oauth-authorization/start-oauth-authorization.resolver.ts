import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CLOCK, type Clock, StartOAuthAuthorizationCommand } from '@libs/application';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { createPkcePair, createState } from '@libs/vault';
import type { Caller } from '../auth/identity-provisioner';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { OAUTH_STATES } from '../connections/connections.tokens';
import type { OAuthStateStore } from '../connections/oauth-state.store';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { OAuthStart } from '../graphql/types/credential-request.types';
import { commandContext } from '../shared/command-context';

/** R5.1/R5.5: the recipient starts an OAuth2 grant (authorize or reauthorize); the callback completes it. */
@Resolver()
export class StartOAuthAuthorizationResolver {
  constructor(
    private readonly commands: CommandBus,
    @Inject(OAUTH_STATES) private readonly states: OAuthStateStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Mutation(() => OAuthStart)
  async startOAuthAuthorization(
    @CurrentIdentity() caller: Caller,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('appKey', { type: () => String }) appKey: string,
    @Args('accessUntil', { type: () => DateTimeScalar, nullable: true }) accessUntil?: Date | null,
  ): Promise<OAuthStart> {
    const state = createState();
    const pkce = createPkcePair();
    const until = accessUntil ? accessUntil.toISOString() : null;
    // Prechecks first: a refused start stores no state.
    const { authorizationUrl } = await this.commands.execute(
      new StartOAuthAuthorizationCommand(
        {
          requestId,
          appKey,
          accessUntil: until,
          redirectUri: `${this.config.publicUrl}/oauth/callback`,
          state,
          codeChallenge: pkce.challenge,
        },
        commandContext(caller),
      ),
    );
    await this.states.save(
      state,
      { userId: caller.userId, requestId, appKey, codeVerifier: pkce.verifier, accessUntil: until },
      this.clock.now(),
    );
    return { authorizationUrl };
  }
}
