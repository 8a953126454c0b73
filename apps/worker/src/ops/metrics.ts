import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Queue } from 'bullmq';

/** Prometheus metrics of the worker, in their own registry (served by `/metrics`). */
export class WorkerMetrics {
  readonly registry = new Registry();
  readonly failures: Counter<'queue' | 'final'>;
  readonly delivered: Counter<'queue'>;
  readonly latency: Histogram<'queue'>;
  private queues: Queue[] = [];

  constructor() {
    this.failures = new Counter({
      name: 'worker_job_failures_total',
      help: 'Failed job attempts, by queue; final="true" when no retry is left',
      labelNames: ['queue', 'final'],
      registers: [this.registry],
    });
    this.delivered = new Counter({
      name: 'worker_deliveries_total',
      help: 'E-mails sent and webhooks acknowledged, by queue',
      labelNames: ['queue'],
      registers: [this.registry],
    });
    this.latency = new Histogram({
      name: 'worker_delivery_latency_seconds',
      help: 'From the event occurredAt to the delivery (SMTP accepted / webhook 2xx)',
      labelNames: ['queue'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15, 60, 300, 3600],
      registers: [this.registry],
    });
    const queues = () => this.queues;
    new Gauge({
      name: 'worker_queue_depth',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const queue of queues()) {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
          for (const [state, n] of Object.entries(counts)) this.set({ queue: queue.name, state }, n);
        }
      },
    });
  }

  watch(queues: Queue[]): void {
    this.queues = queues;
  }
}
