// Before/after for the event store on a busy machine (bench/README.md "Event store"): the PostgresEventStore of
// another build (a `dist` directory, e.g. of an older commit's worktree) against this build's, each on its own fresh
// database, in alternating rounds in ONE process, so both see the same load. Prints ONE JSON object.
// Usage: node dist/bench/event-store-ab.js <other-dist-dir>   Knobs: BENCH_APPENDS (2000 per round),
// BENCH_ROUNDS (5), BENCH_WRITERS (8), BENCH_STREAMS_PER_WRITER (20), BENCH_ADMIN_URL.
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import * as current from '@libs/event-store';
import { benchEvent } from './support/bench-event';

type StoreModule = Pick<typeof current, 'PgSqlClient' | 'PostgresEventStore' | 'START'>;

const adminUrl = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const appends = Number(process.env.BENCH_APPENDS ?? 2000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const writers = Number(process.env.BENCH_WRITERS ?? 8);
const streamsPerWriter = Number(process.env.BENCH_STREAMS_PER_WRITER ?? 20);

async function database(name: string, drop = false): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  if (!drop) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One round: `appends` appends by `writers` concurrent writers, then a full `readAll` in batches of 2000. */
async function round(mod: StoreModule, url: string, tag: string): Promise<{ appends: number; catchUp: number }> {
  const sql = new mod.PgSqlClient(url, 10);
  const store = await mod.PostgresEventStore.create(sql);
  const revisions = new Map<string, number>();
  const perWriter = Math.ceil(appends / writers);
  let started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let n = 0; n < perWriter; n++) {
        const name = `s-${tag}-${w}-${n % streamsPerWriter}`;
        const revision = revisions.get(name);
        const result = await store.append(name, [benchEvent(n)], revision === undefined ? 'NO_STREAM' : revision);
        revisions.set(name, result.nextExpectedRevision);
      }
    }),
  );
  const appendRate = (perWriter * writers) / (Number(process.hrtime.bigint() - started) / 1e9);
  started = process.hrtime.bigint();
  let position = mod.START;
  let read = 0;
  for (;;) {
    const batch = await store.readAll(position, 2000);
    if (batch.length === 0) break;
    read += batch.length;
    position = batch[batch.length - 1].globalPosition;
  }
  const catchUpRate = read / (Number(process.hrtime.bigint() - started) / 1e9);
  await store.close();
  await sql.close();
  return { appends: Math.round(appendRate), catchUp: Math.round(catchUpRate) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const otherDist = process.argv[2];
  if (!otherDist) throw new Error('usage: node dist/bench/event-store-ab.js <other-dist-dir>');
  const other = require(join(resolve(otherDist), 'libs/event-store/src')) as StoreModule;
  const suffix = Date.now().toString(36);
  const urls = { other: await database(`bench_ab_other_${suffix}`), current: await database(`bench_ab_cur_${suffix}`) };
  const samples: Record<'other' | 'current', { appends: number[]; catchUp: number[] }> = {
    other: { appends: [], catchUp: [] },
    current: { appends: [], catchUp: [] },
  };
  try {
    for (let r = 0; r < rounds; r++) {
      // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
      const order = r % 2 === 0 ? (['other', 'current'] as const) : (['current', 'other'] as const);
      for (const side of order) {
        const result = await round(side === 'other' ? other : current, urls[side], `r${r}`);
        samples[side].appends.push(result.appends);
        samples[side].catchUp.push(result.catchUp);
      }
    }
  } finally {
    await database(`bench_ab_other_${suffix}`, true);
    await database(`bench_ab_cur_${suffix}`, true);
  }
  const summary = (side: 'other' | 'current') => ({
    appendsPerSecond: median(samples[side].appends),
    catchUpEventsPerSecond: median(samples[side].catchUp),
  });
  console.log(
    JSON.stringify(
      {
        otherDist: resolve(otherDist),
        writers,
        appendsPerRound: appends,
        rounds,
        other: summary('other'),
        current: summary('current'),
        ratios: {
          appendsCurrentOverOther: +(summary('current').appendsPerSecond / summary('other').appendsPerSecond).toFixed(
            2,
          ),
          catchUpCurrentOverOther: +(
            summary('current').catchUpEventsPerSecond / summary('other').catchUpEventsPerSecond
          ).toFixed(2),
        },
        samples,
      },
      null,
      2,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
