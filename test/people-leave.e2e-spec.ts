import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import {
  AddOrganizationMemberCommand,
  AddTeamMemberCommand,
  ApplyForCredentialRequestsCommand,
  CreateCredentialRequestCommand,
  ProvisionIdentityCommand,
  RemoveTeamMemberCommand,
  ReviewCredentialRequestsApplicationCommand,
  userIdForEmail,
} from '@libs/application';
import { signToken } from '@libs/auth';
import { streams } from '@libs/domain';
import {
  type ConnectionsHarness,
  EMAILS,
  eventually,
  JWT_SECRET,
  startConnectionsHarness,
} from './support/connections-harness';
import { postGraphql } from './support/gateway-app';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink';

// SPEC R13.13 (people leave), R8.3 (a revoked connection yields nothing), R10.1 (audited), R13.4 (who gets which error).

const KEY = 'PEOPLE-LEAVE-apikey-3c1f';
const CATALOG = {
  apps: [
    {
      key: 'keyed',
      name: 'Keyed',
      versions: [{ version: 1, connection: { type: 'API_KEY' }, modules: [{ key: 'read', name: 'Read', scopes: [] }] }],
    },
  ],
};
const MORE = {
  admin: { email: 'adam@acme.example', name: 'Adam Admin' },
  tina: { email: 'tina@acme.example', name: 'Tina Teamadmin' },
  mia: { email: 'mia@acme.example', name: 'Mia Member' },
};
type Who = 'owner' | 'recipient' | 'outsider' | keyof typeof MORE;

const ORG_ROLE = `mutation($o: ID!, $u: ID!, $r: OrgRole!) {
  changeOrganizationRole(organizationId: $o, userId: $u, role: $r) { id email } }`;
const REMOVE_ORG = `mutation($o: ID!, $u: ID!) { removeOrganizationMember(organizationId: $o, userId: $u) }`;
const TEAM_ROLE = `mutation($t: ID!, $u: ID!, $r: TeamRole!) {
  changeTeamRole(teamId: $t, userId: $u, role: $r) { id members { user { id } teamRole orgRole } } }`;
const REMOVE_TEAM = `mutation($t: ID!, $u: ID!) { removeTeamMember(teamId: $t, userId: $u) { id members { user { id } } } }`;
const AUTHORIZE = `mutation($input: AuthorizeAppInput!) { authorizeApp(input: $input) { status connection { id status } } }`;
const DETAILS = `query($id: ID!) { credentialRequest(id: $id) { id viewerRelation requester { id }
  apps { appKey status connection { id status } } } }`;

