export interface TracingHandle {
  /** Exports what is buffered and stops the SDK. */
  shutdown(): Promise<void>;
}

let started: TracingHandle | null = null;

/**
 * Starts the OpenTelemetry SDK when OTEL_EXPORTER_OTLP_ENDPOINT is set (OTLP/HTTP with JSON bodies to
 * `<endpoint>/v1/traces`), else does nothing and returns null: the API stays on its no-op tracer and the SDK is not
 * even loaded. The exporter also reads the standard OTEL_EXPORTER_OTLP_* and OTEL_BSP_* variables itself.
 */
export function startTracing(role: string, env: NodeJS.ProcessEnv = process.env): TracingHandle | null {
  if (started) return started;
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) return null;
  // Loaded here only: a process without the variable never pays for the SDK.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeTracerProvider } =
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor } =
    require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { ATTR_SERVICE_NAME } =
    require('@opentelemetry/semantic-conventions') as typeof import('@opentelemetry/semantic-conventions');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME?.trim() || 'credential-requests',
      'app.role': role,
    }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // Registers the async-hooks context manager and the W3C trace-context propagator.
  provider.register();
  started = { shutdown: () => provider.shutdown() };
  return started;
}

/** Exports the spans still buffered and stops the SDK (a no-op when tracing is off). */
export async function shutdownTracing(): Promise<void> {
  const handle = started;
  started = null;
  await handle?.shutdown();
}

/** Whether spans are recorded and exported in this process. */
export const tracingStarted = (): boolean => started !== null;
