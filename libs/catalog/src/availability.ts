import type { AppSpec } from './catalog.types';

/** What a client sees about an OAuth2 app whose client settings are missing (never the variable names). */
export const OAUTH2_CLIENT_UNCONFIGURED = 'its OAuth2 client is not configured on this service';

/**
 * The `env:` variables an app's OAuth2 client settings (client id and secret, every version) name that the
 * environment lacks. Empty for API_KEY/BASIC apps and for configured or literal settings.
 */
export function missingClientSettings(app: AppSpec, env: Record<string, string | undefined>): string[] {
  const missing = new Set<string>();
  for (const version of app.versions) {
    const connection = version.connection;
    if (connection.type !== 'OAUTH2') continue;
    for (const value of [connection.clientId, connection.clientSecret]) {
      if (value.startsWith('env:') && !env[value.slice(4)]) missing.add(value.slice(4));
    }
  }
  return [...missing];
}
