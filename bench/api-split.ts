// `npm run bench:api -- --split` (bench/README.md "## API, split roles"): the gateway, the projector and the worker as
// three processes (`node dist/apps/main.js` with ROLE=…), this process only the client. Measures `{ health }` and
// createCredentialRequest (read-your-writes across processes, R7.6) in the same run and prints ONE JSON object.
// Knobs: BENCH_MUTATIONS (800), BENCH_QUERIES (4000), BENCH_CONCURRENCY (8), BENCH_ADMIN_URL, REDIS_URL;
// BENCH_CPU_PROF=dir writes a V8 CPU profile of each role process into dir/<role>; BENCH_LOG_STATEMENTS=1 sets
// `log_statement = all` on the bench's database (PostgreSQL's log then holds every statement, `%d` names the database).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { signToken } from '@libs/auth';
import { adminUrl, concurrency, mutations, post, queries } from './support/graphql-client';
import { measure } from './support/measure';
import { perOperation, sampleCpu } from './support/process-cpu';

const SECRET = randomBytes(24).toString('hex');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

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
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: SECRET,
    BULL_PREFIX: `bench-split-${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'error',
  };
  const profileDir = process.env.BENCH_CPU_PROF;
  const roles = ['gateway', 'projector', 'worker'];
  const children: ChildProcess[] = roles.map((role) =>
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
        join(__dirname, '..', 'apps', 'main.js'),
      ],
      {
        env: { ...env, ROLE: role, PORT: role === 'gateway' ? String(port) : '0' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    ),
  );
  const pids = Object.fromEntries(roles.map((role, i) => [role, children[i].pid]));
  const settle = () => new Promise((r) => setTimeout(r, 1500));
  try {
    for (let ready = false; !ready; await new Promise((r) => setTimeout(r, 250))) {
      ready = await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
    }
    const { token, team, recipient } = await seed(url);
    const create = `mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id status } }`;
    const createOne = (n: number) =>
      post(url, token, create, {
        input: {
          teamId: team,
          name: `Bench request ${n}`,
          recipient: { userId: recipient },
          apps: [{ appKey: 'openai', allModules: true }],
          termsAccepted: true,
        },
      }).then(() => undefined);
    const trivial = () => post(url, null, '{ health }').then(() => undefined);
    await measure(100, concurrency, trivial);
    await measure(50, concurrency, (n) => createOne(-n - 1));
    const trivialQuery = await measure(queries, concurrency, trivial);
    await settle();
    const before = await sampleCpu(admin, dbName, pids);
    // The profiles' clock (CLOCK_MONOTONIC, µs): which of their samples belong to the mutation phase.
    const profileWindowUs = [process.hrtime.bigint() / 1000n];
    const createMutation = await measure(mutations, concurrency, createOne);
    profileWindowUs.push(process.hrtime.bigint() / 1000n);
    await settle();
    const mutationCost = perOperation(before, await sampleCpu(admin, dbName, pids, before.backends), mutations);
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const results = {
      mode: 'split: gateway, projector, worker and this client as four processes',
      concurrency,
      trivialQuery: { query: '{ health }', ...trivialQuery },
      createCredentialRequest: { ...createMutation, ...mutationCost },
      ratios: {
        mutationVsTrivialThroughput: ratio(createMutation.perSecond, trivialQuery.perSecond),
        mutationVsTrivialP99: ratio(createMutation.p99Ms, trivialQuery.p99Ms),
      },
      targets: { mutationVsTrivialThroughput: '>= 0.17', mutationVsTrivialP99: '<= 8' },
      ...(profileDir ? { profiles: profileDir, mutationPhaseUs: profileWindowUs.map(String) } : {}),
    };
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode === null ? c.once('exit', r) : r(null)))));
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
