export interface Measured {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** What one run of `measureRaw` saw; several (alternating rounds) sum with `summarize`. */
export interface Raw {
  total: number;
  seconds: number;
  latencies: number[];
}

/** `total` calls of `op` by `workers` concurrent loops (`op` gets 0 … total-1 plus `offset`). */
export async function measureRaw(
  total: number,
  workers: number,
  op: (n: number) => Promise<void>,
  offset = 0,
): Promise<Raw> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < total) {
        const n = next++;
        const t0 = performance.now();
        await op(n + offset);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { total, seconds: (performance.now() - started) / 1000, latencies };
}

/** Throughput (all calls over all the time measured) and latency percentiles of one or more runs. */
export function summarize(runs: readonly Raw[]): Measured {
  const total = runs.reduce((n, r) => n + r.total, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    perSecond: Math.round(total / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

/** `total` calls of `op` by `workers` concurrent loops: throughput and latency percentiles. */
export async function measure(total: number, workers: number, op: (n: number) => Promise<void>): Promise<Measured> {
  return summarize([await measureRaw(total, workers, op)]);
}
