/**
 * The error codes of RFC 6749 (§4.1.2.1 authorization response, §5.2 token response) and RFC 6750. Anything else a
 * provider — or anyone who forged the redirect's query string — writes is not repeated: the app's error shows only
 * one of these codes, never `error_description` or an unknown `error` verbatim (issue 11 item 5).
 */
const KNOWN_CODES = new Set([
  'access_denied',
  'invalid_request',
  'unauthorized_client',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
  'invalid_client',
  'invalid_grant',
  'unsupported_grant_type',
  'invalid_token',
  'insufficient_scope',
  'consent_required',
  'login_required',
  'interaction_required',
]);

export function safeProviderErrorCode(error: unknown): string {
  return typeof error === 'string' && KNOWN_CODES.has(error) ? error : 'unknown_error';
}
