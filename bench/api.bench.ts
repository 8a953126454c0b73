// API benchmark (bench/README.md "## API"). Boots the real application (ROLE=all) on a fresh PostgreSQL database
// and prints ONE JSON object (`npm run bench:api -- --split`: the roles as processes, api-split.ts). Counts via env:
// BENCH_MUTATIONS, BENCH_QUERIES, BENCH_CONCURRENCY, BENCH_LIST_SAMPLES, BENCH_SYNTHETIC_EVENTS, BENCH_ADMIN_URL (a
// database the bench can CREATE DATABASE from), REDIS_URL.
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import {
  AddOrganizationMemberCommand,
  AddTeamMemberCommand,
  ApplyForCredentialRequestsCommand,
  ChangeOrganizationPlanCommand,
  CreateOrganizationCommand,
  CreateTeamCommand,
  ReviewCredentialRequestsApplicationCommand,
  userIdForEmail,
  type CommandContext,
} from '@libs/application';
import { signToken } from '@libs/auth';
import { loadConfig, createLogger } from '@libs/config';
import { streams } from '@libs/domain';
import {
  EVENT_STORE,
  type EventStore,
  type NewEvent,
  PgSqlClient,
  PostgresEventStore,
  type SqlClient,
} from '@libs/event-store';
import { SQL_CLIENT } from '@libs/infrastructure';
import { allProjectors, rebuildProjection } from '@projections';
import { bootstrap } from '../apps/bootstrap';
import { holdForeignTransaction } from './support/foreign-transaction';
import { adminUrl, benchOperations, concurrency, mutations, post, queries } from './support/graphql-client';
import { measure } from './support/measure';
import { runSplit } from './api-split';
import { seedRequests } from './support/seed-requests';

const listSamples = Number(process.env.BENCH_LIST_SAMPLES ?? 300);
const syntheticEvents = Number(process.env.BENCH_SYNTHETIC_EVENTS ?? 100_000);
const SECRET = randomBytes(24).toString('hex');

