import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Catalog } from '@libs/catalog';
import {
  type CredentialRequestState,
  decideCredentialRequest,
  existingConnectionId,
  precheckAuthorizeApp,
  precheckReauthorize,
  type RequestedAppState,
  streams,
} from '@libs/domain';
import {
  accountDomainMatches,
  type FetchLike,
  missingScopes,
  OAuth2Error,
  type OAuth2Secret,
  OAuth2UnavailableError,
  toOAuth2Secret,
  type VaultRepository,
} from '@libs/vault';
import type { CommandContext } from '../../shared/command-context';
import { foldRequest } from '../../shared/folds';
import { newId } from '../../shared/ids';
import { StreamRunner } from '../../shared/stream-runner';
import { CATALOG, CLOCK, type Clock, VAULT, VERIFICATION_FETCH } from '../../shared/tokens';
import { appActionResult } from '../shared/app-action-result';
import { grantScopes, oauth2ClientFor, oauth2ConnectionOf } from '../shared/oauth2-client-for';
import { RequestMembership } from '../shared/request-membership';
import { VerificationUnavailable } from '../shared/verification';
import {
  CompleteOAuthGrantCommand,
  type CompleteOAuthGrantInput,
  type CompleteOAuthGrantResult,
} from './complete-oauth-grant.command';

type Outcome =
  | { kind: 'accepted'; secret: OAuth2Secret; expiresAt: string | null }
  | { kind: 'rejected'; error: string }
  | { kind: 'wrongAccount'; error: string };

@CommandHandler(CompleteOAuthGrantCommand)
export class CompleteOAuthGrantHandler implements ICommandHandler<CompleteOAuthGrantCommand> {
  constructor(
    private readonly runner: StreamRunner,
    private readonly membership: RequestMembership,
    @Inject(CATALOG) private readonly catalog: Catalog,
    @Inject(VAULT) private readonly vault: VaultRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(VERIFICATION_FETCH) private readonly fetchImpl: FetchLike,
  ) {}

  async execute({ input, context }: CompleteOAuthGrantCommand): Promise<CompleteOAuthGrantResult> {
    const stream = streams.credentialRequest(input.requestId);
    // Every refusal before the provider is asked: a refused command never redeems the code.
    const loaded = await this.runner.load(stream, foldRequest);
    const app = await this.precheck(loaded.state, input, context);
    const outcome = await this.obtain(app, input);

    if (outcome.kind === 'wrongAccount' && app.status !== 'REAUTHORIZING') {
      // R12.2: the app stays as it was (no event); the error is shown to the recipient on the callback page.
      return {
        ...appActionResult(loaded.state, [], app.appKey, loaded.lastPosition),
        refused: outcome.error,
      };
    }

    const freshId = newId();
    let freshWritten = false;
    try {
      const result = await this.runner.run({
        stream,
        fold: foldRequest,
        context,
        decide: async (state) => {
          const reauthorize = state.apps.find((a) => a.appKey === input.appKey)?.status === 'REAUTHORIZING';
          const base = {
            actor: context.actor,
            membership: await this.membership.of(state, context.actor),
            appKey: input.appKey,
            accessUntil: input.accessUntil,
            now: this.clock.now().toISOString(),
          };
          if (reauthorize) {
            return decideCredentialRequest(
              {
                type: 'Reauthorize',
                data: {
                  ...base,
                  outcome:
                    outcome.kind === 'accepted'
                      ? { accepted: true, expiresAt: outcome.expiresAt }
                      : { accepted: false, error: outcome.error },
                },
              },
              state,
            );
          }
          return decideCredentialRequest(
            {
              type: 'AuthorizeApp',
              data: {
                ...base,
                channel: 'OAUTH2_GRANT',
                outcome:
                  outcome.kind === 'accepted'
                    ? {
                        accepted: true,
                        connectionId: existingConnectionId(state, input.appKey) ?? freshId,
                        expiresAt: outcome.expiresAt,
                      }
                    : { accepted: false, error: outcome.error },
              },
            },
            state,
          );
        },
        // The tokens are stored before the event makes the connection usable (never ACTIVE without a secret).
        beforeAppend: async (events) => {
          if (outcome.kind !== 'accepted') return;
          for (const event of events) {
            if (event.type !== 'AppAuthorized' && event.type !== 'AppReauthorized') continue;
            await this.vault.put(event.data.connectionId, outcome.secret);
            if (event.data.connectionId === freshId) freshWritten = true;
          }
        },
      });
      const answer = appActionResult(result.state, result.events, input.appKey, result.position);
      if (freshWritten && answer.connectionId !== freshId) await this.vault.erase(freshId);
      return { ...answer, refused: null };
    } catch (error) {
      if (freshWritten) await this.vault.erase(freshId);
      throw error;
    }
  }

  private async precheck(
    state: CredentialRequestState,
    input: CompleteOAuthGrantInput,
    context: CommandContext,
  ): Promise<RequestedAppState> {
    const base = {
      actor: context.actor,
      membership: await this.membership.of(state, context.actor),
      appKey: input.appKey,
      accessUntil: input.accessUntil,
      now: this.clock.now().toISOString(),
    };
    const reauthorize = state.apps.find((a) => a.appKey === input.appKey)?.status === 'REAUTHORIZING';
    return reauthorize
      ? precheckReauthorize(state, base)
      : precheckAuthorizeApp(state, { ...base, channel: 'OAUTH2_GRANT' });
  }

  /** Redeems the code and checks the grant. Provider refusals become the app's error; outages are retryable. */
  private async obtain(app: RequestedAppState, input: CompleteOAuthGrantInput): Promise<Outcome> {
    if (input.providerError || !input.code) {
      const { error, description } = input.providerError ?? { error: 'invalid_request', description: null };
      return {
        kind: 'rejected',
        error: `The provider did not grant access (${error}${description ? `: ${description}` : ''}).`,
      };
    }
    const connection = oauth2ConnectionOf(this.catalog, app);
    const client = oauth2ClientFor(connection, input.redirectUri, this.fetchImpl);
    try {
      const tokens = await client.exchangeCode({
        code: input.code,
        codeVerifier: input.codeVerifier,
        requestedScopes: grantScopes(app, connection),
      });
      // R12.3: only the module scopes count; base scopes (openid, offline_access…) are not permissions.
      const missing = missingScopes(app.scopes, tokens.grantedScopes);
      if (missing.length > 0) {
        return { kind: 'rejected', error: `The grant is missing these scopes: ${missing.join(', ')}.` };
      }
      if (app.expectedAccountDomain) {
        const email = await client.accountEmail(tokens);
        if (!accountDomainMatches(email, app.expectedAccountDomain)) {
          return {
            kind: 'wrongAccount',
            error: `The account used is not from ${app.expectedAccountDomain}; sign in with an account of that domain.`,
          };
        }
      }
      return {
        kind: 'accepted',
        secret: toOAuth2Secret(tokens),
        expiresAt: tokens.expiresAt ? tokens.expiresAt.toISOString() : null,
      };
    } catch (error) {
      if (error instanceof OAuth2Error) {
        return { kind: 'rejected', error: `The provider refused the grant (${error.message}).` };
      }
      if (error instanceof OAuth2UnavailableError) throw new VerificationUnavailable(error.message);
      throw error;
    }
  }
}
