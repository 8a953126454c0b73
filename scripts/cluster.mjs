// `npm run start:cluster` / `npm run stop:cluster`: the topology of ecosystem.config.cjs under pm2 (a well-known
// process manager, installed as a dependency). `npx pm2 ls`, `npx pm2 logs`, `npx pm2 kill` for the rest.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const pm2 = createRequire(import.meta.url).resolve('pm2/bin/pm2');
const ecosystem = join(root, 'ecosystem.config.cjs');
const command = process.argv[2];

if (command === 'start') {
  const missing = ['DATABASE_URL', 'REDIS_URL'].filter((name) => !process.env[name]);
  if (missing.length > 0) {
    console.error(
      `start:cluster needs ${missing.join(' and ')}: every role shares one PostgreSQL and one Redis ` +
        '(the embedded PGlite default is a single process). For example:\n' +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/credential_requests REDIS_URL=redis://127.0.0.1:6379 ' +
        'npm run start:cluster',
    );
    process.exit(78); // EX_CONFIG, like the service itself
  }
}
const args = { start: ['start', ecosystem], stop: ['delete', ecosystem] }[command];
if (!args) {
  console.error('usage: node scripts/cluster.mjs start|stop');
  process.exit(64);
}
const result = spawnSync(process.execPath, [pm2, ...args], { cwd: root, stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
