import { type DomainError, TransitionRefused } from '@libs/domain';

/**
 * The outcome of an OAuth2 grant as the request page reads it from its URL after `/oauth/callback`:
 * `?oauth=authorized&app=<key>` or `?oauth=error&app=<key>&reason=<code>`. Codes only: never a secret, never the
 * provider's free text (the page reads the app's `error` from the API).
 */
export type OAuthOutcomeReason =
  | 'wrong_account' // R12.2: the account is not from the expected domain
  | 'missing_scopes' // R12.3: the grant lacks module scopes
  | 'access_denied' // the provider (or the user at the provider) did not grant access
  | 'grant_refused' // the provider refused the code exchange
  | 'not_found'
  | 'forbidden'
  | 'invalid' // the app is not in a state to be authorized (or the end date has passed)
  | 'try_again' // the provider could not be reached; start again
  | 'internal';

/** The reason of an app left unauthorized, from the handler's error (application/complete-oauth-grant). */
export function reasonOfAppError(error: string | null): OAuthOutcomeReason {
  if (!error) return 'grant_refused';
  if (error.startsWith('The grant is missing these scopes')) return 'missing_scopes';
  if (error.startsWith('The account used is not from')) return 'wrong_account';
  if (error.startsWith('The provider did not grant access')) return 'access_denied';
  return 'grant_refused';
}

/**
 * The reason of a refused grant. A grant the provider refused for a REVOKED app is a CONFLICT (R5 has no
 * REVOKED → INVALID; nothing is stored) carrying the provider's reason: said as that reason, not as "start again",
 * which the same refusal would only repeat.
 */
export function reasonOfRefusal(error: DomainError): OAuthOutcomeReason {
  if (error instanceof TransitionRefused && error.action === 'AUTHORIZE_REJECTED')
    return reasonOfAppError(error.detail);
  return reasonOfCode(error.code);
}

export function reasonOfCode(code: string): OAuthOutcomeReason {
  switch (code) {
    case 'NOT_FOUND':
      return 'not_found';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'CONFLICT':
      return 'try_again';
    case 'BAD_USER_INPUT':
      return 'invalid';
    default:
      return 'internal';
  }
}

export function requestPageUrl(
  publicUrl: string,
  requestId: string,
  appKey: string,
  outcome: { authorized: true } | { authorized: false; reason: OAuthOutcomeReason },
): string {
  const query = new URLSearchParams({ oauth: outcome.authorized ? 'authorized' : 'error', app: appKey });
  if (!outcome.authorized) query.set('reason', outcome.reason);
  return `${publicUrl}/requests/${encodeURIComponent(requestId)}?${query.toString()}`;
}
