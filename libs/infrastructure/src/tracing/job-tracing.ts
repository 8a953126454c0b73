import type { Job } from 'bullmq';
import { contextFrom, CORRELATION_ID, inSpan, SpanKind, type TraceCarrier } from './spans';

/** What a job carries from its producer (the event that caused it) when tracing is on. */
export interface JobTrace extends TraceCarrier {
  correlationId?: string;
}

/**
 * A BullMQ processor run in a consumer span, child of the producer's span (the command's append, through the
 * event's metadata and the job's data), so that one trace holds the request and the e-mail it caused.
 */
export function tracedProcessor<D, R>(
  queue: string,
  processor: (job: Job<D>) => Promise<R>,
): (job: Job<D>) => Promise<R> {
  return (job) => {
    const carrier = (job.data as { trace?: JobTrace } | undefined)?.trace;
    return inSpan(
      `job ${queue.replace(/[{}]/g, '')}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextFrom(carrier),
        attributes: {
          'messaging.system': 'bullmq',
          'messaging.destination.name': queue,
          'messaging.message.id': String(job.id ?? ''),
          'app.attempt': job.attemptsMade + 1,
          [CORRELATION_ID]: carrier?.correlationId ?? '',
        },
      },
      () => processor(job),
    );
  };
}
