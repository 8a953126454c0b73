import {
  AppSpec,
  AppVersion,
  CatalogData,
  CONNECTION_TYPES,
  ConnectionSpec,
  ConnectionType,
  ModuleSpec,
  TokenEndpointAuthMethod,
  VerifySpec,
} from './catalog.types';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@libs/domain';

const TRANSLATED = LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE);

/** Lists every problem at once, each with the JSON path of the bad entry, so a broken catalog is fixed in one go. */
export class CatalogValidationError extends Error {
  constructor(
    readonly source: string,
    readonly issues: string[],
  ) {
    super(`Invalid app catalog (${source}): ${issues.join('; ')}`);
    this.name = 'CatalogValidationError';
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const at = (path: string, key: string): string => (path ? `${path}.${key}` : key);

class Checker {
  readonly issues: string[] = [];

  fail(path: string, message: string): undefined {
    this.issues.push(`${path}: ${message}`);
    return undefined;
  }

  string(obj: Json, key: string, path: string, opts: { optional?: boolean } = {}): string | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return opts.optional ? undefined : this.fail(at(path, key), 'required');
    if (typeof v !== 'string' || v.trim() === '') return this.fail(at(path, key), 'must be a non-empty string');
    return v;
  }

  url(obj: Json, key: string, path: string, opts: { optional?: boolean } = {}): string | undefined {
    const v = this.string(obj, key, path, opts);
    if (v === undefined) return undefined;
    // Placeholders such as {apiKey} are not valid URL characters until filled; check the template's shape only.
    const probe = v.replace(/\{[A-Za-z]+\}/g, 'x');
    let parsed: URL;
    try {
      parsed = new URL(probe);
    } catch {
      return this.fail(at(path, key), 'must be an absolute URL');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      return this.fail(at(path, key), 'must be an http(s) URL');
    }
    return v;
  }

  array(obj: Json, key: string, path: string, opts: { optional?: boolean } = {}): unknown[] | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return opts.optional ? undefined : this.fail(at(path, key), 'required');
    if (!Array.isArray(v)) return this.fail(at(path, key), 'must be an array');
    return v;
  }

  stringArray(obj: Json, key: string, path: string, opts: { optional?: boolean } = {}): string[] | undefined {
    const arr = this.array(obj, key, path, opts);
    if (arr === undefined) return undefined;
    let ok = true;
    arr.forEach((s, i) => {
      if (typeof s !== 'string' || s.trim() === '' || /\s/.test(s)) {
        this.fail(`${path}.${key}[${i}]`, 'must be a non-empty string without spaces');
        ok = false;
      }
    });
    return ok ? (arr as string[]) : undefined;
  }

  stringMap(obj: Json, key: string, path: string): Record<string, string> | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return {};
    if (!isObject(v)) return this.fail(at(path, key), 'must be an object of strings');
    let ok = true;
    for (const [k, s] of Object.entries(v)) {
      if (typeof s !== 'string') {
        this.fail(`${path}.${key}.${k}`, 'must be a string');
        ok = false;
      }
    }
    return ok ? (v as Record<string, string>) : undefined;
  }
}

