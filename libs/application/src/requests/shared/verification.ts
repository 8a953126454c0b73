import type { Catalog } from '@libs/catalog';
import { DomainError, type RequestedAppState } from '@libs/domain';
import {
  type ApiKeySecret,
  type BasicSecret,
  type FetchLike,
  type VerificationResult,
  verifyCredentials,
  VerificationUnavailableError,
} from '@libs/vault';

/**
 * The app could not say yes or no (5xx, timeout, network). Nothing was changed; the caller may simply retry.
 * The contract has no "try again" code, so it surfaces as CONFLICT (the state the user acted on is unchanged and
 * a retry can succeed) with `retryable` for the gateway to expose.
 */
export class VerificationUnavailable extends DomainError {
  readonly retryable = true;
  /**
   * @param detail for operators (names the catalog's endpoint): kept on the error, logged, never in the message
   * @param reason for the recipient: a status line or the kind of failure (issue 11 item 9)
   */
  constructor(
    readonly detail: string,
    reason?: string,
  ) {
    super(
      'CONFLICT',
      `The app could not check the credentials right now${reason ? ` (${reason})` : ''}. Nothing was changed; try again.`,
    );
  }
}

export interface SecretInput {
  apiKey?: string | null;
  basic?: { username: string; password: string } | null;
}

export function secretFor(app: RequestedAppState, input: SecretInput): ApiKeySecret | BasicSecret {
  if (app.connectionType === 'API_KEY') return { apiKey: input.apiKey as string };
  const basic = input.basic as { username: string; password: string };
  return { username: basic.username, password: basic.password };
}

/** R5.1: the catalog's verify call, when the app version defines one; no call means accepted. */
export async function verifyAgainstApp(
  catalog: Catalog,
  app: RequestedAppState,
  secret: ApiKeySecret | BasicSecret,
  fetchImpl: FetchLike,
): Promise<VerificationResult> {
  const connection = catalog.version(app.appKey, app.version)?.connection;
  if (!connection || connection.type === 'OAUTH2' || !connection.verify) return { accepted: true };
  try {
    return await verifyCredentials(connection.verify, secret, fetchImpl);
  } catch (error) {
    // The recipient never sees the catalog's verification URL (issue 11 item 9): the detail is for the log only.
    if (error instanceof VerificationUnavailableError) throw new VerificationUnavailable(error.message, error.reason);
    throw error;
  }
}

/** Which secret fields the caller gave (never their values): the domain checks their presence (R13.3). */
export function credentialsGiven(input: SecretInput): { apiKey: boolean; basic: boolean } {
  return { apiKey: !!input.apiKey, basic: !!input.basic?.username && input.basic.password !== undefined };
}
