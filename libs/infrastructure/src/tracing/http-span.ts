import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { CORRELATION_ID, tracer } from './spans';

// Spans get the path's shape over the routes' own words; any other segment may be an id or a secret (an invitation
// link is `/invitations/<token>`, and a token can look like a word). The query string (OAuth2 `code`) never.
const ROUTE_WORDS = new Set([
  'graphql',
  'oauth',
  'auth',
  'callback',
  'config',
  'session',
  'dev-signin',
  'logout',
  'login',
  'internal',
  'connections',
  'credentials',
  'admin',
  'queues',
  'metrics',
  'health',
  'live',
  'ready',
  'invitations',
  'requests',
  'assets',
]);

/** The path with every segment that is not one of the routes' own words replaced by `:param`. */
export function pathShape(url: string): string {
  const path = url.split('?')[0];
  return path
    .split('/')
    .map((segment) => (segment === '' || ROUTE_WORDS.has(segment) ? segment : ':param'))
    .join('/');
}

/**
 * Serves one HTTP request inside a server span (a caller's `traceparent` header is honoured), ended when the
 * response is finished or the connection closes. The GraphQL plugin names it after the operation.
 */
export function inHttpSpan(req: IncomingMessage, res: ServerResponse, requestId: string, serve: () => void): void {
  const path = pathShape(req.url ?? '/');
  // Probes every few seconds would bury the requests.
  if (path.startsWith('/health/')) return serve();
  const parent = propagation.extract(context.active(), req.headers);
  const span = tracer().startSpan(
    `${req.method ?? 'GET'} ${path}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method ?? '', 'http.route': path, [CORRELATION_ID]: requestId },
    },
    parent,
  );
  if (!span.isRecording()) return serve();
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  context.with(trace.setSpan(parent, span), serve);
}
