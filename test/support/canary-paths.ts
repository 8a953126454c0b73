import { type ConnectionsHarness, PUBLIC_URL } from './connections-harness';
import type { SmtpSink } from './smtp-sink';

/** The canary's (test/canary.e2e-spec.ts) drive through the paths issue 11 added, each fed a secret. */

const REGISTER_WEBHOOK = `mutation ($team: ID!, $url: String!) { registerWebhook(teamId: $team, url: $url) { id } }`;
const REMOVE_TEAM = `mutation ($t: ID!, $u: ID!) { removeTeamMember(teamId: $t, userId: $u) { id } }`;
const DETAILS = `query ($id: ID!) { credentialRequest(id: $id) { id status apps { appKey status error } } }`;
const ME = `{ me { email } }`;

interface Answer {
  data?: { me?: { email: string } };
  errors?: { extensions?: { code?: string } }[];
}

export interface PathsContext {
  h: ConnectionsHarness;
  smtp: SmtpSink;
  /** Every secret planted here is added, for the canary's search. */
  secrets: Set<string>;
  /** The canary's runtime call (its answers are left out of the search). */
  use(connectionId: string): Promise<{ status: number }>;
  requestId: string;
  crmConnection: string;
}

/** A GraphQL POST with headers of our choosing; its answer joins the searched responses. */
async function post(h: ConnectionsHarness, query: string, variables: object, headers: Record<string, string>) {
  const res = await fetch(`${h.booted.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  h.responses.push(text);
  return { res, body: JSON.parse(text) as Answer };
}

/** A well-formed `x-request-id` of ours: the log lines of its requests carry it. */
export const TRACE_ID = 'canary-trace-1f2e3d4c5b6a';

/**
 * Issue 11's new paths, each fed a canary: request ids, webhook target refusals, a browser session, a leaver's
 * e-mails, then the throttles (last: they block this client).
 */
export async function driveIssue11Paths({
  h,
  smtp,
  secrets,
  use,
  requestId,
  crmConnection,
}: PathsContext): Promise<void> {
  const owner = { authorization: `Bearer ${await h.tokenFor('owner')}` };
  for (const who of ['owner', 'recipient', 'outsider'] as const) secrets.add(await h.tokenFor(who));

  // Webhook targets refused (R13.3) with secrets in the userinfo, the query and the path: the refusal names none.
  const HOOK_PASSWORD = 'CANARY-hookpw-0d9e8f7a';
  const HOOK_QUERY = 'CANARY-hookq-6b5a4c3d';
  [HOOK_PASSWORD, HOOK_QUERY].forEach((x) => secrets.add(x));
  for (const url of [
    `https://canary:${HOOK_PASSWORD}@hooks.example.com/h?key=${HOOK_QUERY}`,
    `ftp://hooks.example.com/${HOOK_QUERY}`,
    `not a url ${HOOK_QUERY}`,
  ]) {
    const { body } = await post(h, REGISTER_WEBHOOK, { team: h.teamId, url }, { ...owner, 'x-request-id': TRACE_ID });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }

  // A browser session (development sign-in): the cookie is a credential; only its hash is stored.
  const signIn = await fetch(`${h.booted.url}/auth/dev-signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: PUBLIC_URL },
    body: JSON.stringify({ email: 'canary-session@acme.test', name: 'Session Canary' }),
  });
  expect(signIn.status).toBe(204);
  const cookie = signIn.headers.getSetCookie()[0].split(';')[0];
  secrets.add(cookie.slice(cookie.indexOf('=') + 1));
  const browser = { cookie, origin: PUBLIC_URL };
  expect((await post(h, ME, {}, browser)).body.data?.me).toEqual({ email: 'canary-session@acme.test' });
  const out = await fetch(`${h.booted.url}/auth/logout`, { method: 'POST', headers: browser });
  expect(out.status).toBe(204);

  // People leave (R13.13), under a request id of ours: the recipient's connections are revoked, both parties mailed.
  const mailsBefore = smtp.messages.length;
  const removed = await post(h, REMOVE_TEAM, { t: h.teamId, u: h.recipient }, { ...owner, 'x-request-id': TRACE_ID });
  expect(removed.res.headers.get('x-request-id')).toBe(TRACE_ID);
  expect(removed.body.errors).toBeUndefined();
  for (const end = Date.now() + 20_000; smtp.messages.length < mailsBefore + 2;) {
    if (Date.now() > end) throw new Error('no access-removed e-mails after the recipient left');
    await new Promise((r) => setTimeout(r, 25));
  }
  expect((await use(crmConnection)).status).toBe(403);
  await h.graphql('owner', DETAILS, { id: requestId });

  // Throttling (R13.12): guessed credentials until the client is blocked; the guesses appear nowhere.
  const RUNTIME_GUESS = 'CANARY-runtime-guess-2c3d4e5f';
  const BEARER_GUESS = 'CANARY-bearer-guess-8a7b6c5d';
  const STATE_GUESS = 'CANARY-state-guess-4e5f6a7b';
  const CODE_GUESS = 'CANARY-code-guess-9c8d7e6f';
  [RUNTIME_GUESS, BEARER_GUESS, STATE_GUESS, CODE_GUESS].forEach((x) => secrets.add(x));
  let runtimeStatus = 0;
  for (let i = 0; i < 40 && runtimeStatus !== 429; i++) {
    runtimeStatus = (await h.runtime(crmConnection, { moduleKey: 'read' }, RUNTIME_GUESS)).status;
  }
  expect(runtimeStatus).toBe(429);
  let bearerCode: string | undefined;
  for (let i = 0; i < 40 && bearerCode !== 'RATE_LIMITED'; i++) {
    bearerCode = (await post(h, ME, {}, { authorization: `Bearer ${BEARER_GUESS}`, 'x-request-id': TRACE_ID })).body
      .errors?.[0]?.extensions?.code;
  }
  expect(bearerCode).toBe('RATE_LIMITED');
  let callbackStatus = 0;
  for (let i = 0; i < 40 && callbackStatus !== 429; i++) {
    callbackStatus = (await h.get(`${h.booted.url}/oauth/callback?state=${STATE_GUESS}&code=${CODE_GUESS}`)).status;
  }
  expect(callbackStatus).toBe(429);
}