async function main(): Promise<void> {
  const dbName = `bench_api_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  // The notification worker writes an .eml per e-mail here (thousands per run): removed at the end.
  const dataDir = mkdtempSync(join(tmpdir(), 'cr-bench-'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: SECRET,
    ROLE: 'all',
    PORT: '0',
    LOG_LEVEL: 'error',
  });
  const app = await bootstrap(config, createLogger('error'));
  let closed = false;
  try {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    const bus = app.get(CommandBus);
    const sql = app.get<SqlClient>(SQL_CLIENT, { strict: false });
    const store = app.get<EventStore>(EVENT_STORE, { strict: false });
    const ctx = (userId: string, isSupport = false): CommandContext => ({
      actor: { userId, isSupport },
      correlationId: randomUUID(),
      causationId: null,
    });
    const tokenOf = (email: string, support = false) =>
      signToken(SECRET, { sub: `sub-${email}`, email, name: email.split('@')[0], support });

    // Directory: an ENTERPRISE organization, a team, a requester with the feature and a recipient.
    const emails = {
      support: 'support@platform.example',
      owner: 'owner@bench-corp.example',
      requester: 'req@bench-corp.example',
      recipient: 'rec@bench-corp.example',
    };
    const tokens: Record<string, string> = {};
    for (const [key, email] of Object.entries(emails)) {
      tokens[key] = await tokenOf(email, key === 'support');
      await post(url, tokens[key], '{ receivedCredentialRequests(first: 0) { totalCount } }');
    }
    const id = (key: keyof typeof emails) => userIdForEmail(emails[key]);
    const { organizationId } = await bus.execute(new CreateOrganizationCommand({ name: 'Bench' }, ctx(id('owner'))));
    await bus.execute(
      new ChangeOrganizationPlanCommand({ organizationId, plan: 'ENTERPRISE' }, ctx(id('support'), true)),
    );
    const { teamId } = await bus.execute(
      new CreateTeamCommand({ organizationId, name: 'Bench team' }, ctx(id('owner'))),
    );
    for (const key of ['requester', 'recipient'] as const) {
      await bus.execute(
        new AddOrganizationMemberCommand(
          { organizationId, email: emails[key], name: key, role: 'MEMBER' },
          ctx(id('owner')),
        ),
      );
      await bus.execute(new AddTeamMemberCommand({ teamId, userId: id(key), role: 'MEMBER' }, ctx(id('owner'))));
    }
    await bus.execute(new ApplyForCredentialRequestsCommand(ctx(id('requester'))));
    await bus.execute(
      new ReviewCredentialRequestsApplicationCommand(
        { userId: id('requester'), approve: true },
        ctx(id('support'), true),
      ),
    );

    const { createOne, trivial } = benchOperations(url, tokens.requester, teamId, id('recipient'));

    // Warm-up (connections, plans, JIT), then interleaved rounds would be nicer; one pass each keeps it short.
    await measure(100, concurrency, trivial);
    await measure(50, concurrency, (n) => createOne(-n - 1));
    const trivialQuery = await measure(queries, concurrency, trivial);
    const createMutation = await measure(mutations, concurrency, createOne);
    // The same mutations while a transaction in ANOTHER database of the server stays open (issue 13 A3): projections
    // must not wait for it, so the mutation's latency (it waits for its read model) must not either.
    const createMutationForeignTxHeld = await holdForeignTransaction(adminUrl, () =>
      measure(mutations, concurrency, (n) => createOne(-n - 1000)),
    );
    const heldRatio = Math.round((createMutationForeignTxHeld.p99Ms / createMutation.p99Ms) * 100) / 100;
    if (process.env.BENCH_MUTATIONS_ONLY === '1') {
      const quick = {
        concurrency,
        createMutation,
        createMutationForeignTxHeld,
        mutationP99HeldVsUndisturbed: heldRatio,
      };
      return void process.stdout.write(`${JSON.stringify(quick, null, 2)}\n`);
    }

    // Sent list, first page, as the requester: the team holds 10k requests in both cases; the read model 10k, then 1M.
    const list = `query($team: ID!) { sentCredentialRequests(teamId: $team, first: 20) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id name status sentAt requester { name } recipient { name } apps { appKey status } } } } }`;
    const listOnce = () => post(url, tokens.requester, list, { team: teamId }).then(() => undefined);
    const seedBase = { organizationId, requesterIds: [id('requester')], recipientIds: [id('recipient')] };
    const teamRows = 10_000 - 2 * mutations - 50;
    await seedRequests(sql, teamRows, { ...seedBase, teamIds: [teamId], idPrefix: 'bench-team-' });
    await sql.query('ANALYZE read.requests');
    await measure(50, 1, listOnce);
    const list10k = await measure(listSamples, 1, listOnce);
    const otherTeams = Array.from({ length: 99 }, (_, i) => `bench-other-team-${i}`);
    await seedRequests(sql, 990_000, { ...seedBase, teamIds: otherTeams, idPrefix: 'bench-other-' });
    await sql.query('ANALYZE read.requests');
    await sql.query('ANALYZE read.request_apps');
    await measure(50, 1, listOnce);
    const list1m = await measure(listSamples, 1, listOnce);
    const [{ n: readModelRows }] = await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM read.requests');

    // Synthetic load for the rebuild: requests with many authorize/revoke rounds (each event a real domain event).
    const perStream = 2000;
    const streamsNeeded = Math.ceil(syntheticEvents / perStream);
    const [template] = await store.readStream(
      streams.credentialRequest(
        (await sql.query<{ id: string }>("SELECT id FROM read.requests WHERE id NOT LIKE 'bench-%' LIMIT 1"))[0].id,
      ),
    );
    // The rebuild is timed as `npm run projections:rebuild` runs it: its own process and pool, the application
    // stopped. In this process the notification worker would otherwise be mailing ~50,000 "app authorized" messages
    // for the synthetic load below, in the same event loop as the rebuild.
    await app.close();
    closed = true;
    const rebuildSql = new PgSqlClient(dbUrl.toString(), 4);
    const rebuildStore = await PostgresEventStore.create(rebuildSql);
    for (let s = 0; s < streamsNeeded; s++) {
      const requestId = randomUUID();
      const connectionId = randomUUID();
      const meta = { actorId: id('recipient'), correlationId: randomUUID(), causationId: null, schemaVersion: 1 };
      const events: NewEvent[] = [
        {
          id: randomUUID(),
          type: 'RequestCreated',
          data: { ...template.data, requestId, idempotencyKey: null },
          metadata: { ...meta, actorId: id('requester'), schemaVersion: template.metadata.schemaVersion },
        },
      ];
      for (let i = 1; i < perStream; i++) {
        events.push(
          i % 2 === 1
            ? {
                id: randomUUID(),
                type: 'AppAuthorized',
                data: { appKey: 'openai', connectionId, accessUntil: null, expiresAt: null },
                metadata: meta,
              }
            : {
                id: randomUUID(),
                type: 'AccessRevoked',
                data: { appKey: 'openai', connectionId, cause: 'RECIPIENT' },
                metadata: meta,
              },
        );
      }
      await rebuildStore.append(streams.credentialRequest(requestId), events, 'NO_STREAM');
    }
    const rebuilds: Record<string, { events: number; seconds: number; eventsPerSecond: number }> = {};
    for (const projector of allProjectors) {
      const result = await rebuildProjection({ sql: rebuildSql, store: rebuildStore, projector });
      rebuilds[projector.name] = {
        events: result.events,
        seconds: Math.round(result.seconds * 100) / 100,
        eventsPerSecond: Math.round(result.events / result.seconds),
      };
    }
    await rebuildStore.close();
    await rebuildSql.close();
    const slowest = Math.min(...Object.values(rebuilds).map((r) => r.eventsPerSecond));

    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const results = {
      concurrency,
      trivialQuery: { query: '{ health }', ...trivialQuery },
      createCredentialRequest: createMutation,
      createCredentialRequestForeignTxHeld: createMutationForeignTxHeld,
      sentCredentialRequestsFirstPage: {
        at10k: list10k,
        at1m: list1m,
        readModelRows: Number(readModelRows),
        teamRows: teamRows + 2 * mutations + 50,
      },
      rebuild: rebuilds,
      ratios: {
        mutationVsTrivialThroughput: ratio(createMutation.perSecond, trivialQuery.perSecond),
        mutationP99HeldVsUndisturbed: heldRatio,
        listP99_1mVs10k: ratio(list1m.p99Ms, list10k.p99Ms),
        slowestRebuildEventsPerSecond: slowest,
      },
      targets: {
        mutationVsTrivialThroughput: '>= 0.35',
        mutationP99HeldVsUndisturbed: '<= 1.5',
        listP99_1mVs10k: '<= 1.5',
        rebuildEventsPerSecond: '>= 50000',
      },
    };
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } finally {
    if (!closed) await app.close();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

(process.argv.includes('--split') ? runSplit() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
