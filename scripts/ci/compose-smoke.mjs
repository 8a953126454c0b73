/* global fetch, setTimeout, TextEncoder */
// The container check's client (issue #12): through the load balancer, a builder creates a credential request for an
// outside recipient; the request is readable at once through the other gateway (R7.6: the mutation answered after
// its projection) and the invitation e-mail reaches the SMTP sink.
// Usage: node scripts/ci/compose-smoke.mjs BASE_URL AUTH_JWT_SECRET SINK_DIR
import { SignJWT } from 'jose';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [base, secret, sinkDir] = process.argv.slice(2);
const started = Date.now();

async function token(email, name) {
  return new SignJWT({ email, name, email_verified: true, platform_role: 'support' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`ci:${email}`)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}

/** How long each call took (ms), printed: a read-your-writes wait that ran into its bound shows here. */
const calls = [];

async function gql(bearer, query, variables = {}) {
  const at = Date.now();
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  calls.push(`${query.replace(/\s+/g, ' ').slice(0, 40)}: ${res.status} in ${Date.now() - at} ms`);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(
      `${query.split('(')[0]}: HTTP ${res.status}, not JSON: ${text.slice(0, 300)} (calls: ${calls.join('; ')})`,
    );
  }
  if (body.errors?.length)
    throw new Error(`${query.split('(')[0]}: ${JSON.stringify(body.errors)} (calls so far: ${calls.join('; ')})`);
  return body.data;
}

const ana = await token('ana@acme-corp.com', 'Ana Builder');
const { me } = await gql(ana, '{ me { id } }');
const { createOrganization: org } = await gql(
  ana,
  'mutation($n: String!) { createOrganization(input: { name: $n, plan: ENTERPRISE }) { id plan } }',
  { n: `Acme ${Date.now()}` },
);
const { createTeam: team } = await gql(
  ana,
  'mutation($o: ID!) { createTeam(organizationId: $o, name: "Marketing") { id } }',
  {
    o: org.id,
  },
);
await gql(ana, 'mutation { applyForCredentialRequests { credentialRequestsApplication } }');
await gql(
  ana,
  'mutation($u: ID!) { reviewCredentialRequestsApplication(userId: $u, approve: true) { credentialRequestsEnabled } }',
  {
    u: me.id,
  },
);
const recipient = `maria.${Date.now()}@client-agency.com`;
const { createCredentialRequest: request } = await gql(
  ana,
  `mutation($t: ID!, $e: String!) { createCredentialRequest(input: {
     teamId: $t, name: "Newsletter", termsAccepted: true,
     recipient: { name: "Maria", email: $e },
     apps: [{ appKey: "openai", modules: ["create-completion"] }] }) { id status } }`,
  { t: team.id, e: recipient },
);
// Two reads in a row: the load balancer sends them to both gateways.
for (let i = 0; i < 2; i++) {
  const { credentialRequest } = await gql(ana, 'query($id: ID!) { credentialRequest(id: $id) { id name } }', {
    id: request.id,
  });
  if (credentialRequest?.id !== request.id)
    throw new Error(`request ${request.id} not visible right after its creation`);
}
let mail;
while (!mail && Date.now() - started < 90_000) {
  for (const f of readdirSync(sinkDir)) {
    const text = readFileSync(join(sinkDir, f), 'utf8');
    if (text.includes(recipient)) mail = f;
  }
  if (!mail) await new Promise((r) => setTimeout(r, 500));
}
if (!mail) throw new Error(`no e-mail to ${recipient} reached the SMTP sink`);
const mailMs = Date.now() - started;
console.log(JSON.stringify({ request: request.id, visibleAtOnce: true, email: mail, ms: mailMs, calls }));
