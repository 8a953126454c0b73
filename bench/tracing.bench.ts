// Tracing overhead with exporting OFF (issue 12 item 6; bench/README.md "Tracing"): what the no-op tracer costs
// each mutation. Prints ONE JSON object. Two measures, each against a baseline in the same run, interleaved rounds:
// - micro: the tracing calls one mutation makes (HTTP span, GraphQL plugin hook, command span, trace carrier) around
//   an empty async body, vs the empty body alone — the added time per mutation, in nanoseconds;
// - commands: real commands (StreamRunner load → decide → append on PostgreSQL, fresh database) with and without
//   that shell — the cheapest real command, so the ratio is an upper bound for a full mutation.
// Env: BENCH_ADMIN_URL, BENCH_ROUNDS (5), BENCH_COMMANDS (300 per round and side), BENCH_MICRO (100000).
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { Client } from 'pg';
import { StreamRunner } from '@libs/application';
import { currentRequestId, runInRequest } from '@libs/config';
import { PgSqlClient, PostgresEventStore } from '@libs/event-store';
import { CORRELATION_ID, graphqlTracingPlugin, inHttpSpan, inSpan, tracingStarted } from '@libs/infrastructure';

const adminUrl = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const commands = Number(process.env.BENCH_COMMANDS ?? 300);
const micro = Number(process.env.BENCH_MICRO ?? 100_000);

const plugin = graphqlTracingPlugin();
const req = new IncomingMessage(new Socket());
req.method = 'POST';
req.url = '/graphql';
const res = new ServerResponse(req);

/** The tracing calls of one mutation, as the gateway makes them, around `body`. */
function traced<T>(body: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    runInRequest('bench-request-id', () =>
      inHttpSpan(req, res, 'bench-request-id', () => {
        void (async () => {
          await plugin.requestDidStart?.({} as never);
          return inSpan('command Bench', { attributes: { [CORRELATION_ID]: currentRequestId() ?? '' } }, () => body());
        })().then(resolve, reject);
      }),
    );
  });
}

/** The same request scope without tracing. */
function plain<T>(body: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    runInRequest('bench-request-id', () => {
      void (async () => body())().then(resolve, reject);
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeNs(n: number, wrap: typeof plain): Promise<number> {
  const empty = async () => undefined;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await wrap(empty);
  return Number(process.hrtime.bigint() - start) / n;
}

async function admin(statement: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(statement);
  await client.end();
}

async function main(): Promise<void> {
  if (tracingStarted() || process.env.OTEL_EXPORTER_OTLP_ENDPOINT) throw new Error('run with exporting off');
  await timeNs(micro / 10, traced); // warm-up
  await timeNs(micro / 10, plain);
  const microSamples = { traced: [] as number[], plain: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    microSamples.plain.push(await timeNs(micro, plain));
    microSamples.traced.push(await timeNs(micro, traced));
  }

  const name = `bench_tracing_${Date.now()}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const sql = new PgSqlClient(url.toString(), 4);
  const store = await PostgresEventStore.create(sql);
  const runner = new StreamRunner(store);
  let n = 0;
  const command = () =>
    runner.run({
      stream: `bench-${n++}`,
      fold: (events) => events.length,
      decide: () => [{ type: 'BenchHappened', data: { n } }],
      context: { actor: { userId: 'bench', isSupport: false }, correlationId: 'bench-request-id', causationId: null },
    });
  const perSecond = async (wrap: typeof plain) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < commands; i++) await wrap(command);
    return commands / (Number(process.hrtime.bigint() - start) / 1e9);
  };
  await perSecond(plain); // warm-up
  const commandSamples = { traced: [] as number[], plain: [] as number[] };
  try {
    for (let r = 0; r < rounds; r++) {
      // The order alternates so that neither side always runs on a warmer (or busier) machine.
      const order = r % 2 === 0 ? (['plain', 'traced'] as const) : (['traced', 'plain'] as const);
      for (const side of order) commandSamples[side].push(await perSecond(side === 'plain' ? plain : traced));
    }
  } finally {
    await sql.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const addedNs = median(microSamples.traced) - median(microSamples.plain);
  const tracedRate = median(commandSamples.traced);
  const plainRate = median(commandSamples.plain);
  console.log(
    JSON.stringify(
      {
        exporting: 'off',
        micro: {
          iterations: micro,
          plainNsPerMutation: Math.round(median(microSamples.plain)),
          tracedNsPerMutation: Math.round(median(microSamples.traced)),
          addedNsPerMutation: Math.round(addedNs),
          samples: microSamples,
        },
        commands: {
          perRound: commands,
          plainPerSecond: Math.round(plainRate),
          tracedPerSecond: Math.round(tracedRate),
          overhead: Number((1 - tracedRate / plainRate).toFixed(4)),
          addedShareOfOneCommand: Number((addedNs / (1e9 / plainRate)).toFixed(5)),
          samples: commandSamples,
        },
        loadAverage: (await import('node:os')).loadavg(),
      },
      null,
      2,
    ),
  );
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
