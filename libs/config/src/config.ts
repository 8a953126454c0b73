import { resolve } from 'node:path';
import ipaddr from 'ipaddr.js';
import { loadWebConfig, type WebConfig } from './web-config';

export type Role = 'all' | 'gateway' | 'worker' | 'projector';

/** Everything the processes read from the environment (ARCHITECTURE.md "Configuration"), parsed once at start. */
export interface AppConfig {
  nodeEnv: string;
  production: boolean;
  role: Role;
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  eventStore: 'postgres' | 'eventstoredb';
  eventStoreConnectionString: string | undefined;
  redisUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  auth: {
    jwtSecret: string | undefined;
    jwksUrl: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
    /** `AUTH_ALGORITHMS`: what a JWKS token may be signed with (asymmetric only, R13.2); default RS256, ES256. */
    algorithms: string[];
    /** `AUTH_CLOCK_TOLERANCE_SECONDS`: allowed clock skew on `exp`/`nbf`, default 30, at most 300. */
    clockToleranceSeconds: number;
  };
  credentialsMasterKey: string | undefined;
  runtimeToken: string | undefined;
  appsCatalog: string | undefined;
  logLevel: string;
  reminderAfterDays: number | undefined;
  reminderMax: number;
  /** Internal (tests): the length of a reminder "day" in ms (`REMINDER_DAY_MS`); a real day when unset. */
  reminderDayMs?: number;
  /**
   * How often (ms) the connection schedule is swept for token refreshes and `accessUntil` revocations whose delayed
   * job did not run (Redis lost it, or no process was up): `CONNECTION_SWEEP_MS`, default 30 s.
   */
  connectionSweepMs: number;
  /** BullMQ key prefix (`BULL_PREFIX`, default 'bull'): separates deployments or tests sharing one Redis. */
  queuePrefix: string;
  webhooksAllowInsecure: boolean;
  /**
   * Which proxies may set X-Forwarded-For (`TRUST_PROXY`, express `trust proxy` semantics): false (default: the
   * socket's address is the client), true (any), a hop count, or a list of addresses, subnets and the names
   * loopback / linklocal / uniquelocal.
   */
  trustProxy: boolean | number | string[];
  /** R13.12: failed authentications per client address and window before RATE_LIMITED, and the block's length. */
  rateLimits: {
    authFailures: number;
    authWindowSeconds: number;
    authBlockSeconds: number;
    outsideEmailsPerTeamPerHour: number;
  };
  /** `RUNTIME_PORT`: when set, `/internal/*` is served only on this port (and nothing else is). */
  runtimePort: number | undefined;
  /** `METRICS_TOKEN`: bearer of `/metrics`; unset, `/metrics` answers loopback callers only (embedded). */
  metricsToken: string | undefined;
  /** `INVITATION_SECRET` (required in production); unset elsewhere: generated into $DATA_DIR. */
  invitationSecret: string | undefined;
  /** Sign-in, sessions, the served web app and CORS (web-config.ts). */
  web: WebConfig;
  /** R13.12: operations over these are refused before they run (`GRAPHQL_MAX_*`). */
  graphqlLimits: GraphqlLimits;
  /** Introspection and "Did you mean" suggestions (`GRAPHQL_INTROSPECTION`; default on except in production). */
  graphqlIntrospection: boolean;
}

export interface GraphqlLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxDirectives: number;
  /** The size the cost assumes for a list with no page size that grows with use (teams, members …). */
  listSize: number;
  /** Directory rows (organizations, teams, members) one operation may hand out, counted as it runs. */
  maxRows: number;
}

