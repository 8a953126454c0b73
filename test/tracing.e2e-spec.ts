import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { seedDirectory, type SeededDirectory } from './support/api';
import { eventually, PUBLIC_URL } from './support/connections-harness';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './support/otlp-receiver';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl, uniquePrefix } from './support/redis';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink';
import { freePort } from './support/free-port';

// Issue 12 item 6: with OTEL_EXPORTER_OTLP_ENDPOINT set, one createCredentialRequest yields spans in three processes
// (gateway: the GraphQL operation, the command, the append; projector: a projection batch; worker: the mail job)
// that share its trace and its correlation id (the request id). Unset, nothing is exported and events carry no
// trace context.

const root = join(__dirname, '..');
const SECRET = randomBytes(32).toString('hex');
const CATALOG = {
  apps: [
    {
      key: 'keyed',
      name: 'Keyed',
      versions: [{ version: 1, connection: { type: 'API_KEY' }, modules: [{ key: 'read', name: 'Read', scopes: [] }] }],
    },
  ],
};

interface Topology {
  gateway: string;
  db: TestDatabase;
  dir: SeededDirectory;
  output: Record<string, string>;
  stop(): Promise<void>;
}

async function startTopology(name: string, roles: string[], extraEnv: Record<string, string>, smtp: SmtpSink) {
  const db = await createTestDatabase(name);
  const catalog = join(mkdtempSync(join(tmpdir(), 'cr-tracing-')), 'apps.json');
  writeFileSync(catalog, JSON.stringify(CATALOG));
  const port = await freePort();
  const gateway = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    BULL_PREFIX: uniquePrefix(name),
    AUTH_JWT_SECRET: SECRET,
    PUBLIC_URL,
    APPS_CATALOG: catalog,
    SMTP_URL: smtp.url,
    CREDENTIALS_MASTER_KEY: `k1:${randomBytes(32).toString('base64')}`,
    RUNTIME_TOKEN: randomBytes(24).toString('hex'),
    INVITATION_SECRET: randomBytes(24).toString('hex'),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'cr-tracing-data-')),
    LOG_LEVEL: 'info',
    ...extraEnv,
  };
  delete env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (extraEnv.OTEL_EXPORTER_OTLP_ENDPOINT) env.OTEL_EXPORTER_OTLP_ENDPOINT = extraEnv.OTEL_EXPORTER_OTLP_ENDPOINT;
  const children: ChildProcess[] = [];
  const output: Record<string, string> = {};
  for (const role of roles) {
    const child = spawn(process.execPath, ['dist/apps/main.js'], {
      cwd: root,
      env: { ...env, ROLE: role, PORT: role === 'gateway' || role === 'all' ? String(port) : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    output[role] = '';
    child.stdout?.on('data', (d: Buffer) => (output[role] += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output[role] += d.toString()));
    children.push(child);
  }
  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode === null ? c.once('exit', r) : r(null)))));
    await db.drop();
  };
  try {
    await eventually(
      () =>
        fetch(`${gateway}/health/ready`).then(
          (r) => (r.ok ? true : undefined),
          () => undefined,
        ),
      60_000,
    );
    const dir = await seedDirectory(gateway, SECRET, { enableFeature: true });
    return { gateway, db, dir, output, stop } satisfies Topology;
  } catch (error) {
    await stop();
    throw new Error(`${String(error)}\n${JSON.stringify(output).slice(0, 4000)}`);
  }
}

/** createCredentialRequest for the member, with a request id of our choosing (the command's correlation id). */
async function createRequest(t: Topology, requestId: string): Promise<string> {
  const res = await fetch(`${t.gateway}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${t.dir.owner.token}`,
      'x-request-id': requestId,
    },
    body: JSON.stringify({
      query: 'mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id } }',
      variables: {
        input: {
          teamId: t.dir.teamId,
          name: 'Traced',
          recipient: { userId: t.dir.member.id },
          apps: [{ appKey: 'keyed', allModules: true }],
          termsAccepted: true,
        },
      },
    }),
  });
  const body = (await res.json()) as { data?: { createCredentialRequest: { id: string } }; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.createCredentialRequest.id;
}

async function requestEvents(db: TestDatabase, id: string) {
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    const { rows } = await c.query<{ metadata: { correlationId: string; traceparent?: string } }>(
      'SELECT metadata FROM es_events WHERE stream_id = $1 ORDER BY revision',
      [`credential-request-${id}`],
    );
    return rows.map((r) => r.metadata);
  } finally {
    await c.end();
  }
}

