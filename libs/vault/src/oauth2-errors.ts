import * as oidc from 'openid-client';

/** The provider refused (invalid_grant, invalid_client, access_denied…): retrying the same request will not help. */
export class OAuth2Error extends Error {
  constructor(
    readonly error: string,
    readonly description?: string,
    readonly status?: number,
  ) {
    super(description ? `${error}: ${description}` : error);
    this.name = 'OAuth2Error';
  }
}

/** The provider could not be asked (network, timeout, 5xx, garbage answer): retry later. */
export class OAuth2UnavailableError extends Error {
  readonly retryable = true;
  constructor(message: string) {
    super(message);
    this.name = 'OAuth2UnavailableError';
  }
}

const ID_TOKEN_CODES = new Set([
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  'OAUTH_KEY_SELECTION_FAILED',
]);

const statusOf = (value: unknown): number | undefined => (value instanceof Response ? value.status : undefined);

/**
 * openid-client's failures in our two kinds. Only codes, statuses and the provider's `error`/`error_description`
 * are carried over: openid-client's own `cause` holds the response body (tokens) and is dropped on purpose.
 */
export function toOAuth2Failure(error: unknown, endpoint: string): Error {
  if (error instanceof OAuth2Error || error instanceof OAuth2UnavailableError) return error;
  // Our fetch wrapper's own refusal (network, timeout), wrapped by openid-client as "something went wrong".
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  if (cause instanceof OAuth2UnavailableError) return cause;
  if (error instanceof oidc.ResponseBodyError || error instanceof oidc.WWWAuthenticateChallengeError) {
    if (error.status >= 500 || error.status === 429) {
      return new OAuth2UnavailableError(`The provider answered ${error.status}`);
    }
    const challenge = error instanceof oidc.WWWAuthenticateChallengeError ? error.cause[0]?.parameters : undefined;
    const code = error instanceof oidc.ResponseBodyError ? error.error : (challenge?.error ?? 'invalid_token');
    const description =
      error instanceof oidc.ResponseBodyError ? error.error_description : challenge?.error_description;
    return new OAuth2Error(code, description, error.status);
  }
  if (error instanceof oidc.ClientError) {
    const status = statusOf(error.cause);
    if (error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' && status !== undefined && status < 500 && status !== 429) {
      return new OAuth2Error(`http_${status}`, undefined, status);
    }
    const detail = `${error.message} ${(error.cause as Error | undefined)?.message ?? ''}`;
    if (ID_TOKEN_CODES.has(error.code ?? '') || /\bJWT\b/.test(detail)) {
      return new OAuth2Error('invalid_id_token', `the id_token failed verification (${error.code ?? 'unknown'})`);
    }
  }
  return new OAuth2UnavailableError(`${endpoint} did not answer as expected`);
}
