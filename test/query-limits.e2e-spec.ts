import WebSocket from 'ws';
import { bootApp, type BootedApp } from './support/app';
import { codeOf, gql, tokenFor } from './support/api';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl } from './support/redis';

const SECRET = 'query-limits-e2e-jwt-secret-0123456789';

/** One operation over graphql-ws on a raw socket: the first `next` or `error` payload. */
function overWebSocket(url: string, token: string, query: string, variables?: Record<string, unknown>) {
  return new Promise<{ type: string; payload: { message: string; extensions: { code: string } }[] }>(
    (resolve, reject) => {
      const socket = new WebSocket(url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
      socket.on('open', () =>
        socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
      );
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { type: string; payload: never };
        if (message.type === 'connection_ack') {
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
        } else if (message.type === 'next' || message.type === 'error') {
          socket.close(1000);
          resolve(message);
        }
      });
      socket.on('close', (code: number) => code !== 1000 && reject(new Error(`closed ${code}`)));
      socket.on('error', reject);
    },
  );
}

function nestedQuery(levels: number): string {
  // organizations → teams → organization → teams …, `levels` fields below the root.
  let selection = 'id';
  for (let i = levels - 1; i >= 0; i--) selection = i % 2 ? `organization { ${selection} }` : `teams { ${selection} }`;
  return `{ organizations { ${selection} } }`;
}

