import { context, propagation, trace } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Job } from 'bullmq';
import type { EventStore, NewEvent } from '@libs/event-store';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { inHttpSpan, pathShape } from './http-span';
import { tracedProcessor } from './job-tracing';
import { CORRELATION_ID, inSpan, linksFrom, traceCarrier } from './spans';
import { tracedEventStore } from './traced-event-store';
import { startTracing } from './tracing-sdk';

const job = <D>(data: D) => ({ id: 'job-1', data, attemptsMade: 0 }) as unknown as Job<D>;
const event = (correlationId: string): NewEvent => ({
  id: 'e1',
  type: 'RequestCreated',
  data: {},
  metadata: { actorId: null, correlationId, causationId: null, schemaVersion: 1 },
});

describe('tracing, off (no SDK)', () => {
  it('does not start without OTEL_EXPORTER_OTLP_ENDPOINT, even with the signal-specific variable', () => {
    expect(startTracing('gateway', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:1/v1/traces' })).toBeNull();
    expect(startTracing('gateway', { OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toBeNull();
  });

  it('runs the work, writes no trace context and records nothing', async () => {
    const seen = await inSpan('command X', {}, async (span) => {
      expect(span.isRecording()).toBe(false);
      return traceCarrier();
    });
    expect(seen).toEqual({});
    await expect(inSpan('failing', {}, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});

describe('tracing, on (a real SDK with an in-memory exporter)', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });
  beforeEach(() => exporter.reset());

  it("continues the producer's trace in a job: the job span is the command span's child, with its correlation id", async () => {
    const carrier = await inSpan('command CreateCredentialRequestCommand', {}, async () => traceCarrier());
    expect(carrier.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const processor = tracedProcessor(
      '{mail}',
      async (_job: Job<{ trace?: object }>) => trace.getActiveSpan() !== undefined,
    );
    expect(await processor(job({ trace: { ...carrier, correlationId: 'req-1' } }))).toBe(true);
    const [command, consumer] = exporter.getFinishedSpans();
    expect(consumer.name).toBe('job mail');
    expect(consumer.spanContext().traceId).toBe(command.spanContext().traceId);
    expect(consumer.parentSpanContext?.spanId).toBe(command.spanContext().spanId);
    expect(consumer.attributes[CORRELATION_ID]).toBe('req-1');
  });

  it('starts a fresh trace for a job without a carrier (produced while tracing was off)', async () => {
    await tracedProcessor('{webhooks}', async () => undefined)(job({}));
    const [span] = exporter.getFinishedSpans();
    expect(span.parentSpanContext).toBeUndefined();
  });

  it('links a batch to each distinct producer once', async () => {
    const a = await inSpan('a', {}, async () => traceCarrier());
    const b = await inSpan('b', {}, async () => traceCarrier());
    const links = linksFrom([a, b, a, undefined, {}]);
    expect(links.map((l) => l.context.spanId)).toEqual(exporter.getFinishedSpans().map((s) => s.spanContext().spanId));
  });

  it('wraps append in a span that records the stream and the correlation id, and keeps the other members', async () => {
    const calls: string[] = [];
    const store = {
      append: async (stream: string) => {
        calls.push(stream);
        return { nextExpectedRevision: 0, lastGlobalPosition: 'p', written: true };
      },
      ping: async () => 'pong',
    } as unknown as EventStore;
    const traced = tracedEventStore(store);
    await traced.append('credential-request-1', [event('req-2')], 'NO_STREAM');
    expect(await (traced as unknown as { ping(): Promise<string> }).ping()).toBe('pong');
    expect(calls).toEqual(['credential-request-1']);
    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe('event-store append');
    expect(span.attributes).toMatchObject({
      'app.stream': 'credential-request-1',
      [CORRELATION_ID]: 'req-2',
      'app.written': true,
    });
  });

  it('marks a span failed when its work throws', async () => {
    await expect(inSpan('command Bad', {}, () => Promise.reject(new Error('nope')))).rejects.toThrow('nope');
    const [span] = exporter.getFinishedSpans();
    expect(span.status).toEqual({ code: 2, message: 'Error' }); // ERROR, the class name: never the message
    expect(JSON.stringify({ a: span.attributes, e: span.events, s: span.status })).not.toContain('nope');
  });

  it('names HTTP spans by the path shape: no invitation token, id or query string reaches a span', () => {
    expect(pathShape('/invitations/abc.DEF-123?x=1')).toBe('/invitations/:param');
    expect(pathShape('/internal/connections/6f1c/credentials')).toBe('/internal/connections/:param/credentials');
    expect(pathShape('/oauth/callback?code=secret-code&state=s')).toBe('/oauth/callback');
    const req = new IncomingMessage(new Socket());
    req.method = 'GET';
    req.url = '/invitations/invitation-token-canary?code=code-canary';
    const res = new ServerResponse(req);
    let active = '';
    inHttpSpan(req, res, 'request-1', () => {
      active = trace.getActiveSpan()?.spanContext().spanId ?? '';
    });
    res.emit('finish');
    const [span] = exporter.getFinishedSpans();
    expect(span.spanContext().spanId).toBe(active);
    expect(JSON.stringify({ name: span.name, attributes: span.attributes })).not.toMatch(/canary/);
    expect(span.name).toBe('GET /invitations/:param');
  });
});
