// `npm run bench:api -- --split` (bench/README.md "## API, split roles"): the gateway, the projector and the worker as
// three processes (`node dist/apps/main.js` with ROLE=…), this process only the client. Measures `{ health }` and
// createCredentialRequest (read-your-writes across processes, R7.6) in the same run and prints ONE JSON object.
// Knobs: BENCH_MUTATIONS (800), BENCH_QUERIES (4000), BENCH_CONCURRENCY (8), BENCH_ROUNDS (4), BENCH_CLIENT
// (fetch | http), BENCH_APP_MAIN (another build's main.js, for A/B), BENCH_ADMIN_URL, REDIS_URL;
// BENCH_CPU_PROF=dir writes a V8 CPU profile of each role process into dir/<role>; BENCH_LOG_STATEMENTS=1 sets
// `log_statement = all` on the bench's database (PostgreSQL's log then holds every statement, `%d` names the database,
// `%a` the role: each role connects as application_name = its role); BENCH_LOG_LEVEL (default error) for the roles.
// A run that fails keeps its database (named on stderr) for a look at the read models and checkpoints.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../scripts/support/free-port';
import { signToken } from '@libs/auth';
import {
  adminUrl,
  benchClient,
  benchOperations,
  concurrency,
  mutations,
  post,
  queries,
} from './support/graphql-client';
import { measure, measureRaw, summarize, type Raw } from './support/measure';
import { perOperation, sampleCpu, type CpuSample } from './support/process-cpu';

const SECRET = randomBytes(24).toString('hex');

/** Directory through the public API: an ENTERPRISE org, a team, a requester with the feature and a recipient. */
async function seed(url: string) {
  const token = (key: string, support = false) =>
    signToken(SECRET, { sub: `sub-${key}`, email: `${key}@bench-corp.example`, name: key, support });
  const t = {
    support: await token('support', true),
    owner: await token('owner'),
    requester: await token('requester'),
    recipient: await token('recipient'),
  };
  const ids: Record<string, string> = {};
  for (const [key, tok] of Object.entries(t)) ids[key] = String((await post(url, tok, '{ me { id } }')).me.id);
  const org = String(
    (await post(url, t.owner, 'mutation { createOrganization(input: {name: "Bench"}) { id } }')).createOrganization.id,
  );
  await post(url, t.support, `mutation { changeOrganizationPlan(organizationId: "${org}", plan: ENTERPRISE) { id } }`);
  const team = String(
    (await post(url, t.owner, `mutation { createTeam(organizationId: "${org}", name: "Bench team") { id } }`))
      .createTeam.id,
  );
  for (const key of ['requester', 'recipient']) {
    await post(
      url,
      t.owner,
      `mutation { addOrganizationMember(organizationId: "${org}", email: "${key}@bench-corp.example", name: "${key}", role: MEMBER) { id } }`,
    );
    await post(
      url,
      t.owner,
      `mutation { addTeamMember(teamId: "${team}", userId: "${ids[key]}", role: MEMBER) { id } }`,
    );
  }
  await post(url, t.requester, 'mutation { applyForCredentialRequests { id } }');
  await post(
    url,
    t.support,
    `mutation { reviewCredentialRequestsApplication(userId: "${ids.requester}", approve: true) { id } }`,
  );
  return { token: t.requester, team, recipient: ids.recipient };
}

/** This process's (the HTTP client's) CPU, ms: it shares the two cores with the roles. */
const cpuOf = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const perCall = (ms: number, calls: number) => Math.round((ms / calls) * 100) / 100;
/** BENCH_APP_MAIN: another build's `dist/apps/main.js` for the roles (A/B against an older commit, same client). */
const appMain = process.env.BENCH_APP_MAIN ?? join(__dirname, '..', 'apps', 'main.js');
/** BENCH_ROUNDS (default 4): the two measures alternate in this many slices. */
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 4));

