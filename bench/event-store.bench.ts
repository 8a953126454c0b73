// Event store benchmark (bench/README.md). One fresh database on the machine's PostgreSQL; prints ONE JSON object.
// Counts via env: BENCH_APPENDS (per run), BENCH_STREAMS_PER_WRITER, BENCH_CATCHUP_EVENTS, BENCH_CATCHUP_BATCH,
// BENCH_ROUNDS, BENCH_ADMIN_URL (a database the bench can CREATE DATABASE from).
import { randomBytes } from 'node:crypto';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Client, Pool } from 'pg';
import { PgSqlClient, PostgresEventStore, START } from '@libs/event-store';
import { benchEvent } from './support/bench-event';

const adminUrl = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const appends = Number(process.env.BENCH_APPENDS ?? 2000);
const streamsPerWriter = Number(process.env.BENCH_STREAMS_PER_WRITER ?? 20);
const catchUpEvents = Number(process.env.BENCH_CATCHUP_EVENTS ?? 200_000);
const catchUpBatch = Number(process.env.BENCH_CATCHUP_BATCH ?? 2000);
// The machine is shared and noisy: each figure is the median of interleaved rounds.
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const POOL = 10;

/** `writers` concurrent loops share `total` appends; each writer appends to its own streams. Returns appends/s. */
async function load(
  writers: number,
  total: number,
  appendOne: (writer: number, stream: number, n: number) => Promise<void>,
): Promise<number> {
  const perWriter = Math.ceil(total / writers);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let n = 0; n < perWriter; n++) await appendOne(writer, n % streamsPerWriter, n);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return Math.round((perWriter * writers) / seconds);
}

async function ours(url: string, writers: number, tag: string): Promise<number> {
  const sql = new PgSqlClient(url, POOL);
  const store = await PostgresEventStore.create(sql);
  const revisions = new Map<string, number>();
  const appendOne = async (writer: number, stream: number, n: number): Promise<void> => {
    const name = `ours-${tag}-${writer}-${stream}`;
    const revision = revisions.get(name);
    const result = await store.append(name, [benchEvent(n)], revision === undefined ? 'NO_STREAM' : revision);
    revisions.set(name, result.nextExpectedRevision);
  };
  await load(writers, 200, (w, s, n) => appendOne(w, s + 1000, n)); // warm-up: pool, plans, cache
  const rate = await load(writers, appends, appendOne);
  await store.close();
  await sql.close();
  return rate;
}

async function raw(url: string, writers: number): Promise<number> {
  const pool = new Pool({ connectionString: url, max: POOL });
  await pool.query(`CREATE TABLE IF NOT EXISTS raw_events (
    position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text NOT NULL, type text NOT NULL,
    data jsonb NOT NULL, metadata jsonb NOT NULL)`);
  const appendOne = async (writer: number, stream: number, n: number): Promise<void> => {
    const e = benchEvent(n);
    await pool.query('INSERT INTO raw_events (stream_id, type, data, metadata) VALUES ($1, $2, $3, $4)', [
      `raw-${writer}-${stream}`,
      e.type,
      JSON.stringify(e.data),
      JSON.stringify(e.metadata),
    ]);
  };
  await load(writers, 200, appendOne);
  const rate = await load(writers, appends, appendOne);
  await pool.end();
  return rate;
}

async function emmett(url: string, writers: number, tag: string): Promise<number> {
  const pool = new Pool({ connectionString: url, max: POOL });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  await store.schema.migrate();
  const versions = new Map<string, bigint>();
  const appendOne = async (writer: number, stream: number, n: number): Promise<void> => {
    const name = `emmett-${tag}-${writer}-${stream}`;
    const e = benchEvent(n);
    const result = await store.appendToStream(name, [{ type: e.type, data: e.data, metadata: e.metadata }], {
      expectedStreamVersion: versions.get(name) ?? 0n,
    });
    versions.set(name, result.nextExpectedStreamVersion);
  };
  await load(writers, 200, (w, s, n) => appendOne(w, s + 1000, n));
  const rate = await load(writers, appends, appendOne);
  await store.close();
  await pool.end();
  return rate;
}

