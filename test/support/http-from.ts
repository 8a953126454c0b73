import { request } from 'node:http';
import WebSocket from 'ws';

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

/**
 * graphql-ws from `localAddress`: `connection_init` with `token`, then one operation. Resolves with the socket's
 * close code when it is closed before an answer (4403 refused, 4429 blocked), else the first answer's code (or
 * `ok`).
 */
export function wsFrom(
  localAddress: string,
  url: string,
  token: string,
  operation: { query: string; variables?: Record<string, unknown> } = { query: '{ me { id } }' },
  headers: Record<string, string> = {},
): Promise<{ closed?: number; reason?: string; code?: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws', {
      localAddress,
      headers,
    });
    let answered = false;
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as {
        type: string;
        payload?: { errors?: { extensions?: { code?: string } }[] } | { extensions?: { code?: string } }[];
      };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: operation }));
      } else if (message.type === 'next' || message.type === 'error') {
        answered = true;
        const errors = Array.isArray(message.payload) ? message.payload : message.payload?.errors;
        resolve({ code: errors?.[0]?.extensions?.code ?? 'ok' });
        socket.close(1000);
      }
    });
    socket.on('close', (code: number, reason: Buffer) => {
      if (!answered) resolve({ closed: code, reason: reason.toString() });
    });
    socket.on('error', reject);
  });
}
