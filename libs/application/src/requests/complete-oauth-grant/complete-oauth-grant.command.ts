import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { AppActionResult } from '../shared/app-action-result';

/** What the OAuth callback knows once it has consumed a valid `state` (which names the recipient as the actor). */
export interface CompleteOAuthGrantInput {
  requestId: string;
  appKey: string;
  accessUntil: string | null;
  redirectUri: string;
  codeVerifier: string;
  /** The callback's `code`, or null when the provider answered with `error`. */
  code: string | null;
  providerError: { error: string; description: string | null } | null;
}

export interface CompleteOAuthGrantResult extends AppActionResult {
  /**
   * R12.2 on a first authorization: the grant came from another account's domain; nothing was stored and the app
   * is as it was. The message is for the recipient (the callback page).
   */
  refused: string | null;
}

/**
 * Completes an OAuth2 grant: exchanges the code, checks granted scopes (R12.3) and the account domain (R12.2),
 * stores the tokens in the vault and appends AppAuthorized / AppReauthorized (or the failure events).
 */
export class CompleteOAuthGrantCommand extends Command<CompleteOAuthGrantResult> {
  constructor(
    readonly input: CompleteOAuthGrantInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