/** R13.12 against the real gateway: refused before execution, BAD_USER_INPUT, while the process keeps answering. */
describe('query limits (SPEC R13.12)', () => {
  const logs = captureLogs();
  let db: TestDatabase;
  let booted: BootedApp;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase('query_limits');
    booted = await bootApp(
      {
        REDIS_URL: redisUrl,
        DATABASE_URL: db.url,
        AUTH_JWT_SECRET: SECRET,
        ROLE: 'all',
        GRAPHQL_MAX_ALIASES: '5',
        GRAPHQL_MAX_ROWS: '30',
        GRAPHQL_INTROSPECTION: 'false',
      },
      logs.logger,
    );
    token = await tokenFor(SECRET, { sub: 'sub-ana', email: 'ana@limits-corp.example', name: 'Ana' });
    await gql(booted.url, token, 'mutation { createOrganization(input: { name: "Acme" }) { id } }');
  });
  afterAll(async () => {
    await booted?.close();
    await db?.drop();
  });

  /** The abusive request and /health/live at the same time: both answer, the request refused. */
  async function refusedWhileHealthy(query: string) {
    const started = performance.now();
    const [response, healthMs] = await Promise.all([
      gql(booted.url, token, query).then((r) => ({ ...r, ms: performance.now() - started })),
      fetch(`${booted.url}/health/live`).then((r) => {
        expect(r.status).toBe(200);
        return performance.now() - started;
      }),
    ]);
    return { response, healthMs };
  }

  it('refuses the 40-level nested query before it runs, while /health/live answers', async () => {
    const { response, healthMs } = await refusedWhileHealthy(nestedQuery(40));
    expect(response.data ?? null).toBeNull();
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/depth limit of 12 exceeded, found 42.*GRAPHQL_MAX_DEPTH/);
    process.stdout.write(
      `40-level query refused in ${response.ms.toFixed(1)} ms; /health/live ${healthMs.toFixed(1)} ms\n`,
    );
    expect(response.ms).toBeLessThan(2000);
  });

  it('refuses the 1,000-alias query before it runs, while /health/live answers', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: organizations { id }`).join(' ');
    const { response, healthMs } = await refusedWhileHealthy(`{ ${aliases} }`);
    expect(response.data ?? null).toBeNull();
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    process.stdout.write(
      `1,000-alias query refused in ${response.ms.toFixed(1)} ms; /health/live ${healthMs.toFixed(1)} ms\n`,
    );
    expect(response.ms).toBeLessThan(2000);
  });

  it('refuses more aliases than GRAPHQL_MAX_ALIASES (5 here), and lets 5 through', async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const refused = await gql(booted.url, token, aliased(6));
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/Aliases limit of 5 exceeded, found 6.*GRAPHQL_MAX_ALIASES/);
    expect((await gql(booted.url, token, aliased(5))).errors).toBeUndefined();
  });

  it('weighs list fields by their page size, also when `first` comes in a variable', async () => {
    const query = `query($t: ID!, $first: Int) { sentCredentialRequests(teamId: $t, first: $first) { edges { node {
      id name apps { appKey modules { key name } connection { id usage { moduleKey uses } } }
      requester { id name } recipient { id name } team { id organization { id teams { id name } } } } } } }`;
    const costly = await gql(booted.url, token, query, { t: 'no-such-team', first: 1000 });
    expect(codeOf(costly)).toBe('BAD_USER_INPUT');
    expect(costly.errors?.[0].message).toMatch(/Cost limit of 50000 exceeded.*GRAPHQL_MAX_COST/);
    // The same operation with a normal page gets past the limits (and reaches the resolver: unknown team).
    const normal = await gql(booted.url, token, query, { t: 'no-such-team', first: 20 });
    expect(normal.errors?.[0].message ?? '').not.toMatch(/limit/i);
  });

  it("weighs lists that grow with use (an owner's teams) though they have no page size, over HTTP and graphql-ws", async () => {
    const [organization] = (
      await gql<{ organizations: { id: string }[] }>(booted.url, token, '{ organizations { id } }')
    ).data!.organizations;
    for (let i = 0; i < 6; i++) {
      const created = await gql(
        booted.url,
        token,
        'mutation($o: ID!, $n: String!) { createTeam(organizationId: $o, name: $n) { id } }',
        {
          o: organization.id,
          n: `Team ${i}`,
        },
      );
      expect(created.errors).toBeUndefined();
    }
    // Depth 9, 5 aliases: within both limits. Weighed as one item per list it cost ~900; it returns 5 × 6⁴ teams.
    const aliases = Array.from({ length: 5 }, (_, i) => `a${i}: teams { id }`).join(' ');
    const cycle = `{ organizations { teams { organization { teams { organization { teams { organization { teams {
      organization { ${aliases} } } } } } } } } } }`;
    const { response } = await refusedWhileHealthy(cycle);
    expect(response.data ?? null).toBeNull();
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/Cost limit of 50000 exceeded.*GRAPHQL_MAX_COST/);
    const overWs = await overWebSocket(booted.url, token, cycle);
    expect(overWs.type).toBe('error');
    expect(overWs.payload[0].message).toMatch(/GRAPHQL_MAX_COST/);
    // One level answers: the directory reads an organization's teams.
    const teams = await gql<{ organizations: { teams: unknown[] }[] }>(
      booted.url,
      token,
      '{ organizations { teams { id name } } }',
    );
    expect(teams.data?.organizations[0].teams).toHaveLength(6);

    // One turn of the cycle under one organization weighs little (the estimate) but returns teams² rows: counted as
    // the operation runs, and refused past GRAPHQL_MAX_ROWS (30 here: 6 + 36 rows).
    const once = await gql<{ organization: unknown }>(
      booted.url,
      token,
      'query($o: ID!) { organization(id: $o) { teams { organization { teams { id } } } } }',
      { o: organization.id },
    );
    expect(once.data?.organization ?? null).toBeNull();
    expect(codeOf(once)).toBe('BAD_USER_INPUT');
    expect(once.errors?.[0].message).toMatch(/More than 30 directory rows.*GRAPHQL_MAX_ROWS/);
    const fine = await gql<{ organization: { teams: unknown[] } }>(
      booted.url,
      token,
      'query($o: ID!) { organization(id: $o) { teams { id organization { id } } } }',
      { o: organization.id },
    );
    expect(fine.errors).toBeUndefined();
    expect(fine.data?.organization.teams).toHaveLength(6);
  });

  it('applies the same limits over graphql-ws', async () => {
    const nested = await overWebSocket(booted.url, token, nestedQuery(40));
    expect(nested.type).toBe('error');
    expect(nested.payload[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(nested.payload[0].message).toMatch(/GRAPHQL_MAX_DEPTH/);
    const tokens = await overWebSocket(booted.url, token, `{ ${'me { id } '.repeat(1000)} }`);
    expect(tokens.payload[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const fine = await overWebSocket(booted.url, token, '{ me { id } }');
    expect(fine.type).toBe('next');
  });

  it('closes introspection and "Did you mean" hints when GRAPHQL_INTROSPECTION is off (HTTP and graphql-ws)', async () => {
    const introspection = await gql(booted.url, token, '{ __schema { types { name } } }');
    expect(codeOf(introspection)).toBe('BAD_USER_INPUT');
    const overWs = await overWebSocket(booted.url, token, '{ __schema { types { name } } }');
    expect(overWs.type).toBe('error');
    const typo = await gql(booted.url, token, '{ organizatons { id } }');
    expect(codeOf(typo)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    const typoWs = await overWebSocket(booted.url, token, '{ organizatons { id } }');
    expect(JSON.stringify(typoWs.payload)).not.toMatch(/Did you mean|organizations/);
  });
});
