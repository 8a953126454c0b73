import type { Language } from '@libs/domain';

/** The app catalog as validated from JSON (see ARCHITECTURE.md "App catalog"). */
export type ConnectionType = 'API_KEY' | 'BASIC' | 'OAUTH2';

export const CONNECTION_TYPES: readonly ConnectionType[] = ['API_KEY', 'BASIC', 'OAUTH2'];

/**
 * A call that checks a secret before it is stored. `{apiKey}`, `{username}`, `{password}` and `{basicAuth}`
 * (base64 of `username:password`) are replaced in the url, the header values and the body.
 */
export interface VerifySpec {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ApiKeyConnection {
  type: 'API_KEY';
  verify?: VerifySpec;
}

export interface BasicConnection {
  type: 'BASIC';
  verify?: VerifySpec;
}

export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post';

export interface OAuth2Connection {
  type: 'OAUTH2';
  authorizeUrl: string;
  tokenUrl: string;
  /** Literal value or `env:NAME`; resolved only when used (see resolveClientCredentials). */
  clientId: string;
  /** Literal value or `env:NAME`; resolved only when used, never logged. */
  clientSecret: string;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  /** Asked for on every grant (identity, refresh tokens) but not a module permission, so not checked by R12.3. */
  baseScopes: string[];
  /** Extra query parameters of the authorize URL (e.g. Google's access_type=offline). */
  authorizeParams: Record<string, string>;
  userinfoUrl?: string;
  /** When set, the id_token's signature is checked against this JWKS (with `issuer` when given). */
  jwksUri?: string;
  issuer?: string;
  refreshMarginSeconds?: number;
}

export type ConnectionSpec = ApiKeyConnection | BasicConnection | OAuth2Connection;

export interface ModuleSpec {
  key: string;
  /** The module's name in English, the catalog's own language. */
  name: string;
  scopes: string[];
  /** The name in the other languages people read the product in (issue 10: an outside recipient's language). */
  names?: Partial<Record<Language, string>>;
}

export interface AppVersion {
  version: number;
  connection: ConnectionSpec;
  modules: ModuleSpec[];
}

export interface AppSpec {
  key: string;
  name: string;
  versions: AppVersion[];
}

export interface CatalogData {
  apps: AppSpec[];
}
