import type { Worker } from 'bullmq';

/**
 * `worker.close()` waits for active jobs without a timeout (STACK.md): wait at most `timeoutMs`, then force it.
 * A forced job is not lost: its lock expires and BullMQ hands it to another worker as stalled.
 */
export async function closeWithin(worker: Worker, timeoutMs: number): Promise<'graceful' | 'forced'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'forced'>((resolve) => {
    timer = setTimeout(() => resolve('forced'), timeoutMs);
  });
  const outcome = await Promise.race([worker.close().then(() => 'graceful' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'forced') await worker.close(true).catch(() => undefined);
  return outcome;
}
