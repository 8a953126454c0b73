import pino from 'pino';

/**
 * Keys whose values never reach a log line, at any depth (R8.1): an error object may carry the parameters of a
 * failing query (PGlite's `params`), a job its payload, a request its headers.
 */
export const REDACTED_KEYS = new Set(
  [
    'params',
    'apiKey',
    'password',
    'clientSecret',
    'codeVerifier',
    'signingSecret',
    'accessToken',
    'refreshToken',
    'token',
    'secret',
    'authorization',
    'cookie',
    'set-cookie',
  ].map((k) => k.toLowerCase()),
);

export const CENSOR = '[redacted]';
const MAX_DEPTH = 10;

/** A copy of `value` with every redacted key censored; errors are serialized first (their own fields included). */
export function redactDeep(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) return redactDeep(scrubParams(pino.stdSerializers.err(value)), depth, seen);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1, seen));
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = REDACTED_KEYS.has(key.toLowerCase()) ? CENSOR : redactDeep(inner, depth + 1, seen);
  }
  return out;
}

/**
 * PostgreSQL echoes a value it could not parse in the message ("invalid input syntax for type integer: \"…\""):
 * where the error carries its query's parameters (PGlite does), their values are cut out of every text field.
 */
function scrubParams(serialized: Record<string, unknown>): Record<string, unknown> {
  const params = serialized.params;
  if (!Array.isArray(params)) return serialized;
  const values = params
    .map((p) => (typeof p === 'string' ? p : p !== null && typeof p === 'object' ? JSON.stringify(p) : null))
    .filter((p): p is string => p !== null && p.length >= 4);
  if (values.length === 0) return serialized;
  const scrub = (text: string) => values.reduce((t, v) => t.split(v).join(CENSOR), text);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(serialized)) out[key] = typeof inner === 'string' ? scrub(inner) : inner;
  return out;
}
