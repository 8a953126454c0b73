// What bench:api's two modes share: the knobs every phase reads and a GraphQL POST that throws on errors.
export const adminUrl = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const mutations = Number(process.env.BENCH_MUTATIONS ?? 800);
export const queries = Number(process.env.BENCH_QUERIES ?? 4000);
export const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);

export async function post(url: string, token: string | null, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data ?? {};
}