/** Duplicates are found on the raw entries, so an entry that is invalid in other ways is still reported. */
function checkUnique(c: Checker, raw: unknown[], field: string, path: string, label: string): void {
  const seen = new Map<unknown, number>();
  raw.forEach((entry, i) => {
    const value = isObject(entry) ? entry[field] : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const first = seen.get(value);
    const shown = typeof value === 'string' ? `"${value}"` : String(value);
    if (first !== undefined) c.fail(`${path}[${i}].${field}`, `duplicate ${shown} (also ${label}[${first}])`);
    else seen.set(value, i);
  });
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

function checkKey(c: Checker, obj: Json, path: string): string | undefined {
  const key = c.string(obj, 'key', path);
  if (key !== undefined && !KEY_PATTERN.test(key)) {
    return c.fail(`${path}.key`, 'must be lower-case letters, digits and dashes');
  }
  return key;
}

function checkVerify(c: Checker, raw: unknown, path: string): VerifySpec | undefined {
  if (!isObject(raw)) return c.fail(path, 'must be an object');
  const method = c.string(raw, 'method', path);
  if (method !== undefined && !METHODS.includes(method.toUpperCase())) {
    c.fail(`${path}.method`, `must be one of ${METHODS.join(', ')}`);
  }
  const url = c.url(raw, 'url', path);
  const headers = c.stringMap(raw, 'headers', path);
  let body: string | undefined;
  if (raw.body !== undefined && raw.body !== null) {
    // A JSON body may be written as an object; it is sent as its JSON text with the placeholders filled.
    if (typeof raw.body === 'string') body = raw.body;
    else if (isObject(raw.body) || Array.isArray(raw.body)) body = JSON.stringify(raw.body);
    else c.fail(`${path}.body`, 'must be a string or a JSON object');
  }
  if (method === undefined || url === undefined || headers === undefined) return undefined;
  return { method: method.toUpperCase(), url, headers, ...(body !== undefined ? { body } : {}) };
}

function checkConnection(c: Checker, raw: unknown, path: string): ConnectionSpec | undefined {
  if (!isObject(raw)) return c.fail(path, raw === undefined ? 'required' : 'must be an object');
  const type = c.string(raw, 'type', path);
  if (type === undefined) return undefined;
  if (!CONNECTION_TYPES.includes(type as ConnectionType)) {
    return c.fail(`${path}.type`, `must be one of ${CONNECTION_TYPES.join(', ')}`);
  }
  if (type === 'API_KEY' || type === 'BASIC') {
    const verify = raw.verify === undefined ? undefined : checkVerify(c, raw.verify, `${path}.verify`);
    if (type === 'API_KEY' && verify && /\{(username|password|basicAuth)\}/.test(JSON.stringify(verify))) {
      c.fail(`${path}.verify`, 'an API_KEY connection can only use the {apiKey} placeholder');
    }
    if (type === 'BASIC' && verify && /\{apiKey\}/.test(JSON.stringify(verify))) {
      c.fail(`${path}.verify`, 'a BASIC connection can only use {username}, {password} and {basicAuth}');
    }
    return { type, ...(verify ? { verify } : {}) };
  }
  const authorizeUrl = c.url(raw, 'authorizeUrl', path);
  const tokenUrl = c.url(raw, 'tokenUrl', path);
  const clientId = c.string(raw, 'clientId', path);
  const clientSecret = c.string(raw, 'clientSecret', path);
  const userinfoUrl = c.url(raw, 'userinfoUrl', path, { optional: true });
  const jwksUri = c.url(raw, 'jwksUri', path, { optional: true });
  const issuer = c.string(raw, 'issuer', path, { optional: true });
  const baseScopes = c.stringArray(raw, 'baseScopes', path, { optional: true }) ?? [];
  const authorizeParams = c.stringMap(raw, 'authorizeParams', path);
  const method = raw.tokenEndpointAuthMethod ?? 'client_secret_post';
  if (method !== 'client_secret_post' && method !== 'client_secret_basic') {
    c.fail(`${path}.tokenEndpointAuthMethod`, 'must be client_secret_post or client_secret_basic');
  }
  const margin = raw.refreshMarginSeconds;
  if (margin !== undefined && (typeof margin !== 'number' || !Number.isInteger(margin) || margin < 0)) {
    c.fail(`${path}.refreshMarginSeconds`, 'must be a non-negative integer');
  }
  for (const k of ['clientId', 'clientSecret'] as const) {
    const v = raw[k];
    if (typeof v === 'string' && v.startsWith('env:') && !/^env:[A-Za-z_][A-Za-z0-9_]*$/.test(v)) {
      c.fail(`${path}.${k}`, 'env: must be followed by a variable name');
    }
  }
  if (!authorizeUrl || !tokenUrl || !clientId || !clientSecret || !authorizeParams) return undefined;
  return {
    type: 'OAUTH2',
    authorizeUrl,
    tokenUrl,
    clientId,
    clientSecret,
    tokenEndpointAuthMethod: method as TokenEndpointAuthMethod,
    baseScopes,
    authorizeParams,
    ...(userinfoUrl ? { userinfoUrl } : {}),
    ...(jwksUri ? { jwksUri } : {}),
    ...(issuer ? { issuer } : {}),
    ...(typeof margin === 'number' ? { refreshMarginSeconds: margin } : {}),
  };
}

function checkModule(c: Checker, raw: unknown, path: string): ModuleSpec | undefined {
  if (!isObject(raw)) return c.fail(path, 'must be an object');
  const key = checkKey(c, raw, path);
  const name = c.string(raw, 'name', path);
  const scopes = c.stringArray(raw, 'scopes', path);
  const names = checkNames(c, raw, path);
  if (key === undefined || name === undefined || scopes === undefined || names === undefined) return undefined;
  return Object.keys(names).length ? { key, name, scopes, names } : { key, name, scopes };
}

/** `name` is the English one; `names` may give each other language the product speaks, never an empty one. */
function checkNames(c: Checker, raw: Json, path: string): ModuleSpec['names'] {
  const names = c.stringMap(raw, 'names', path);
  if (names === undefined) return undefined;
  let ok = true;
  for (const [language, name] of Object.entries(names)) {
    if (!TRANSLATED.includes(language as Language)) {
      ok = false;
      c.fail(`${path}.names.${language}`, `must be one of ${TRANSLATED.join(', ')}`);
    } else if (name.trim() === '') {
      ok = false;
      c.fail(`${path}.names.${language}`, 'must be a non-empty string');
    }
  }
  return ok ? (names as ModuleSpec['names']) : undefined;
}

function checkVersion(c: Checker, raw: unknown, path: string): AppVersion | undefined {
  if (!isObject(raw)) return c.fail(path, 'must be an object');
  const version = raw.version;
  if (version === undefined) c.fail(`${path}.version`, 'required');
  else if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    c.fail(`${path}.version`, 'must be a positive integer');
  }
  const connection = checkConnection(c, raw.connection, `${path}.connection`);
  const rawModules = c.array(raw, 'modules', path);
  if (rawModules && rawModules.length === 0) c.fail(`${path}.modules`, 'must not be empty');
  const modules = (rawModules ?? []).map((m, i) => checkModule(c, m, `${path}.modules[${i}]`));
  checkUnique(c, rawModules ?? [], 'key', `${path}.modules`, 'modules');
  if (typeof version !== 'number' || !connection || !rawModules || modules.some((m) => !m)) return undefined;
  return { version, connection, modules: modules as ModuleSpec[] };
}

