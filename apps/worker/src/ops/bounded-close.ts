import type { Worker } from 'bullmq';

/** Resolves with the promise's outcome, or with 'timeout' after `ms` — the promise itself is left to settle. */
export async function within<T>(promise: Promise<T> | undefined | null, ms: number): Promise<T | 'timeout'> {
  if (!promise) return 'timeout';
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([promise, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `worker.close()` waits for active jobs without a timeout (STACK.md), and BullMQ memoizes the first close, so a
 * later `close(true)` cannot hurry it. Hence: when Redis is not answering (`graceful = false`) nothing can finish
 * anyway, so force from the start; otherwise wait at most `timeoutMs` for the active jobs and then give up on them.
 * A job given up on is not lost: its lock expires and BullMQ hands it to another worker as stalled (the delivery
 * log keeps it from being sent twice).
 */
export async function closeWithin(
  worker: Worker,
  timeoutMs: number,
  graceful = true,
): Promise<'graceful' | 'forced' | 'abandoned'> {
  if (!graceful) {
    const outcome = await within(
      worker.close(true).catch(() => undefined),
      Math.min(timeoutMs, 1000),
    );
    return outcome === 'timeout' ? 'abandoned' : 'forced';
  }
  const outcome = await within(
    worker.close().catch(() => undefined),
    timeoutMs,
  );
  return outcome === 'timeout' ? 'abandoned' : 'graceful';
}
