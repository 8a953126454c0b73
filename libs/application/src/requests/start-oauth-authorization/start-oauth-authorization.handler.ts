import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Catalog } from '@libs/catalog';
import { isReauthorizing, precheckOAuthGrant } from '@libs/domain';
import type { FetchLike } from '@libs/vault';
import { CATALOG, CLOCK, type Clock, VERIFICATION_FETCH } from '../../shared/tokens';
import { grantScopes, oauth2ClientFor, oauth2ConnectionOf } from '../shared/oauth2-client-for';
import { RequestCommands } from '../shared/request-commands';
import {
  StartOAuthAuthorizationCommand,
  type StartOAuthAuthorizationResult,
} from './start-oauth-authorization.command';

@CommandHandler(StartOAuthAuthorizationCommand)
export class StartOAuthAuthorizationHandler implements ICommandHandler<StartOAuthAuthorizationCommand> {
  constructor(
    private readonly requests: RequestCommands,
    @Inject(CATALOG) private readonly catalog: Catalog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(VERIFICATION_FETCH) private readonly fetchImpl: FetchLike,
  ) {}

  async execute({ input, context }: StartOAuthAuthorizationCommand): Promise<StartOAuthAuthorizationResult> {
    const { state, membership } = await this.requests.load(input.requestId, context);
    const app = precheckOAuthGrant(state, {
      actor: context.actor,
      membership,
      appKey: input.appKey,
      accessUntil: input.accessUntil,
      now: this.clock.now().toISOString(),
    });
    const connection = oauth2ConnectionOf(this.catalog, app);
    const client = oauth2ClientFor(connection, input.redirectUri, this.fetchImpl);
    return {
      authorizationUrl: client.authorizationUrl({
        scopes: grantScopes(app, connection),
        state: input.state,
        codeChallenge: input.codeChallenge,
      }),
      reauthorize: isReauthorizing(state, input.appKey),
    };
  }
}
