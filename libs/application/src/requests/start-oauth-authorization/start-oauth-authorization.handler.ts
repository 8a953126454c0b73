import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Catalog } from '@libs/catalog';
import { precheckAuthorizeApp, precheckReauthorize, streams } from '@libs/domain';
import type { FetchLike } from '@libs/vault';
import { foldRequest } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import { CATALOG, CLOCK, type Clock, VERIFICATION_FETCH } from '../../shared/tokens';
import { grantScopes, oauth2ClientFor, oauth2ConnectionOf } from '../shared/oauth2-client-for';
import { RequestMembership } from '../shared/request-membership';
import {
  StartOAuthAuthorizationCommand,
  type StartOAuthAuthorizationResult,
} from './start-oauth-authorization.command';

@CommandHandler(StartOAuthAuthorizationCommand)
export class StartOAuthAuthorizationHandler implements ICommandHandler<StartOAuthAuthorizationCommand> {
  constructor(
    private readonly runner: StreamRunner,
    private readonly membership: RequestMembership,
    @Inject(CATALOG) private readonly catalog: Catalog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(VERIFICATION_FETCH) private readonly fetchImpl: FetchLike,
  ) {}

  async execute({ input, context }: StartOAuthAuthorizationCommand): Promise<StartOAuthAuthorizationResult> {
    const { state } = await this.runner.load(streams.credentialRequest(input.requestId), foldRequest);
    const membership = await this.membership.of(state, context.actor);
    const reauthorize = state.apps.find((a) => a.appKey === input.appKey)?.status === 'REAUTHORIZING';
    const base = {
      actor: context.actor,
      membership,
      appKey: input.appKey,
      accessUntil: input.accessUntil,
      now: this.clock.now().toISOString(),
    };
    const app = reauthorize
      ? precheckReauthorize(state, base)
      : precheckAuthorizeApp(state, { ...base, channel: 'OAUTH2_GRANT' });
    const connection = oauth2ConnectionOf(this.catalog, app);
    const client = oauth2ClientFor(connection, input.redirectUri, this.fetchImpl);
    return {
      authorizationUrl: client.authorizationUrl({
        scopes: grantScopes(app, connection),
        state: input.state,
        codeChallenge: input.codeChallenge,
      }),
      reauthorize,
    };
  }
}
