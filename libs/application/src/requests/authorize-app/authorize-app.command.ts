import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { AppActionResult } from '../shared/app-action-result';

/** schema.graphql AuthorizeAppInput (API_KEY / BASIC apps; OAuth2 goes through the OAuth callback). */
export interface AuthorizeAppInput {
  requestId: string;
  appKey: string;
  apiKey?: string | null;
  basic?: { username: string; password: string } | null;
  accessUntil?: string | null;
  /** updateCredentials only: lifts the end date (R12.4). */
  removeAccessUntil?: boolean | null;
}

/** A rejected credential is not an error (R13.5): the result has status INVALID and the app's error. */
export class AuthorizeAppCommand extends Command<AppActionResult> {
  constructor(
    readonly input: AuthorizeAppInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
