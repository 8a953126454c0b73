import {
  context,
  type Context,
  type Link,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
} from '@opentelemetry/api';

/**
 * Thin wrappers over the OpenTelemetry API. Without OTEL_EXPORTER_OTLP_ENDPOINT no SDK is registered: the API's
 * no-op tracer answers, `traceCarrier()` is empty and nothing is written into events or jobs.
 */
export const tracer = () => trace.getTracer('credential-requests');

export { SpanKind };

/** The attribute every span of one command's chain carries, across processes (the command's correlation id). */
export const CORRELATION_ID = 'app.correlation_id';

/** W3C trace context as it travels in event metadata and job data. */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** The producer's context (a job's or an event's carrier): the span becomes its child. */
  parent?: Context;
  links?: Link[];
}

/** Runs `fn` in a new active span, ended (with an error status when `fn` throws) when it settles. */
export function inSpan<T>(name: string, options: SpanOptions, fn: (span: Span) => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, links: options.links },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        // The kind of failure only: a message can quote input or, from a driver, a query's values.
        const type = errorType(error);
        span.setAttribute('error.type', type);
        span.setStatus({ code: SpanStatusCode.ERROR, message: type });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** The active span's context to hand to another process ({} when tracing is off). */
export function traceCarrier(ctx: Context = context.active()): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** A producer's context from a carrier (an event's metadata, a job's data); the active context when there is none. */
export function contextFrom(carrier: TraceCarrier | undefined | null): Context {
  if (!carrier?.traceparent) return context.active();
  return propagation.extract(context.active(), carrier);
}

/** A link to each distinct producer span among carriers (a batch of events from several commands). */
export function linksFrom(carriers: (TraceCarrier | undefined)[]): Link[] {
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const carrier of carriers) {
    if (!carrier?.traceparent || seen.has(carrier.traceparent)) continue;
    seen.add(carrier.traceparent);
    const spanContext = trace.getSpanContext(propagation.extract(context.active(), carrier));
    if (spanContext) links.push({ context: spanContext });
  }
  return links;
}

/** A contract code (`CONFLICT`, `BAD_USER_INPUT`), else the error's class name. */
export function errorType(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
  return (error as Error | null)?.constructor?.name ?? 'Error';
}
