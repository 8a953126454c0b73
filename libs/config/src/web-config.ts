import { resolve } from 'node:path';

/** The browser side of the gateway: sign-in, sessions, the served web app, CORS (issue #10). */
export interface WebConfig {
  /** The development sign-in form (e-mail, name, support box): embedded secret or `AUTH_DEV_SIGNIN=true`, never in production. */
  devSignIn: boolean;
  /** OpenID Connect sign-in against `AUTH_ISSUER` (discovery), when `AUTH_CLIENT_ID` is set. */
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined; scopes: string[] } | undefined;
  /** Signs and encrypts the short-lived sign-in transaction cookie; embedded: generated into DATA_DIR. */
  sessionSecret: string | undefined;
  /** How long a session lasts from sign-in (absolute, not sliding): `SESSION_TTL`, default 8 h. */
  sessionTtlSeconds: number;
  /** Other origins allowed to call the API with the browser's credentials (`CORS_ORIGINS`, comma list). */
  corsOrigins: string[];
  /** The built web app (`WEB_DIST`, default `dist/web`). */
  webDist: string;
}

type Env = Record<string, string | undefined>;

const DURATION = /^(\d+)\s*(s|m|h|d)?$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `30m`, `8h`, `2d` or plain seconds. */
export function parseDurationSeconds(value: string): number | undefined {
  const match = DURATION.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_SECONDS[match[2] ?? 's'];
}

/** Parses the web variables, pushing every problem (never echoing a secret) into `problems`. */
export function loadWebConfig(
  env: Env,
  context: { production: boolean; embeddedAuth: boolean; issuer: string | undefined },
  problems: string[],
): WebConfig {
  const str = (name: string) => env[name]?.trim() || undefined;
  const { production } = context;

  const devFlag = str('AUTH_DEV_SIGNIN');
  if (devFlag !== undefined && devFlag !== 'true' && devFlag !== 'false') {
    problems.push(`AUTH_DEV_SIGNIN=${JSON.stringify(devFlag)}: expected true or false`);
  }
  if (production && devFlag === 'true') {
    problems.push(
      'AUTH_DEV_SIGNIN=true: the development sign-in lets anyone sign in as anyone; it is refused when NODE_ENV=production',
    );
  }
  const devSignIn = !production && (devFlag === 'true' || (context.embeddedAuth && devFlag !== 'false'));

  const clientId = str('AUTH_CLIENT_ID');
  const clientSecret = str('AUTH_CLIENT_SECRET');
  let oidc: WebConfig['oidc'];
  if (clientSecret && !clientId) problems.push('AUTH_CLIENT_SECRET: set AUTH_CLIENT_ID too (or neither)');
  if (clientId) {
    const issuer = context.issuer;
    if (!issuer) {
      problems.push('AUTH_CLIENT_ID: needs AUTH_ISSUER, the identity provider (its /.well-known/openid-configuration)');
    } else if (!isUrl(issuer, production ? ['https:'] : ['https:', 'http:'])) {
      problems.push(
        production
          ? 'AUTH_ISSUER: expected an https:// URL when NODE_ENV=production (the OpenID Connect sign-in uses it)'
          : 'AUTH_ISSUER: expected an http:// or https:// URL (the OpenID Connect sign-in uses it)',
      );
    } else {
      const scopes = (str('AUTH_SCOPES') ?? 'openid email profile').split(/[\s,]+/).filter(Boolean);
      if (!scopes.includes('openid')) problems.push('AUTH_SCOPES: must include openid');
      oidc = { issuer, clientId, clientSecret, scopes };
    }
  }

  const sessionSecret = str('SESSION_SECRET');
  if (sessionSecret && sessionSecret.length < 32) problems.push('SESSION_SECRET: use at least 32 characters');
  if (production && clientId && !sessionSecret) {
    problems.push('SESSION_SECRET: required (at least 32 characters) with AUTH_CLIENT_ID when NODE_ENV=production');
  }

  let sessionTtlSeconds = 8 * 3600;
  const ttl = str('SESSION_TTL');
  if (ttl !== undefined) {
    const seconds = parseDurationSeconds(ttl);
    if (seconds === undefined || seconds < 60 || seconds > 30 * 86400) {
      problems.push(`SESSION_TTL=${JSON.stringify(ttl)}: expected a duration from 60s to 30d (e.g. 8h, 30m, 3600)`);
    } else sessionTtlSeconds = seconds;
  }

  const corsOrigins: string[] = [];
  for (const entry of (str('CORS_ORIGINS') ?? '').split(',').map((s) => s.trim())) {
    if (!entry) continue;
    const origin = originOf(entry);
    if (!origin)
      problems.push(`CORS_ORIGINS: ${JSON.stringify(entry)} is not an http(s) origin (scheme://host[:port])`);
    else corsOrigins.push(origin);
  }

  return {
    devSignIn,
    oidc,
    sessionSecret,
    sessionTtlSeconds,
    corsOrigins,
    webDist: resolve(str('WEB_DIST') ?? 'dist/web'),
  };
}

function isUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** `https://app.example.com` (no path, query or credentials), normalised; undefined when it is not one. */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (!['http:', 'https:'].includes(url.protocol)) return undefined;
    if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
      return undefined;
    }
    return url.origin;
  } catch {
    return undefined;
  }
}
