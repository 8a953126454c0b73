import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { CORRELATION_ID, tracer } from './spans';

/**
 * Serves one HTTP request inside a server span (a caller's `traceparent` header is honoured), ended when the
 * response is finished or the connection closes. The GraphQL plugin names it after the operation.
 */
export function inHttpSpan(req: IncomingMessage, res: ServerResponse, requestId: string, serve: () => void): void {
  const path = (req.url ?? '/').split('?')[0];
  // Probes every few seconds would bury the requests.
  if (path.startsWith('/health/')) return serve();
  const parent = propagation.extract(context.active(), req.headers);
  const span = tracer().startSpan(
    `${req.method ?? 'GET'} ${path}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method ?? '', 'url.path': path, [CORRELATION_ID]: requestId },
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
