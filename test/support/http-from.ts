import { request } from 'node:http';

export interface PlainResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

/**
 * One HTTP request from a chosen loopback source address (127.0.0.0/8 is all ours on Linux), so a test can be
 * several clients: the gateway sees `localAddress` as the socket's peer.
 */
export function httpFrom(
  localAddress: string,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<PlainResponse> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? (payload ? 'POST' : 'GET'),
        localAddress,
        agent: false,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A GraphQL operation from `localAddress`: `{ status, data, errors }`. */
export async function gqlFrom(
  localAddress: string,
  url: string,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const res = await httpFrom(localAddress, `${url}/graphql`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: { query, variables },
  });
  const body = res.json<{
    data?: Record<string, unknown> | null;
    errors?: { extensions: Record<string, unknown> }[];
  }>();
  return { status: res.status, ...body, code: body.errors?.[0]?.extensions.code as string | undefined };
}
