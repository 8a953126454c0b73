import type { Queue } from 'bullmq';

export interface QueueOverview {
  name: string;
  counts: Record<string, number>;
  failed: {
    id: string | undefined;
    name: string;
    failedReason: string;
    attemptsMade: number;
    failedAt: string | null;
  }[];
}

/** Counts and the most recent failed jobs per queue (`GET /admin/queues`). Job data is left out on purpose. */
export async function queueOverview(queues: Queue[], failedLimit = 50): Promise<QueueOverview[]> {
  return Promise.all(
    queues.map(async (queue) => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
      const failed = await queue.getFailed(0, failedLimit - 1);
      return {
        name: queue.name,
        counts,
        failed: failed.map((job) => ({
          id: job.id,
          name: job.name,
          failedReason: job.failedReason,
          attemptsMade: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        })),
      };
    }),
  );
}