/** A start-up refusal listing every wrong variable at once, each with what was expected. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const str = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = str(name);
    if (v === undefined) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    problems.push(`${name}=${JSON.stringify(v)}: expected one of ${allowed.join(', ')}`);
    return fallback;
  };
  const int = (name: string, fallback: number | undefined, min: number, max: number) => {
    const v = str(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}=${JSON.stringify(v)}: expected an integer from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };
  const url = (name: string, protocols: string[]) => {
    const v = str(name);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) throw new Error();
      return v;
    } catch {
      // The value may hold a password: name the variable and the expected shape, never echo it.
      problems.push(`${name}: expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      return undefined;
    }
  };

  const nodeEnv = str('NODE_ENV') ?? 'development';
  const production = nodeEnv === 'production';
  const port = int('PORT', 3000, 0, 65535) ?? 3000;
  const eventStore = oneOf('EVENT_STORE', ['postgres', 'eventstoredb'] as const, 'postgres');
  const eventStoreConnectionString = url('EVENTSTORE_CONNECTION_STRING', ['esdb:', 'esdb+discover:', 'kurrentdb:']);
  if (
    eventStore === 'eventstoredb' &&
    !eventStoreConnectionString &&
    !problems.some((p) => p.startsWith('EVENTSTORE_'))
  ) {
    problems.push('EVENTSTORE_CONNECTION_STRING: required when EVENT_STORE=eventstoredb (esdb://host:2113?tls=false)');
  }
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const jwtSecret = str('AUTH_JWT_SECRET');
  const jwksUrl = url('AUTH_JWKS_URL', ['http:', 'https:']);
  if (jwtSecret && jwtSecret.length < 32) problems.push('AUTH_JWT_SECRET: use at least 32 characters');
  if (jwtSecret && jwksUrl) problems.push('AUTH_JWT_SECRET and AUTH_JWKS_URL: set one, not both');
  if (production && !jwtSecret && !str('AUTH_JWKS_URL')) {
    problems.push('AUTH_JWT_SECRET or AUTH_JWKS_URL: required when NODE_ENV=production');
  }
  const algorithms = (str('AUTH_ALGORITHMS') ?? 'RS256,ES256')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const notAsymmetric = algorithms.filter((a) => !/^(RS|PS|ES)(256|384|512)$|^EdDSA$/.test(a));
  if (notAsymmetric.length || !algorithms.length) {
    problems.push(
      `AUTH_ALGORITHMS: expected a comma-separated list of asymmetric JWS algorithms (RS256, PS256, ES256, EdDSA …), not ${notAsymmetric.join(', ') || 'nothing'}`,
    );
  }
  const clockToleranceSeconds = int('AUTH_CLOCK_TOLERANCE_SECONDS', 30, 0, 300) ?? 30;
  const masterKey = str('CREDENTIALS_MASTER_KEY');
  if (production && !masterKey) problems.push('CREDENTIALS_MASTER_KEY: required when NODE_ENV=production');
  const runtimeToken = str('RUNTIME_TOKEN');
  if (production && !runtimeToken) problems.push('RUNTIME_TOKEN: required when NODE_ENV=production');
  if (production && runtimeToken && runtimeToken.length < 32) {
    problems.push('RUNTIME_TOKEN: use at least 32 characters when NODE_ENV=production (openssl rand -base64 32)');
  }
  const invitationSecret = str('INVITATION_SECRET');
  if (production && !invitationSecret) {
    problems.push('INVITATION_SECRET: required when NODE_ENV=production (at least 32 characters)');
  } else if (invitationSecret && invitationSecret.length < 32) {
    problems.push('INVITATION_SECRET: use at least 32 characters');
  }
  const metricsToken = str('METRICS_TOKEN');
  if (metricsToken && metricsToken.length < 16) problems.push('METRICS_TOKEN: use at least 16 characters');
  const trustProxy = parseTrustProxy(str('TRUST_PROXY'), problems);
  const reminderAfterDays = int('REMINDER_AFTER_DAYS', undefined, 1, 365);
  const reminderMax = int('REMINDER_MAX', 0, 0, 100) ?? 0;
  const logLevel = oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info');
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']) ?? 'redis://127.0.0.1:6379';
  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);
  const web = loadWebConfig(
    env,
    { production, embeddedAuth: !jwtSecret && !str('AUTH_JWKS_URL'), issuer: str('AUTH_ISSUER') },
    problems,
  );
  const publicUrl = (url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');

  const config: AppConfig = {
    nodeEnv,
    production,
    role: oneOf('ROLE', ['all', 'gateway', 'worker', 'projector'] as const, 'all'),
    port,
    publicUrl,
    dataDir: resolve(str('DATA_DIR') ?? './data'),
    databaseUrl,
    eventStore,
    eventStoreConnectionString,
    redisUrl,
    smtpUrl,
    mailFrom: str('MAIL_FROM') ?? 'Credential requests <no-reply@localhost>',
    auth: {
      jwtSecret,
      jwksUrl,
      issuer: str('AUTH_ISSUER'),
      audience: str('AUTH_AUDIENCE'),
      algorithms,
      clockToleranceSeconds,
    },
    credentialsMasterKey: masterKey,
    runtimeToken,
    appsCatalog: str('APPS_CATALOG'),
    logLevel,
    reminderAfterDays,
    reminderMax,
    reminderDayMs: int('REMINDER_DAY_MS', undefined, 1, 86_400_000),
    connectionSweepMs: int('CONNECTION_SWEEP_MS', 30_000, 100, 86_400_000) ?? 30_000,
    queuePrefix: str('BULL_PREFIX') ?? 'bull',
    webhooksAllowInsecure: str('WEBHOOKS_ALLOW_INSECURE') === 'true',
    trustProxy,
    rateLimits: {
      authFailures: int('AUTH_FAILURE_LIMIT', 20, 1, 100_000) ?? 20,
      authWindowSeconds: int('AUTH_FAILURE_WINDOW_SECONDS', 60, 1, 86_400) ?? 60,
      authBlockSeconds: int('AUTH_FAILURE_BLOCK_SECONDS', 60, 1, 86_400) ?? 60,
      outsideEmailsPerTeamPerHour: int('OUTSIDE_EMAILS_PER_TEAM_PER_HOUR', 50, 1, 1_000_000) ?? 50,
    },
    runtimePort: int('RUNTIME_PORT', undefined, 0, 65535),
    metricsToken,
    invitationSecret,
    web,
    graphqlLimits: {
      maxDepth: int('GRAPHQL_MAX_DEPTH', 12, 1, 100) ?? 12,
      maxAliases: int('GRAPHQL_MAX_ALIASES', 30, 0, 1000) ?? 30,
      maxCost: int('GRAPHQL_MAX_COST', 50_000, 1, 100_000_000) ?? 50_000,
      maxTokens: int('GRAPHQL_MAX_TOKENS', 3000, 100, 100_000) ?? 3000,
      maxDirectives: int('GRAPHQL_MAX_DIRECTIVES', 20, 0, 1000) ?? 20,
      listSize: int('GRAPHQL_LIST_SIZE', 20, 1, 100_000) ?? 20,
      maxRows: int('GRAPHQL_MAX_ROWS', 10_000, 1, 10_000_000) ?? 10_000,
    },
    graphqlIntrospection: (str('GRAPHQL_INTROSPECTION') ?? String(!production)) === 'true',
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const TRUST_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY as express reads `trust proxy`; wrong entries are named (they are addresses, not secrets). */
function parseTrustProxy(value: string | undefined, problems: string[]): boolean | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const wrong = entries.filter((e) => !TRUST_NAMES.has(e) && !isAddressOrSubnet(e));
  if (wrong.length > 0 || entries.length === 0) {
    problems.push(
      `TRUST_PROXY: expected false, true, a hop count or a comma list of addresses, subnets, loopback, linklocal, uniquelocal (wrong: ${wrong.join(', ')})`,
    );
    return false;
  }
  return entries;
}

function isAddressOrSubnet(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length > 0 || !ipaddr.isValid(address)) return false;
  if (bits === undefined) return true;
  const max = ipaddr.parse(address).kind() === 'ipv4' ? 32 : 128;
  return /^\d+$/.test(bits) ? Number(bits) <= max : ipaddr.isValid(bits);
}

/** Where a URL is logged, the password goes. */
export function redactUrl(value: string | undefined): string | undefined {
  if (!value) return value;
  try {
    const u = new URL(value);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '[unparseable]';
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
