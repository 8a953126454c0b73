import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

// Letters, digits and a few separators, 8–128 long: fits a UUID, a ULID and the usual proxy ids; no spaces, quotes
// or line breaks, so a client cannot inject into log lines or event metadata.
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/** An incoming `x-request-id` if it is well-formed, else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && WELL_FORMED.test(value) ? value : randomUUID();
}

/** Runs `fn` as part of the request `requestId`: every log line inside carries it, and so does every command. */
export function runInRequest<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

/** The id of the request being served, if any (none in workers, projectors, timers). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
