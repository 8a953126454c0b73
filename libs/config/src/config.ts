import { resolve } from 'node:path';
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
  /** Sign-in, sessions, the served web app and CORS (web-config.ts). */
  web: WebConfig;
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
  const masterKey = str('CREDENTIALS_MASTER_KEY');
  if (production && !masterKey) problems.push('CREDENTIALS_MASTER_KEY: required when NODE_ENV=production');
  const runtimeToken = str('RUNTIME_TOKEN');
  if (production && !runtimeToken) problems.push('RUNTIME_TOKEN: required when NODE_ENV=production');
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
    auth: { jwtSecret, jwksUrl, issuer: str('AUTH_ISSUER'), audience: str('AUTH_AUDIENCE') },
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
    web,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
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
