import {
  type Catalog,
  MissingClientCredentialError,
  OAUTH2_CLIENT_UNCONFIGURED,
  type OAuth2Connection,
  resolveClientCredentials,
} from '@libs/catalog';
import { DomainError, type RequestedAppState } from '@libs/domain';
import { type FetchLike, OAuth2Client } from '@libs/vault';

/** The catalog's OAuth2 settings of the app version the request asked for (R4.2 pins the version). */
export function oauth2ConnectionOf(
  catalog: Catalog,
  app: Pick<RequestedAppState, 'appKey' | 'version'>,
): OAuth2Connection {
  const connection = catalog.version(app.appKey, app.version)?.connection;
  if (!connection || connection.type !== 'OAUTH2') {
    throw new DomainError('BAD_USER_INPUT', 'This app is not an OAuth2 app.', [
      { path: 'appKey', message: 'This app is not an OAuth2 app.' },
    ]);
  }
  return connection;
}

/** Client ids and secrets are resolved at the moment of use (`env:NAME`), never stored or logged. */
export function oauth2ClientFor(
  connection: OAuth2Connection,
  redirectUri: string,
  fetchImpl: FetchLike,
  env: Record<string, string | undefined> = process.env,
): OAuth2Client {
  let credentials: { clientId: string; clientSecret: string };
  try {
    credentials = resolveClientCredentials(connection, env);
  } catch (error) {
    // Unset since the request was made (issue 11 item 10): a clear refusal, not an internal error; the variable's
    // name is for the operator (start-up warning), not for the recipient.
    if (!(error instanceof MissingClientCredentialError)) throw error;
    const message = `This app is not available: ${OAUTH2_CLIENT_UNCONFIGURED}.`;
    throw new DomainError('BAD_USER_INPUT', message, [{ path: 'appKey', message }]);
  }
  const { clientId, clientSecret } = credentials;
  return new OAuth2Client({
    authorizeUrl: connection.authorizeUrl,
    tokenUrl: connection.tokenUrl,
    clientId,
    clientSecret,
    redirectUri,
    tokenEndpointAuthMethod: connection.tokenEndpointAuthMethod,
    authorizeParams: connection.authorizeParams,
    userinfoUrl: connection.userinfoUrl,
    jwksUri: connection.jwksUri,
    issuer: connection.issuer,
    fetch: fetchImpl,
  });
}

/** Module scopes first (catalog order, R13.7), then the base scopes not already there. */
export function grantScopes(app: Pick<RequestedAppState, 'scopes'>, connection: OAuth2Connection): string[] {
  return [...new Set([...app.scopes, ...connection.baseScopes])];
}