export async function runSplit(): Promise<void> {
  const dbName = `bench_split_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  if (process.env.BENCH_LOG_STATEMENTS === '1')
    await admin.query(`ALTER DATABASE "${dbName}" SET log_statement = 'all'`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'cr-bench-split-'));
  // Each role its own port, below the kernel's ephemeral range (no role's own connections can hold it first).
  const ports = [await freePort(), await freePort(), await freePort()];
  const url = `http://127.0.0.1:${ports[0]}`;
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: SECRET,
    BULL_PREFIX: `bench-split-${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
  };
  const profileDir = process.env.BENCH_CPU_PROF;
  const roles = ['gateway', 'projector', 'worker'];
  const children: ChildProcess[] = roles.map((role, i) =>
    spawn(
      process.execPath,
      [
        ...(profileDir
          ? [
              '--cpu-prof',
              `--cpu-prof-dir=${join(profileDir, role)}`,
              '-r',
              join(__dirname, 'support', 'exit-on-sigterm.js'),
            ]
          : []),
        appMain,
      ],
      {
        env: { ...env, ROLE: role, PGAPPNAME: role, PORT: String(ports[i]) },
        // The roles log to stdout: onto this process's stderr, so that its stdout stays the one JSON object.
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    ),
  );
  for (const child of children) child.stdout?.pipe(process.stderr);
  // A role that dies fails the run at once, instead of leaving the client waiting on it forever (an exit during
  // the shutdown below settles the race no longer watched).
  const died = new Promise<never>((_, reject) =>
    children.forEach((child, i) =>
      child.once('exit', (code, signal) =>
        reject(new Error(`the ${roles[i]} process exited (${signal ?? code}) during the run`)),
      ),
    ),
  );
  died.catch(() => undefined);
  const pids = Object.fromEntries(roles.map((role, i) => [role, children[i].pid]));
  let failed = false;
  try {
    await Promise.race([died, measureSplit({ url, admin, dbName, pids, profileDir })]);
  } catch (error) {
    failed = true;
    process.stderr.write(`bench: failed; database ${dbName} kept for a look (drop it when done)\n`);
    throw error;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (c) => new Promise((r) => (c.exitCode === null && c.signalCode === null ? c.once('exit', r) : r(null))),
      ),
    );
    if (!failed) await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface SplitRun {
  url: string;
  admin: Client;
  dbName: string;
  pids: Record<string, number | undefined>;
  profileDir: string | undefined;
}

/** Seeds the directory, then alternates the two measures and prints the one JSON object. */
async function measureSplit({ url, admin, dbName, pids, profileDir }: SplitRun): Promise<void> {
  const settle = () => new Promise((r) => setTimeout(r, 1500));
  for (let ready = false; !ready; await new Promise((r) => setTimeout(r, 250))) {
    ready = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
  }
  const { token, team, recipient } = await seed(url);
  const { createOne, trivial } = benchOperations(url, token, team, recipient);
  await measure(100, concurrency, trivial);
  await measure(50, concurrency, (n) => createOne(-n - 1));
  // Alternating rounds: each measure sees the machine as the other does (a quiet machine still drifts by a third
  // between two phases a minute apart, bench/README.md); the worker's backlog settles before each next round.
  const queryRuns: Raw[] = [];
  const mutationRuns: Raw[] = [];
  const clientCpu = { queries: 0, mutations: 0 };
  let cost: CpuSample[] = [];
  // The profiles' clock (CLOCK_MONOTONIC, µs): which of their samples belong to the mutation slices.
  const profileWindowUs: string[] = [];
  for (let r = 0; r < rounds; r++) {
    const share = (n: number) => Math.floor(n / rounds) + (r < n % rounds ? 1 : 0);
    const atQueries = process.cpuUsage();
    queryRuns.push(await measureRaw(share(queries), concurrency, trivial));
    clientCpu.queries += cpuOf(process.cpuUsage(atQueries));
    await settle();
    const before = await sampleCpu(admin, dbName, pids);
    const atMutations = process.cpuUsage();
    profileWindowUs.push(String(process.hrtime.bigint() / 1000n));
    mutationRuns.push(await measureRaw(share(mutations), concurrency, createOne, mutationRuns.length * mutations));
    profileWindowUs.push(String(process.hrtime.bigint() / 1000n));
    clientCpu.mutations += cpuOf(process.cpuUsage(atMutations));
    await settle();
    cost = [...cost, before, await sampleCpu(admin, dbName, pids, before.backends)];
  }
  const trivialQuery = summarize(queryRuns);
  const createMutation = summarize(mutationRuns);
  const mutationCost = perOperation(cost, mutations);
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const results = {
    mode: 'split: gateway, projector, worker and this client as four processes',
    concurrency,
    rounds,
    client: benchClient,
    trivialQuery: { query: '{ health }', ...trivialQuery, clientCpuMs: perCall(clientCpu.queries, queries) },
    createCredentialRequest: {
      ...createMutation,
      ...mutationCost,
      clientCpuMs: perCall(clientCpu.mutations, mutations),
    },
    ratios: {
      mutationVsTrivialThroughput: ratio(createMutation.perSecond, trivialQuery.perSecond),
      mutationVsTrivialP99: ratio(createMutation.p99Ms, trivialQuery.p99Ms),
    },
    targets: { mutationVsTrivialThroughput: '>= 0.17', mutationVsTrivialP99: '<= 8' },
    ...(profileDir ? { profiles: profileDir, mutationPhaseUs: profileWindowUs } : {}),
  };
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
