// pm2 ecosystem of the production topology without containers (issue 12 item 4): `npm run start:cluster`.
// 2 gateways, 2 projectors (one active per projection, one standby), 2 workers, all on one PostgreSQL and Redis.
// Every process gets the caller's environment (AUTH_*, CREDENTIALS_MASTER_KEY, SMTP_URL, …) plus the lines below.
// Ports: gateways CLUSTER_PORT and +1 (put a load balancer in front); projectors +10/+11, workers +20/+21 (metrics,
// admin queues). PGAPPNAME names each process in pg_stat_activity (which projector holds which lock, say).
const base = Number(process.env.CLUSTER_PORT ?? 3000);
const prefix = process.env.CLUSTER_NAME ?? 'cr';
const missing = ['DATABASE_URL', 'REDIS_URL'].filter((name) => !process.env[name]);
// Checked when starting only: `pm2 delete ecosystem.config.cjs` (stop:cluster) must work without them.
const starting = process.argv.some((arg) => ['start', 'restart', 'reload', 'startOrRestart'].includes(arg));
if (starting && missing.length > 0) {
  throw new Error(
    `start:cluster needs ${missing.join(' and ')}: the roles share one PostgreSQL (events, read models, locks) ` +
      'and one Redis (queues); the embedded default (PGlite) is one process only. Example: ' +
      'DATABASE_URL=postgres://postgres@127.0.0.1:5432/credential_requests REDIS_URL=redis://127.0.0.1:6379 npm run start:cluster',
  );
}

const app = (role, n, port) => ({
  name: `${prefix}-${role}-${n}`,
  script: 'dist/apps/main.js',
  cwd: __dirname,
  exec_mode: 'fork',
  instances: 1,
  autorestart: true,
  // A process that dies is started again after a second; its singletons (projection lanes, reactor, scheduler) were
  // taken over meanwhile by its twin, which it now backs up.
  restart_delay: 1000,
  // SIGINT first, SIGKILL after: enough for BullMQ workers to finish their jobs (5 s) and the lanes their batch.
  kill_timeout: 10_000,
  max_memory_restart: '512M',
  env: { ROLE: role, PORT: String(port), PGAPPNAME: `${prefix}-${role}-${n}` },
});

module.exports = {
  apps: [
    app('gateway', 1, base),
    app('gateway', 2, base + 1),
    app('projector', 1, base + 10),
    app('projector', 2, base + 11),
    app('worker', 1, base + 20),
    app('worker', 2, base + 21),
  ],
};
