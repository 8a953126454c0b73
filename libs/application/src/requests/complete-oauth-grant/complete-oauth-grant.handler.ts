import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Catalog } from '@libs/catalog';
import {
  existingConnectionId,
  isReauthorizing,
  type Membership,
  precheckOAuthGrant,
  type RequestedAppState,
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
import { newId } from '../../shared/ids';
import { CATALOG, CLOCK, type Clock, VAULT, VERIFICATION_FETCH } from '../../shared/tokens';
import { appActionResult } from '../shared/app-action-result';
import { grantScopes, oauth2ClientFor, oauth2ConnectionOf } from '../shared/oauth2-client-for';
import { RequestCommands } from '../shared/request-commands';
import { VerificationUnavailable } from '../shared/verification';
import {
  CompleteOAuthGrantCommand,
  type CompleteOAuthGrantInput,
  type CompleteOAuthGrantResult,
} from './complete-oauth-grant.command';
import { safeProviderErrorCode } from './provider-error';

type Outcome =
  | { kind: 'accepted'; secret: OAuth2Secret; expiresAt: string | null }
  | { kind: 'rejected'; error: string }
  | { kind: 'wrongAccount'; error: string };

@CommandHandler(CompleteOAuthGrantCommand)
export class CompleteOAuthGrantHandler implements ICommandHandler<CompleteOAuthGrantCommand> {
  constructor(
    private readonly requests: RequestCommands,
    @Inject(CATALOG) private readonly catalog: Catalog,
    @Inject(VAULT) private readonly vault: VaultRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(VERIFICATION_FETCH) private readonly fetchImpl: FetchLike,
  ) {}

  async execute({ input, context }: CompleteOAuthGrantCommand): Promise<CompleteOAuthGrantResult> {
    // Every refusal before the provider is asked: a refused command never redeems the code.
    const loaded = await this.requests.load(input.requestId, context);
    const ask = (membership: Membership) => ({
      actor: context.actor,
      membership,
      appKey: input.appKey,
      accessUntil: input.accessUntil,
      now: this.clock.now().toISOString(),
    });
    const app = precheckOAuthGrant(loaded.state, ask(loaded.membership));
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
      const result = await this.requests.run(
        input.requestId,
        context,
        (membership, state) =>
          isReauthorizing(state, input.appKey)
            ? {
                type: 'Reauthorize',
                data: {
                  ...ask(membership),
                  outcome:
                    outcome.kind === 'accepted'
                      ? { accepted: true, expiresAt: outcome.expiresAt }
                      : { accepted: false, error: outcome.error },
                },
              }
            : {
                type: 'AuthorizeApp',
                data: {
                  ...ask(membership),
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
        {
          // The tokens are stored before the event makes the connection usable (never ACTIVE without a secret).
          beforeAppend: async (events) => {
            if (outcome.kind !== 'accepted') return;
            for (const event of events) {
              if (event.type !== 'AppAuthorized' && event.type !== 'AppReauthorized') continue;
              await this.vault.put(event.data.connectionId, outcome.secret);
              if (event.data.connectionId === freshId) freshWritten = true;
            }
          },
        },
      );
      const answer = appActionResult(result.state, result.events, input.appKey, result.position);
      if (freshWritten && answer.connectionId !== freshId) await this.vault.erase(freshId);
      return { ...answer, refused: null };
    } catch (error) {
      if (freshWritten) await this.vault.erase(freshId);
      throw error;
    }
  }

  /** Redeems the code and checks the grant. Provider refusals become the app's error; outages are retryable. */
  private async obtain(app: RequestedAppState, input: CompleteOAuthGrantInput): Promise<Outcome> {
    if (input.providerError || !input.code) {
      const code = safeProviderErrorCode(input.providerError?.error ?? 'invalid_request');
      return { kind: 'rejected', error: `The provider did not grant access (${code}).` };
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
        return { kind: 'rejected', error: `The provider refused the grant (${safeProviderErrorCode(error.error)}).` };
      }
      // Its message names the provider's endpoint URLs: not for the recipient (issue 11 item 9).
      if (error instanceof OAuth2UnavailableError) {
        throw new VerificationUnavailable('the provider did not answer as expected');
      }
      throw error;
    }
  }
}
