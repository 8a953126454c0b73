// Where a phase's CPU goes across processes (bench:api --split): user + system time of each role process and of
// the PostgreSQL backends serving the bench's database, read from /proc (Linux; absent elsewhere, the figures are
// then null). Backends are pooled, so the set seen at the start of a phase serves it to the end.
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of a process in ms, or null when /proc is not there (or the process is gone). */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

export interface CpuSample {
  roles: Record<string, number | null>;
  postgres: number | null;
  backends: number[];
  commits: number;
}

export async function sampleCpu(
  admin: Client,
  db: string,
  roles: Record<string, number | undefined>,
  backends?: number[],
) {
  const pids =
    backends ??
    (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [db])).rows.map(
      (r) => r.pid,
    );
  const pg = pids.map(cpuMs);
  // Transaction counters are flushed by each backend when idle (≤ 1 s in PostgreSQL 15): read after the phase settled.
  const { rows } = await admin.query<{ commits: string }>(
    'SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = $1',
    [db],
  );
  return {
    roles: Object.fromEntries(Object.entries(roles).map(([role, pid]) => [role, cpuMs(pid)])),
    postgres: pg.some((v) => v === null) ? null : pg.reduce<number>((a, v) => a + (v ?? 0), 0),
    backends: pids,
    commits: Number(rows[0]?.commits ?? 0),
  } satisfies CpuSample;
}

/**
 * Per-operation CPU ms of each role and of PostgreSQL, and commits per operation, over one or more measured slices:
 * `samples` holds a (before, after) pair per slice.
 */
export function perOperation(samples: readonly CpuSample[], operations: number) {
  const pairs = Array.from({ length: samples.length / 2 }, (_, i) => [samples[2 * i], samples[2 * i + 1]] as const);
  const sum = (of: (s: CpuSample) => number | null): number | null => {
    let total = 0;
    for (const [a, b] of pairs) {
      const [x, y] = [of(a), of(b)];
      if (x === null || y === null) return null;
      total += y - x;
    }
    return total;
  };
  const per = (v: number | null) => (v === null ? null : Math.round((v / operations) * 100) / 100);
  const roles = Object.keys(samples[0].roles);
  return {
    cpuMsPerOperation: {
      ...Object.fromEntries(roles.map((r) => [r, per(sum((s) => s.roles[r]))])),
      postgres: per(sum((s) => s.postgres)),
    },
    commitsPerOperation: per(sum((s) => s.commits)),
  };
}
