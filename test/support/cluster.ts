import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const pm2Bin = require.resolve('pm2/bin/pm2');

export interface ClusterProcess {
  name: string;
  pid: number;
  status: string;
  restarts: number;
}

/** Whether `port` and the `count - 1` ports after it are free on loopback. */
async function portsFree(port: number, count: number): Promise<boolean> {
  for (let p = port; p < port + count; p++) {
    const free = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (!free) return false;
  }
  return true;
}

/**
 * `npm run start:cluster` (the pm2 ecosystem of issue 12 item 4) in its own PM2_HOME, on a random block of ports,
 * and what a test needs to watch and hurt it: the process list, SIGKILL, who holds which advisory lock.
 */
export class PmCluster {
  readonly pm2Home = mkdtempSync(join(tmpdir(), 'cr-pm2-'));
  port = 0;

  constructor(private readonly env: Record<string, string>) {}

  url(gateway: 1 | 2): string {
    return `http://127.0.0.1:${this.port + gateway - 1}`;
  }

  private get fullEnv(): NodeJS.ProcessEnv {
    return { ...process.env, ...this.env, PM2_HOME: this.pm2Home, CLUSTER_PORT: String(this.port) };
  }

  async start(): Promise<void> {
    do this.port = 20_000 + Math.floor(Math.random() * 30_000);
    while (!(await portsFree(this.port, 22)));
    await run(process.execPath, ['scripts/build.mjs'], { cwd: root });
    await run(process.execPath, ['scripts/cluster.mjs', 'start'], { cwd: root, env: this.fullEnv });
  }

  async list(): Promise<ClusterProcess[]> {
    const { stdout } = await run(process.execPath, [pm2Bin, 'jlist'], { cwd: root, env: this.fullEnv });
    const rows = JSON.parse(stdout.slice(stdout.indexOf('['))) as {
      name: string;
      pid: number;
      pm2_env: { status: string; restart_time: number };
    }[];
    return rows.map((r) => ({ name: r.name, pid: r.pid, status: r.pm2_env.status, restarts: r.pm2_env.restart_time }));
  }

  async pidOf(name: string): Promise<number> {
    const proc = (await this.list()).find((p) => p.name === name);
    if (!proc?.pid) throw new Error(`${name} is not running`);
    return proc.pid;
  }

  /** SIGKILL; resolves with the moment it was sent (looking the pid up through pm2 takes a while). */
  async kill(name: string): Promise<number> {
    const pid = await this.pidOf(name);
    const at = Date.now();
    process.kill(pid, 'SIGKILL');
    return at;
  }

  async stop(): Promise<void> {
    await run(process.execPath, ['scripts/cluster.mjs', 'stop'], { cwd: root, env: this.fullEnv }).catch(() => null);
    await run(process.execPath, [pm2Bin, 'kill'], { cwd: root, env: this.fullEnv }).catch(() => null);
  }

  async ready(gateway: 1 | 2, timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ok = await fetch(`${this.url(gateway)}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`gateway ${gateway} not ready after ${timeoutMs} ms`);
  }
}

/** Granted advisory locks per holder (its PGAPPNAME, e.g. `cr-projector-1`) and backend pid. */
export async function advisoryHolders(databaseUrl: string): Promise<{ app: string; backend: number; locks: number }[]> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ app: string; backend: number; locks: string }>(
      `SELECT a.application_name AS app, a.pid AS backend, count(*)::text AS locks
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()
        GROUP BY 1, 2 ORDER BY 3 DESC`,
    );
    return rows.map((r) => ({ app: r.app, backend: r.backend, locks: Number(r.locks) }));
  } finally {
    await c.end();
  }
}