describe('tracing (issue 12 item 6)', () => {
  let otlp: OtlpReceiver;
  let smtp: SmtpSink;

  beforeAll(async () => {
    otlp = await startOtlpReceiver();
    smtp = await startSmtpSink();
    await promisify(execFile)(process.execPath, ['scripts/build.mjs'], { cwd: root });
  }, 120_000);

  afterAll(async () => {
    await otlp?.stop();
    await smtp?.stop();
  });

  it('exports linked spans from gateway, projector and worker when OTEL_EXPORTER_OTLP_ENDPOINT is set', async () => {
    const t = await startTopology(
      'tracing_on',
      ['gateway', 'projector', 'worker'],
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
        OTEL_SERVICE_NAME: 'cr-under-test',
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
      smtp,
    );
    try {
      const correlationId = `trace-${randomUUID()}`;
      const id = await createRequest(t, correlationId);
      const byName = (s: ReceivedSpan, prefix: string) => s.name.startsWith(prefix);
      const found = await eventually(async () => {
        const op = otlp.spans.find(
          (s) =>
            s.name === 'graphql mutation createCredentialRequest' &&
            s.attributes['app.correlation_id'] === correlationId,
        );
        if (!op) return undefined;
        const inTrace = otlp.spans.filter((s) => s.traceId === op.traceId);
        const command = inTrace.find((s) => byName(s, 'command '));
        const append = inTrace.find(
          (s) => s.name === 'event-store append' && s.attributes['app.stream'] === `credential-request-${id}`,
        );
        const mail = inTrace.find((s) => s.name === 'job mail');
        const batch = otlp.spans.find(
          (s) => byName(s, 'projection batch') && s.links.some((l) => l.traceId === op.traceId),
        );
        return command && append && mail && batch ? { op, command, append, mail, batch } : undefined;
      }, 30_000);
      const { op, command, append, mail, batch } = found;
      // One chain: operation → command → append in the gateway; the mail job, in the worker, a child in that trace.
      expect([op.role, command.role, append.role, batch.role, mail.role]).toEqual([
        'gateway',
        'gateway',
        'gateway',
        'projector',
        'worker',
      ]);
      expect(op.service).toBe('cr-under-test');
      expect(command.parentSpanId).toBe(op.spanId);
      expect(append.attributes['app.correlation_id']).toBe(correlationId);
      expect(command.attributes['app.correlation_id']).toBe(correlationId);
      expect(mail.attributes['app.correlation_id']).toBe(correlationId);
      expect(mail.parentSpanId).toBe(command.spanId);
      expect(batch.attributes['app.correlation_ids']).toContain(correlationId);
      // The trace context travelled in the event's metadata.
      const metadata = await requestEvents(t.db, id);
      expect(metadata[0].correlationId).toBe(correlationId);
      expect(metadata[0].traceparent).toMatch(new RegExp(`^00-${op.traceId}-${command.spanId}-01$`));
    } finally {
      await t.stop();
    }
  }, 150_000);

  it('exports nothing, and writes no trace context, when OTEL_EXPORTER_OTLP_ENDPOINT is unset', async () => {
    otlp.spans.length = 0;
    const before = otlp.requests;
    // The signal-specific variable alone does not turn tracing on: OTEL_EXPORTER_OTLP_ENDPOINT is the switch.
    const t = await startTopology(
      'tracing_off',
      ['all'],
      {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${otlp.url}/v1/traces`,
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
      smtp,
    );
    try {
      smtp.clear();
      const correlationId = `off-${randomUUID()}`;
      const id = await createRequest(t, correlationId);
      // The mail job ran (so the worker's span would have been made and exported within 100 ms if tracing were on).
      await eventually(
        async () => (smtp.messages.some((m) => m.envelope.to.includes(t.dir.member.email)) ? true : undefined),
        30_000,
      );
      await new Promise((r) => setTimeout(r, 1000));
      expect(otlp.requests).toBe(before);
      expect(otlp.spans).toEqual([]);
      const metadata = await requestEvents(t.db, id);
      expect(metadata[0].correlationId).toBe(correlationId);
      expect(metadata.every((m) => m.traceparent === undefined)).toBe(true);
      expect(t.output.all).not.toContain('tracing on');
    } finally {
      await t.stop();
    }
  }, 150_000);
});
