import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CLOCK, type Clock, StartOAuthAuthorizationCommand } from '@libs/application';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { createPkcePair, createState } from '@libs/vault';
import type { GatewayContext } from '../../platform/auth/gateway-context';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import { OAUTH_STATES } from '../connections.tokens';
import type { OAuthStateStore } from '../oauth-state.store';
import { DateTimeScalar } from '../../platform/graphql/scalars/date-time.scalar';
import { OAuthStart } from '../../platform/graphql/types/credential-request.types';
import { commandContext } from '../../platform/shared/command-context';
import { WebSessions } from '../../platform/web-session/web-sessions';

/**
 * R5.1/R5.5: the recipient starts an OAuth2 grant (authorize or reauthorize); the callback completes it. A start
 * made from a signed-in browser (session cookie, no bearer token) is bound to that session: the callback completes it
 * only in the same browser, still signed in (issue 11 item 5). A start with a bearer token stays unbound.
 */
@Resolver()
export class StartOAuthAuthorizationResolver {
  constructor(
    private readonly commands: CommandBus,
    @Inject(OAUTH_STATES) private readonly states: OAuthStateStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessions: WebSessions,
  ) {}

  @Mutation(() => OAuthStart)
  async startOAuthAuthorization(
    @CurrentIdentity() caller: Caller,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('appKey', { type: () => String }) appKey: string,
    @Context() context: GatewayContext,
    @Args('accessUntil', { type: () => DateTimeScalar, nullable: true }) accessUntil?: Date | null,
  ): Promise<OAuthStart> {
    const state = createState();
    const pkce = await createPkcePair();
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
      {
        userId: caller.userId,
        requestId,
        appKey,
        codeVerifier: pkce.verifier,
        accessUntil: until,
        browserBinding: await this.browserSession(context),
      },
      this.clock.now(),
    );
    return { authorizationUrl };
  }

  /** The id hash of the session this call was authenticated with (cookie, no bearer token); else null. */
  private async browserSession(context: GatewayContext): Promise<string | null> {
    const req = context.req;
    if (!req || req.headers.authorization) return null;
    return (await this.sessions.sessionOf(req.headers))?.idHash ?? null;
  }
}
