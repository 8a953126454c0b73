/** What the vault stores per connection; never leaves the vault except to the runtime endpoint (SPEC R8.2). */
export interface ApiKeySecret {
  apiKey: string;
}

export interface BasicSecret {
  username: string;
  password: string;
}

export interface OAuth2Secret {
  accessToken: string;
  refreshToken?: string;
  /** ISO 8601 UTC. */
  expiresAt?: string;
  tokenType?: string;
  /** Granted scopes, space-separated as in RFC 6749. */
  scope?: string;
}

export type Secret = ApiKeySecret | BasicSecret | OAuth2Secret;

/** A webhook's signing secret, kept as `webhook:<webhookId>` next to connections' secrets (same keys, same rotation). */
export interface SigningSecret {
  signingSecret: string;
}

/** Anything the vault seals: a connection's secret or another owner's single secret. */
export type StoredSecret = Secret | SigningSecret;
