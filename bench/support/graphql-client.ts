import { Agent, request } from 'node:http';
// What bench:api's two modes share: the knobs every phase reads and a GraphQL POST that throws on errors.
export const adminUrl = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const mutations = Number(process.env.BENCH_MUTATIONS ?? 800);
export const queries = Number(process.env.BENCH_QUERIES ?? 4000);
export const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);

/**
 * `BENCH_CLIENT=http`: node:http with kept-alive sockets instead of fetch (the default, with which issue 12 set its
 * targets). The client shares the two cores with what it measures, and fetch costs ~0.7 ms of CPU per call here, as
 * much as the gateway spends on `{ health }`: the lighter client lets `{ health }` run faster (bench/README.md).
 */
export const benchClient = process.env.BENCH_CLIENT === 'http' ? 'http' : 'fetch';
const agent = new Agent({ keepAlive: true, maxSockets: Math.max(concurrency, 8) });

function postJson(url: URL, headers: Record<string, string>, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function postFetch(url: URL, headers: Record<string, string>, body: string): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers, body });
  return res.text();
}

export async function post(url: string, token: string | null, query: string, variables?: Record<string, unknown>) {
  const text = await (benchClient === 'http' ? postJson : postFetch)(
    new URL('/graphql', url),
    { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    JSON.stringify({ query, variables }),
  );
  const body = JSON.parse(text) as { data?: Record<string, Record<string, unknown>>; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data ?? {};
}

const CREATE = `mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id status } }`;

/**
 * The two operations both API benches measure, the same in each so that their figures compare: request `n` (one app,
 * all modules) from `team` to `recipient`, as the holder of `token`; and `{ health }`.
 */
export function benchOperations(url: string, token: string, team: string, recipient: string) {
  return {
    createOne: (n: number) =>
      post(url, token, CREATE, {
        input: {
          teamId: team,
          name: `Bench request ${n}`,
          recipient: { userId: recipient },
          apps: [{ appKey: 'openai', allModules: true }],
          termsAccepted: true,
        },
      }).then(() => undefined),
    trivial: () => post(url, null, '{ health }').then(() => undefined),
  };
}
