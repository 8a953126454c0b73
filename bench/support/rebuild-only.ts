// The rebuild phase of bench:api alone, repeatable (~100k events, no HTTP): `npm run build && node
// dist/bench/support/rebuild-only.js [rounds [projector…]]`. The database (BENCH_REBUILD_DB, default bench_rebuild) is seeded once
// and kept, so before/after builds can be run alternately against the same events. Prints one JSON line per round.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { streams } from '@libs/domain';
import { type NewEvent, PgSqlClient, PostgresEventStore } from '@libs/event-store';
import { allProjectors, rebuildProjection } from '@projections';

const adminUrl = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = process.env.BENCH_REBUILD_DB ?? 'bench_rebuild';
const syntheticEvents = Number(process.env.BENCH_SYNTHETIC_EVENTS ?? 100_000);
const rounds = Number(process.argv[2] ?? 2);
const names = process.argv.slice(3);

async function ensureDatabase(): Promise<boolean> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (found.rowCount) return false;
    await admin.query(`CREATE DATABASE "${dbName}"`);
    return true;
  } finally {
    await admin.end();
  }
}

/** The shape bench:api appends: requests of one app, each with 2,000 events (authorize / revoke alternating). */
async function seed(store: PostgresEventStore): Promise<void> {
  const meta = (actorId: string) => ({ actorId, correlationId: randomUUID(), causationId: null, schemaVersion: 1 });
  const perStream = 2000;
  for (let s = 0; s < Math.ceil(syntheticEvents / perStream); s++) {
    const requestId = randomUUID();
    const connectionId = randomUUID();
    const events: NewEvent[] = [
      {
        id: randomUUID(),
        type: 'RequestCreated',
        data: {
          requestId,
          organizationId: 'bench-org',
          teamId: 'bench-team',
          name: `Bench request ${s}`,
          description: null,
          requester: { userId: 'req', name: 'Req', email: 'req@bench-corp.example', external: false },
          recipient: { userId: 'rec', name: 'Rec', email: 'rec@bench-corp.example', external: false },
          apps: [
            {
              appKey: 'openai',
              appName: 'OpenAI',
              version: 1,
              connectionType: 'API_KEY',
              modules: [{ key: 'openai-chat', name: 'Chat', scopes: ['chat'] }],
              scopes: ['chat'],
              note: null,
              connectionName: 'OpenAI (Rec)',
              expectedAccountDomain: null,
            },
          ],
          idempotencyKey: null,
          payloadDigest: `digest-${requestId}`,
          invitation: null,
        },
        metadata: meta('req'),
      },
    ];
    for (let i = 1; i < perStream; i++) {
      events.push({
        id: randomUUID(),
        type: i % 2 === 1 ? 'AppAuthorized' : 'AccessRevoked',
        data:
          i % 2 === 1
            ? { appKey: 'openai', connectionId, accessUntil: null, expiresAt: null }
            : { appKey: 'openai', connectionId, cause: 'RECIPIENT' },
        metadata: meta('rec'),
      });
    }
    await store.append(streams.credentialRequest(requestId), events, 'NO_STREAM');
  }
}

async function main(): Promise<void> {
  const created = await ensureDatabase();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const sql = new PgSqlClient(url.toString());
  const store = await PostgresEventStore.create(sql);
  try {
    if (created) await seed(store);
    for (let round = 0; round < rounds; round++) {
      const line: Record<string, number> = {};
      for (const projector of allProjectors.filter((p) => names.length === 0 || names.includes(p.name))) {
        const result = await rebuildProjection({ sql, store, projector });
        line[projector.name] = Math.round(result.events / result.seconds);
      }
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  } finally {
    await store.close();
    await sql.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