interface CatchUp {
  events: number;
  eventsPerSecond: number;
  /** The floor for comparison: ONE plain SELECT of the same rows and columns through pg, no paging, no ordering bound. */
  plainSelectRowsPerSecond: number;
  fillSeconds: number;
}

async function catchUp(url: string): Promise<CatchUp> {
  const sql = new PgSqlClient(url, POOL);
  const store = await PostgresEventStore.create(sql);
  const fillStarted = Date.now();
  // Filled server-side in 10k-row transactions so the bench stays short; rows have the shape and size of real events
  // (their hashes are placeholders: reading does not check them).
  const chunk = 10_000;
  for (let done = 0; done < catchUpEvents; done += chunk) {
    await sql.query(
      `INSERT INTO es_events (event_id, stream_id, revision, type, data, metadata)
       SELECT gen_random_uuid()::text, 'catchup-' || (g / 1000), g % 1000, 'CredentialRequestNoted',
              jsonb_build_object('requestId', gen_random_uuid(), 'n', g, 'note', $3::text),
              jsonb_build_object('actorId', 'user-bench', 'correlationId', gen_random_uuid(), 'causationId', null,
                'schemaVersion', 1, 'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'prevHash', repeat('0', 64), 'hash', encode(sha256(g::text::bytea), 'hex'))
       FROM generate_series($1::int, $2::int) AS g`,
      [done, Math.min(done + chunk, catchUpEvents) - 1, 'benchmark payload of a typical small event'],
    );
  }
  const fillSeconds = (Date.now() - fillStarted) / 1000;
  const started = process.hrtime.bigint();
  let position = START;
  let read = 0;
  for (;;) {
    const batch = await store.readAll(position, catchUpBatch);
    if (batch.length === 0) break;
    read += batch.length;
    position = batch[batch.length - 1].globalPosition;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const plainStarted = process.hrtime.bigint();
  const rows = await sql.query(
    `SELECT event_id, stream_id, revision, position::text, transaction_id::text, type, data, metadata
     FROM es_events ORDER BY position`,
  );
  const plainSeconds = Number(process.hrtime.bigint() - plainStarted) / 1e9;
  await store.close();
  await sql.close();
  return {
    events: read,
    eventsPerSecond: Math.round(read / seconds),
    plainSelectRowsPerSecond: Math.round(rows.length / plainSeconds),
    fillSeconds,
  };
}

async function admin(statement: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(statement);
  await client.end();
}

async function main(): Promise<void> {
  const name = `bench_es_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const started = Date.now();
  try {
    const samples: Record<string, number[]> = {};
    const systems: [string, (writers: number, tag: string) => Promise<number>][] = [
      ['ours', (w, tag) => ours(dbUrl, w, tag)],
      ['rawInsert', (w) => raw(dbUrl, w)],
      ['emmett', (w, tag) => emmett(dbUrl, w, tag)],
    ];
    for (let round = 0; round < rounds; round++) {
      for (const writers of [1, 8]) {
        // Rotate the order each round so no system always runs first (cold) or last.
        for (let i = 0; i < systems.length; i++) {
          const [system, run] = systems[(i + round) % systems.length];
          (samples[`${system}:${writers}`] ??= []).push(await run(writers, `r${round}w${writers}`));
        }
      }
    }
    const median = (key: string): number => {
      const sorted = [...samples[key]].sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)];
    };
    const figures = (system: string) => ({ writers1: median(`${system}:1`), writers8: median(`${system}:8`) });
    const result = {
      appendsPerRun: appends,
      rounds,
      streamsPerWriter,
      ours: figures('ours'),
      rawInsert: figures('rawInsert'),
      emmett: figures('emmett'),
      samples,
      catchUp: await catchUp(dbUrl),
      ratios: {} as Record<string, number>,
      targets: { oursOverRawAt8: 0.7, oursOverEmmettAt8: 1.0, catchUpEventsPerSecond: 50_000 },
      seconds: 0,
    };
    result.ratios = {
      oursOverRawAt8: Number((result.ours.writers8 / result.rawInsert.writers8).toFixed(2)),
      oursOverEmmettAt8: Number((result.ours.writers8 / result.emmett.writers8).toFixed(2)),
    };
    result.seconds = Math.round((Date.now() - started) / 1000);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
