// Reads the gateway's error shape: BAD_USER_INPUT carries extensions.fields [{ path, message }] where path names
// the input field (e.g. "input.apps.1.modules"); forms show each message next to that field.
import { CombinedGraphQLErrors } from '@apollo/client/errors';

export interface FieldError {
  path: string;
  message: string;
}

export interface ReadError {
  code: string | null;
  message: string;
  fields: FieldError[];
}

export function readError(error: unknown): ReadError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const ext = (first?.extensions ?? {}) as { code?: string; fields?: { path?: unknown; message?: unknown }[] };
    const fields = (ext.fields ?? [])
      .filter((f) => typeof f.path === 'string' || Array.isArray(f.path))
      .map((f) => ({
        path: Array.isArray(f.path) ? f.path.join('.') : String(f.path),
        message: String(f.message ?? ''),
      }));
    return { code: ext.code ?? null, message: first?.message ?? error.message, fields };
  }
  return { code: null, message: error instanceof Error ? error.message : String(error), fields: [] };
}

/** The message for a field: exact path, or the path with a leading "input." dropped, or a nested path under it. */
export function fieldError(fields: FieldError[], path: string): string | undefined {
  const norm = (p: string) => p.replace(/^input\./, '').replace(/\[(\d+)\]/g, '.$1');
  const want = norm(path);
  return (
    fields.find((f) => norm(f.path) === want)?.message ??
    fields.find((f) => norm(f.path).startsWith(want + '.'))?.message
  );
}
