import { readFileSync } from 'node:fs';
import type { Language } from '@libs/domain';
import shipped from './apps.catalog.json';
import { validateCatalog } from './catalog-validation';
import { missingClientSettings, OAUTH2_CLIENT_UNCONFIGURED } from './availability';
import { AppSpec, AppVersion, CatalogData, ModuleSpec, OAuth2Connection } from './catalog.types';

export class UnknownAppError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownAppError';
  }
}

/** Read-only lookups over a validated catalog. */
export class Catalog {
  private readonly byKey: Map<string, AppSpec>;
  private missing?: Map<string, string[]>;

  constructor(
    readonly data: CatalogData,
    /** Where `env:` client settings are looked up (the process environment unless a test says otherwise). */
    private readonly env: Record<string, string | undefined> = process.env,
  ) {
    this.byKey = new Map(data.apps.map((a) => [a.key, a]));
  }

  /** Validates raw JSON (already parsed). `source` names it in errors. */
  static fromJson(raw: unknown, source = 'catalog'): Catalog {
    return new Catalog(validateCatalog(raw, source));
  }

  /** The catalog at `APPS_CATALOG`, else the one shipped with this lib. */
  static load(env: Record<string, string | undefined> = process.env): Catalog {
    const path = env.APPS_CATALOG;
    if (!path) return Catalog.fromJson(shipped, 'shipped apps.catalog.json');
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new Error(`Cannot read APPS_CATALOG ${path}: ${(e as Error).message}`);
    }
    return Catalog.fromJson(raw, path);
  }

  apps(): AppSpec[] {
    return this.data.apps;
  }

  /**
   * Why an app cannot be requested now, or null: an OAuth2 app whose `env:` client settings are unset cannot
   * complete a grant, so it is unavailable rather than failing at the recipient's authorize (issue 11 item 10).
   * The environment is read once, at the first question (the start-up check asks first).
   */
  unavailableReason(appKey: string): string | null {
    this.missing ??= new Map(this.data.apps.map((a) => [a.key, missingClientSettings(a, this.env)]));
    return this.missing.get(appKey)?.length ? OAUTH2_CLIENT_UNCONFIGURED : null;
  }

  /** The unset client-setting variables per unavailable app, for the start-up warnings (names only). */
  unconfiguredApps(): { appKey: string; variables: string[] }[] {
    return this.data.apps
      .filter((a) => this.unavailableReason(a.key) !== null)
      .map((a) => ({ appKey: a.key, variables: this.missing!.get(a.key)! }));
  }

  app(key: string): AppSpec | undefined {
    return this.byKey.get(key);
  }

  version(appKey: string, version: number): AppVersion | undefined {
    return this.app(appKey)?.versions.find((v) => v.version === version);
  }

  latestVersion(appKey: string): AppVersion | undefined {
    const versions = this.app(appKey)?.versions;
    return versions?.[versions.length - 1];
  }

  /** The version asked for, or the latest when `version` is omitted. */
  resolveVersion(appKey: string, version?: number): AppVersion | undefined {
    return version === undefined ? this.latestVersion(appKey) : this.version(appKey, version);
  }

  modules(appKey: string, version?: number): ModuleSpec[] {
    return this.resolveVersion(appKey, version)?.modules ?? [];
  }

  module(appKey: string, version: number, moduleKey: string): ModuleSpec | undefined {
    return this.version(appKey, version)?.modules.find((m) => m.key === moduleKey);
  }

  /** A module's name in `language`: its translation when the catalog gives one, else its (English) name. */
  moduleName(appKey: string, version: number, moduleKey: string, language: Language): string | undefined {
    const module = this.module(appKey, version, moduleKey);
    return module && (module.names?.[language] ?? module.name);
  }

  /**
   * Scopes needed by the chosen modules: catalog module order, then each module's scope order, first occurrence
   * kept (SPEC R13.7) — never the caller's order. Unknown module keys throw.
   */
  scopesFor(appKey: string, version: number, moduleKeys: readonly string[]): string[] {
    const v = this.version(appKey, version);
    if (!v) throw new UnknownAppError(`Unknown app ${appKey} version ${version}`);
    const wanted = new Set(moduleKeys);
    const unknown = moduleKeys.filter((k) => !v.modules.some((m) => m.key === k));
    if (unknown.length > 0)
      throw new UnknownAppError(`Unknown modules of ${appKey} v${version}: ${unknown.join(', ')}`);
    const scopes: string[] = [];
    for (const m of v.modules) {
      if (!wanted.has(m.key)) continue;
      for (const s of m.scopes) if (!scopes.includes(s)) scopes.push(s);
    }
    return scopes;
  }
}

export class MissingClientCredentialError extends Error {
  constructor(readonly variable: string) {
    super(`OAuth2 client credential is not configured: environment variable ${variable} is unset`);
    this.name = 'MissingClientCredentialError';
  }
}

function resolveValue(value: string, env: Record<string, string | undefined>): string {
  if (!value.startsWith('env:')) return value;
  const name = value.slice(4);
  const resolved = env[name];
  if (resolved === undefined || resolved === '') throw new MissingClientCredentialError(name);
  return resolved;
}

/**
 * Resolves `env:NAME` client credentials at the moment of use, so a catalog loads even when an app's
 * credentials are not configured (only that app's OAuth flow fails). The secret is never part of an error.
 */
export function resolveClientCredentials(
  connection: Pick<OAuth2Connection, 'clientId' | 'clientSecret'>,
  env: Record<string, string | undefined> = process.env,
): { clientId: string; clientSecret: string } {
  return { clientId: resolveValue(connection.clientId, env), clientSecret: resolveValue(connection.clientSecret, env) };
}