function checkApp(c: Checker, raw: unknown, path: string): AppSpec | undefined {
  if (!isObject(raw)) return c.fail(path, 'must be an object');
  const key = checkKey(c, raw, path);
  const name = c.string(raw, 'name', path);
  const rawVersions = c.array(raw, 'versions', path);
  if (rawVersions && rawVersions.length === 0) c.fail(`${path}.versions`, 'must not be empty');
  const versions = (rawVersions ?? []).map((v, i) => checkVersion(c, v, `${path}.versions[${i}]`));
  checkUnique(c, rawVersions ?? [], 'version', `${path}.versions`, 'versions');
  if (!key || !name || !rawVersions || versions.some((v) => !v)) return undefined;
  return { key, name, versions: [...(versions as AppVersion[])].sort((a, b) => a.version - b.version) };
}

/** Validates parsed catalog JSON; throws CatalogValidationError listing every bad entry. */
export function validateCatalog(raw: unknown, source = 'catalog'): CatalogData {
  const c = new Checker();
  if (!isObject(raw)) throw new CatalogValidationError(source, ['(root): must be an object with "apps"']);
  const rawApps = c.array(raw, 'apps', '');
  const apps = (rawApps ?? []).map((a, i) => checkApp(c, a, `apps[${i}]`));
  checkUnique(c, rawApps ?? [], 'key', 'apps', 'apps');
  if (c.issues.length > 0) throw new CatalogValidationError(source, c.issues);
  return { apps: apps as AppSpec[] };
}
