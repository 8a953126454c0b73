import { STATUS_CODES } from 'node:http';
import { ApiKeySecret, BasicSecret } from './secret.types';

/** The catalog's `verify` call (structurally the same as @libs/catalog's VerifySpec, without importing it). */
export interface VerifyCall {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export type VerificationResult = { accepted: true } | { accepted: false; message: string };

/** The app could not say yes or no (5xx, network, timeout): retry later; not a verdict on the secret. */
export class VerificationUnavailableError extends Error {
  readonly retryable = true;
  constructor(
    message: string,
    readonly status?: number,
    /** What a recipient may be told: the status line or the kind of failure, never the catalog's URL. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'VerificationUnavailableError';
  }
}

export type FetchLike = typeof fetch;

const PLACEHOLDER = /\{(apiKey|username|password|basicAuth)\}/g;

function placeholderValues(secret: ApiKeySecret | BasicSecret): Record<string, string | undefined> {
  if ('apiKey' in secret) return { apiKey: secret.apiKey };
  return {
    username: secret.username,
    password: secret.password,
    basicAuth: Buffer.from(`${secret.username}:${secret.password}`, 'utf8').toString('base64'),
  };
}

function fill(template: string, values: Record<string, string | undefined>, encode: (s: string) => string): string {
  return template.replace(PLACEHOLDER, (_m, name: string) => {
    const v = values[name];
    // A template asking for a field the secret does not have is a catalog bug; say which, never a value.
    if (v === undefined) throw new Error(`verify call uses {${name}}, which this kind of secret does not have`);
    return encode(v);
  });
}

// The template, not the filled URL, so a secret in the path never reaches an error; no query string either.
const describeUrl = (template: string): string => template.split('?')[0];

/** The app's text per SPEC R13.5: message, error.message, error_description, error (string), else the status line. */
export function appErrorText(body: string, status: number, statusText?: string): string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  if (typeof json === 'object' && json !== null) {
    const o = json as Record<string, unknown>;
    const nested = typeof o.error === 'object' && o.error !== null ? (o.error as Record<string, unknown>) : undefined;
    for (const candidate of [o.message, nested?.message, o.error_description, o.error]) {
      if (typeof candidate === 'string' && candidate.trim() !== '') return candidate;
    }
  }
  return `${status} ${statusText || STATUS_CODES[status] || ''}`.trim();
}

// Apps sometimes echo the credential back ("Incorrect API key provided: sk-…"); the text is shown to people and
// stored in events, so any secret value in it is masked.
function redact(text: string, values: Record<string, string | undefined>): string {
  let out = text;
  for (const v of Object.values(values)) if (v && v.length >= 4) out = out.split(v).join('***');
  return out.length > 500 ? `${out.slice(0, 497)}...` : out;
}

/**
 * Checks an API key or username/password against the app (ARCHITECTURE.md "App catalog"): 2xx accepts, 401/403
 * rejects with the app's text, anything else throws VerificationUnavailableError. Never logs.
 */
export async function verifyCredentials(
  call: VerifyCall,
  secret: ApiKeySecret | BasicSecret,
  fetchImpl: FetchLike = fetch,
  timeoutMs = 10_000,
): Promise<VerificationResult> {
  const values = placeholderValues(secret);
  const where = `${call.method.toUpperCase()} ${describeUrl(call.url)}`;
  const url = fill(call.url, values, encodeURIComponent);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(call.headers ?? {})) headers[k] = fill(v, values, (s) => s);
  const body = call.body === undefined ? undefined : fill(call.body, values, (s) => s);
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, {
      method: call.method.toUpperCase(),
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (e) {
    // The cause's own message may quote the URL (with the secret); keep only its kind.
    const kind = e instanceof Error ? (e.name === 'TimeoutError' ? 'timed out' : 'network error') : 'network error';
    throw new VerificationUnavailableError(`Verification call ${where} failed: ${kind}`, undefined, kind);
  }
  if (response.status >= 200 && response.status < 300) return { accepted: true };
  if (response.status === 401 || response.status === 403) {
    return { accepted: false, message: redact(appErrorText(text, response.status, response.statusText), values) };
  }
  const statusLine = `${response.status} ${response.statusText || STATUS_CODES[response.status] || ''}`.trim();
  throw new VerificationUnavailableError(
    `Verification call ${where} failed: ${statusLine}`,
    response.status,
    `the app answered ${statusLine}`,
  );
}