describe('people leave (R13.13) over the real gateway', () => {
  let h: ConnectionsHarness;
  let smtp: SmtpSink;
  let organizationId: string;
  const ids = {} as Record<Who, string>;
  /** Mia's request, from the team she is then removed from. */
  let miaRequest = '';

  const token = (who: Who) => {
    const email = who in MORE ? MORE[who as keyof typeof MORE].email : EMAILS[who as keyof typeof EMAILS];
    return signToken(JWT_SECRET, { sub: `sub-${email}`, email, name: who });
  };
  const gql = async (who: Who, query: string, variables?: Record<string, unknown>) =>
    (await postGraphql(h.booted.url, query, variables, await token(who))).body;
  const ok = async (who: Who, query: string, variables?: Record<string, unknown>) => {
    const body = await gql(who, query, variables);
    if (body.errors?.length) throw new Error(`${who}: ${JSON.stringify(body.errors)}`);
    return body.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const orgEvents = async () => (await h.store.readStream(streams.organization(organizationId))).length;
  /** The refusal's code, after checking that it wrote nothing to the organization's stream. */
  const refused = async (who: Who, query: string, variables: Record<string, unknown>) => {
    const before = await orgEvents();
    const body = await gql(who, query, variables);
    expect(await orgEvents()).toBe(before);
    expect(body.data ?? null).toBeNull();
    return body.errors?.[0];
  };
  const use = (connectionId: string) =>
    h.runtime(connectionId, { moduleKey: 'read', scenarioId: 'scn-1', teamId: h.teamId });
  const revocations = async (requestId: string) =>
    (await h.store.readStream(streams.credentialRequest(requestId))).filter((e) => e.type === 'AccessRevoked');
  const REVOKED_SUBJECT = 'Access to Keyed was revoked: CRM sync';
  const revokedMails = (address: string) =>
    smtp.messages.filter((m) => m.envelope.to.includes(address) && m.subject === REVOKED_SUBJECT);
  /** Waits until requester and recipient each got `n` revocation e-mails. */
  const bothMailed = (n: number) =>
    eventually(async () =>
      revokedMails(EMAILS.owner).length >= n && revokedMails(EMAILS.recipient).length >= n ? true : undefined,
    );

  beforeAll(async () => {
    smtp = await startSmtpSink();
    h = await startConnectionsHarness(CATALOG, { SMTP_URL: smtp.url });
    organizationId = (await h.readModels.teamById(h.teamId))!.organizationId;
    ids.owner = h.owner;
    ids.recipient = h.recipient;
    ids.outsider = h.outsider;
    for (const [key, person] of Object.entries(MORE)) {
      const { userId } = await h.bus.execute(
        new ProvisionIdentityCommand(
          { subject: `sub-${person.email}`, email: person.email, name: person.name, emailVerified: true },
          { correlationId: 'c', causationId: null },
        ),
      );
      ids[key as Who] = userId;
      const role = key === 'admin' ? 'ADMIN' : 'MEMBER';
      await h.bus.execute(
        new AddOrganizationMemberCommand(
          { organizationId, email: person.email, name: person.name, role },
          h.ctx(h.owner),
        ),
      );
    }
    await h.bus.execute(
      new AddTeamMemberCommand({ teamId: h.teamId, userId: ids.tina, role: 'ADMIN' }, h.ctx(h.owner)),
    );
    const { position } = await h.bus.execute(
      new AddTeamMemberCommand({ teamId: h.teamId, userId: ids.mia, role: 'MEMBER' }, h.ctx(h.owner)),
    );
    await h.runner.waitFor(position, 10_000);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await smtp?.stop();
  });

  it('refuses, changing nothing: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT for the last owner, own role', async () => {
    const o = organizationId;
    const t = h.teamId;
    expect((await refused('mia', ORG_ROLE, { o, u: ids.recipient, r: 'ADMIN' }))?.extensions.code).toBe('FORBIDDEN');
    expect((await refused('tina', REMOVE_ORG, { o, u: ids.mia }))?.extensions.code).toBe('FORBIDDEN');
    expect((await refused('outsider', ORG_ROLE, { o, u: ids.mia, r: 'ADMIN' }))?.extensions.code).toBe('NOT_FOUND');
    expect((await refused('mia', TEAM_ROLE, { t, u: ids.recipient, r: 'ADMIN' }))?.extensions.code).toBe('FORBIDDEN');
    expect((await refused('recipient', REMOVE_TEAM, { t, u: ids.mia }))?.extensions.code).toBe('FORBIDDEN');
    expect((await refused('outsider', REMOVE_TEAM, { t, u: ids.mia }))?.extensions.code).toBe('NOT_FOUND');

    const notMember = await refused('owner', ORG_ROLE, { o, u: ids.outsider, r: 'ADMIN' });
    expect(notMember?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'userId' }] });
    const notInTeam = await refused('tina', REMOVE_TEAM, { t, u: ids.admin });
    expect(notInTeam?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'userId' }] });
    const blank = await refused('owner', REMOVE_ORG, { o, u: '' });
    expect(blank?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'userId' }] });
    expect((await refused('owner', ORG_ROLE, { o, u: ids.mia, r: 'KING' }))?.extensions.code).toBe('BAD_USER_INPUT');

    const lastOwner = await refused('owner', ORG_ROLE, { o, u: ids.owner, r: 'ADMIN' });
    expect(lastOwner?.extensions.code).toBe('CONFLICT');
    expect((await refused('owner', REMOVE_ORG, { o, u: ids.owner }))?.extensions.code).toBe('CONFLICT');
    expect((await refused('admin', ORG_ROLE, { o, u: ids.owner, r: 'MEMBER' }))?.extensions.code).toBe('CONFLICT');

    expect((await refused('admin', ORG_ROLE, { o, u: ids.admin, r: 'MEMBER' }))?.extensions.code).toBe('FORBIDDEN');
    expect((await refused('tina', TEAM_ROLE, { t, u: ids.tina, r: 'MEMBER' }))?.extensions.code).toBe('FORBIDDEN');
    expect((await refused('admin', ORG_ROLE, { o, u: ids.mia, r: 'OWNER' }))?.extensions.code).toBe('FORBIDDEN');
  });

  it('org owners/admins change org roles; org admins and team admins change team roles; the answers show it', async () => {
    const promoted = await ok('admin', ORG_ROLE, { o: organizationId, u: ids.mia, r: 'ADMIN' });
    expect(promoted.changeOrganizationRole).toEqual({ id: ids.mia, email: MORE.mia.email });
    const orgs = await ok('mia', '{ organizations { id viewerRole } }');
    expect(orgs.organizations).toEqual([{ id: organizationId, viewerRole: 'ADMIN' }]);
    await ok('owner', ORG_ROLE, { o: organizationId, u: ids.mia, r: 'MEMBER' });

    const team = await ok('tina', TEAM_ROLE, { t: h.teamId, u: ids.mia, r: 'ADMIN' });
    expect(team.changeTeamRole.members).toContainEqual({ user: { id: ids.mia }, teamRole: 'ADMIN', orgRole: 'MEMBER' });
    const back = await ok('admin', TEAM_ROLE, { t: h.teamId, u: ids.mia, r: 'MEMBER' });
    expect(back.changeTeamRole.members).toContainEqual({
      user: { id: ids.mia },
      teamRole: 'MEMBER',
      orgRole: 'MEMBER',
    });
  });

  it('a requester removed from the team sees nothing of it at once; the request stays with the team', async () => {
    const support = userIdForEmail('support@platform.example');
    await h.bus.execute(new ApplyForCredentialRequestsCommand(h.ctx(ids.mia)));
    await h.bus.execute(
      new ReviewCredentialRequestsApplicationCommand(
        { userId: ids.mia, approve: true },
        { actor: { userId: support, isSupport: true }, correlationId: 'c', causationId: null },
      ),
    );
    const { requestId, position } = await h.bus.execute(
      new CreateCredentialRequestCommand(
        {
          teamId: h.teamId,
          name: 'Mia asks Tina',
          recipient: { userId: ids.tina },
          apps: [{ appKey: 'keyed', allModules: true }],
          termsAccepted: true,
        },
        h.ctx(ids.mia),
      ),
    );
    await h.runner.waitFor(position, 10_000);
    miaRequest = requestId;
    expect((await ok('mia', DETAILS, { id: requestId })).credentialRequest.viewerRelation).toBe('REQUESTER');

    // A live subscription of hers ends when she leaves, without waiting for the request to change.
    const client: Client = createClient({
      url: h.booted.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await token('mia')}` },
      retryAttempts: 0,
    });
    const messages: unknown[] = [];
    const completed = new Promise<void>((resolve) =>
      client.subscribe(
        { query: 'subscription($id: ID!) { credentialRequestUpdated(id: $id) { id } }', variables: { id: requestId } },
        { next: (m) => messages.push(m), error: () => resolve(), complete: () => resolve() },
      ),
    );
    await eventually(async () => (messages.length > 0 ? true : undefined));

    const answer = await ok('tina', REMOVE_TEAM, { t: h.teamId, u: ids.mia });
    expect(answer.removeTeamMember.members).not.toContainEqual({ user: { id: ids.mia } });
    await completed;
    await client.dispose();

    const details = await gql('mia', DETAILS, { id: requestId });
    expect(details.data?.credentialRequest ?? null).toBeNull();
    const sent = await gql('mia', `query($t: ID!) { sentCredentialRequests(teamId: $t) { totalCount } }`, {
      t: h.teamId,
    });
    expect(sent.errors?.[0].extensions.code).toBe('NOT_FOUND');
    // Her request stays with the team: the team admin and the org owner still see it, sent by her.
    for (const who of ['tina', 'owner'] as const) {
      const seen = await ok(who, DETAILS, { id: requestId });
      expect(seen.credentialRequest.requester).toEqual({ id: ids.mia });
    }
  });

  it('the recipient removed from the team: the system revokes their connection at once, and both parties are mailed', async () => {
    const requestId = await h.createRequest([{ appKey: 'keyed', allModules: true }]);
    const authorized = await ok('recipient', AUTHORIZE, { input: { requestId, appKey: 'keyed', apiKey: KEY } });
    const connectionId = authorized.authorizeApp.connection.id as string;
    expect((await use(connectionId)).status).toBe(200);

    await ok('tina', REMOVE_TEAM, { t: h.teamId, u: ids.recipient });
    // At once: the mutation answered after the revocation, so the runtime refuses now (R8.3).
    expect((await use(connectionId)).status).toBe(403);
    const [revoked] = await revocations(requestId);
    expect(revoked.data).toEqual({ appKey: 'keyed', connectionId, cause: 'RECIPIENT_LEFT' });
    expect(revoked.metadata.actorId).toBeNull();
    const seen = await ok('owner', DETAILS, { id: requestId });
    expect(seen.credentialRequest.apps).toEqual([
      { appKey: 'keyed', status: 'REVOKED', connection: { id: connectionId, status: 'REVOKED' } },
    ]);

    await bothMailed(1);
    expect(revokedMails(EMAILS.owner)[0].text).toContain('no longer belongs to the team Sales');
    expect(revokedMails(EMAILS.recipient)[0].text).toContain('You no longer belong to the team Sales');
    expect(JSON.stringify(smtp.messages.map((m) => m.raw.toString()))).not.toContain(KEY);

    // The reactor's run on the same removal finds nothing left to revoke: one revocation, one e-mail each.
    expect(await revocations(requestId)).toHaveLength(1);
    expect(revokedMails(EMAILS.owner)).toHaveLength(1);

    // Added back to the team: nothing comes back by itself.
    await ok('owner', `mutation($t: ID!, $u: ID!) { addTeamMember(teamId: $t, userId: $u, role: MEMBER) { id } }`, {
      t: h.teamId,
      u: ids.recipient,
    });
    expect((await use(connectionId)).status).toBe(403);
    expect((await ok('owner', DETAILS, { id: requestId })).credentialRequest.apps[0].status).toBe('REVOKED');
  });

  it('the recipient removed from the organization sees nothing of it at once; the connection is revoked', async () => {
    const requestId = await h.createRequest([{ appKey: 'keyed', allModules: true }]);
    const authorized = await ok('recipient', AUTHORIZE, { input: { requestId, appKey: 'keyed', apiKey: KEY } });
    const connectionId = authorized.authorizeApp.connection.id as string;
    expect((await use(connectionId)).status).toBe(200);

    expect((await ok('admin', REMOVE_ORG, { o: organizationId, u: ids.recipient })).removeOrganizationMember).toBe(
      true,
    );
    expect((await use(connectionId)).status).toBe(403);
    // credentialRequest answers NOT_FOUND for a request one may not see; everything else is empty.
    const body = await gql(
      'recipient',
      `query($o: ID!, $t: ID!) { organizations { id } organization(id: $o) { id } team(id: $t) { id }
        receivedCredentialRequests { totalCount edges { node { id } } } }`,
      { o: organizationId, t: h.teamId },
    );
    expect(body.data).toEqual({
      organizations: [],
      organization: null,
      team: null,
      receivedCredentialRequests: { totalCount: 0, edges: [] },
    });
    const hidden = await gql('recipient', DETAILS, { id: requestId });
    expect(hidden.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const acting = await gql(
      'recipient',
      `mutation($r: ID!) { revokeAccess(requestId: $r, appKey: "keyed") { status } }`,
      {
        r: requestId,
      },
    );
    expect(acting.errors?.[0].extensions.code).toBe('NOT_FOUND');

    await bothMailed(2);

    // Added again: the organization is theirs to see again, the connection stays revoked.
    await ok(
      'owner',
      `mutation($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e, name: "Rui", role: MEMBER) { id } }`,
      { o: organizationId, e: EMAILS.recipient },
    );
    const again = await ok('recipient', DETAILS, { id: requestId });
    expect(again.credentialRequest.apps[0]).toMatchObject({ status: 'REVOKED', connection: { status: 'REVOKED' } });
    expect((await use(connectionId)).status).toBe(403);
    const teams = await ok('recipient', `query($t: ID!) { team(id: $t) { members { user { id } } } }`, { t: h.teamId });
    expect(teams.team.members).not.toContainEqual({ user: { id: ids.recipient } });
  });

  it('a removal that skipped the mutation (e.g. its process crashed) is still revoked, by the reactor on the event', async () => {
    const requestId = await h.createRequest([{ appKey: 'keyed', allModules: true }]);
    // Rui is back in the organization (previous test); put him in the team again and let him authorize.
    await h.bus.execute(
      new AddTeamMemberCommand({ teamId: h.teamId, userId: ids.recipient, role: 'MEMBER' }, h.ctx(h.owner)),
    );
    const authorized = await ok('recipient', AUTHORIZE, { input: { requestId, appKey: 'keyed', apiKey: KEY } });
    const connectionId = authorized.authorizeApp.connection.id as string;
    expect((await use(connectionId)).status).toBe(200);

    // The command alone, as if the mutation had died right after appending: only the reactor can revoke now.
    await h.bus.execute(new RemoveTeamMemberCommand({ teamId: h.teamId, userId: ids.recipient }, h.ctx(ids.tina)));
    const [revoked] = await eventually(async () => {
      const found = await revocations(requestId);
      return found.length > 0 ? found : undefined;
    });
    expect(revoked.data).toMatchObject({ cause: 'RECIPIENT_LEFT' });
    expect(revoked.metadata.actorId).toBeNull();
    expect((await use(connectionId)).status).toBe(403);
  });

  it('records every change in the audit trail, with who did it; the revocations as the system (R10.1)', async () => {
    const log = await ok(
      'owner',
      `query($o: ID!) { membershipAuditLog(organizationId: $o, first: 100) { edges { node {
        action actor { id } member { id } teamId role } } } }`,
      { o: organizationId },
    );
    const nodes = log.membershipAuditLog.edges.map((e: { node: unknown }) => e.node);
    // Where the trail starts: the creator became the organization's owner, and the team's admin.
    expect(nodes).toContainEqual({
      action: 'ORG_CREATED',
      actor: { id: ids.owner },
      member: { id: ids.owner },
      teamId: null,
      role: 'OWNER',
    });
    expect(nodes).toContainEqual({
      action: 'TEAM_CREATED',
      actor: { id: ids.owner },
      member: { id: ids.owner },
      teamId: h.teamId,
      role: 'ADMIN',
    });
    expect(nodes).toContainEqual({
      action: 'TEAM_MEMBER_REMOVED',
      actor: { id: ids.tina },
      member: { id: ids.recipient },
      teamId: h.teamId,
      role: null,
    });
    expect(nodes).toContainEqual({
      action: 'ORG_MEMBER_REMOVED',
      actor: { id: ids.admin },
      member: { id: ids.recipient },
      teamId: null,
      role: null,
    });
    expect(nodes).toContainEqual({
      action: 'ORG_ROLE_CHANGED',
      actor: { id: ids.admin },
      member: { id: ids.mia },
      teamId: null,
      role: 'ADMIN',
    });
    // The reactor's revocation (previous test) was not waited for by any mutation: wait for it to be projected.
    const revokes = await eventually(async () => {
      const audit = await ok(
        'owner',
        `query($o: ID!) { auditLog(organizationId: $o, first: 100) { edges { node { action actor { id } } } } }`,
        { o: organizationId },
      );
      const found = audit.auditLog.edges.filter(
        (e: { node: { action: string } }) => e.node.action === 'ACCESS_REVOKED',
      );
      return found.length === 3 ? found : undefined;
    });
    expect(revokes.every((e: { node: { actor: unknown } }) => e.node.actor === null)).toBe(true);
    // One team's entries: the organization's own (no team) are left out.
    const BY_TEAM = `query($o: ID!, $t: ID) { membershipAuditLog(organizationId: $o, teamId: $t, first: 100) {
      edges { node { action teamId } } } }`;
    const teamOnly = await ok('owner', BY_TEAM, { o: organizationId, t: h.teamId });
    const teamNodes = teamOnly.membershipAuditLog.edges.map((e: { node: unknown }) => e.node);
    expect(teamNodes).toContainEqual({ action: 'TEAM_MEMBER_REMOVED', teamId: h.teamId });
    expect(teamNodes.every((n: { teamId: string | null }) => n.teamId === h.teamId)).toBe(true);
    expect(teamNodes.length).toBeLessThan(nodes.length);
    // A team admin may filter by the teams they run only.
    expect(
      (await ok('tina', BY_TEAM, { o: organizationId, t: h.teamId })).membershipAuditLog.edges.length,
    ).toBeGreaterThan(0);
    expect((await gql('tina', BY_TEAM, { o: organizationId, t: 'team-elsewhere' })).errors?.[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    const member = await gql('mia', `query($o: ID!) { membershipAuditLog(organizationId: $o) { edges { cursor } } }`, {
      o: organizationId,
    });
    expect(member.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const stranger = await gql(
      'outsider',
      `query($o: ID!) { membershipAuditLog(organizationId: $o) { edges { cursor } } }`,
      { o: organizationId },
    );
    expect(stranger.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('a requester removed from the team who is an org admin acts as one, no longer as the requester (R13.13, R5.4)', async () => {
    expect(miaRequest).not.toBe('');
    await ok('owner', ORG_ROLE, { o: organizationId, u: ids.mia, r: 'ADMIN' });
    const seen = await ok('mia', DETAILS, { id: miaRequest });
    expect(seen.credentialRequest.viewerRelation).toBe('ORG_ADMIN');
    // The requester may ask for reauthorization, an org admin outside the team may not: refused before any other check.
    const asked = await gql(
      'mia',
      'mutation($r: ID!, $a: String!) { requestReauthorization(requestId: $r, appKey: $a) { sent } }',
      { r: miaRequest, a: 'keyed' },
    );
    expect([asked.errors?.[0].extensions.code, asked.errors?.[0].message]).toEqual([
      'FORBIDDEN',
      'Only the requester or a team admin may ask for reauthorization.',
    ]);
    await ok('owner', ORG_ROLE, { o: organizationId, u: ids.mia, r: 'MEMBER' });
  });
});
