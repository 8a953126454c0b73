import { CommandBus } from '@nestjs/cqrs';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import {
  AcceptInvitationCommand,
  AddOrganizationMemberCommand,
  AddTeamMemberCommand,
  ApplyForCredentialRequestsCommand,
  ChangeOrganizationPlanCommand,
  CreateOrganizationCommand,
  CreateTeamCommand,
  INVITATION_SECRET,
  ReviewCredentialRequestsApplicationCommand,
  type CommandContext,
  userIdForEmail,
} from '@libs/application';
import { streams, type OrgRole, type TeamRole } from '@libs/domain';
import { canonicalJson, EVENT_STORE, GENESIS_HASH, type EventStore } from '@libs/event-store';
import { createHash } from 'node:crypto';
import { invitationToken } from '@libs/invitations';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@projections';
import { RequestUpdates } from '../apps/gateway/src/requests/credential-request-updated/request-updates';
import { bootApp, type BootedApp } from './support/app';
import { codeOf, gql, gqlOk, tokenFor, type TestUser } from './support/api';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl } from './support/redis';
import { GOOD_API_KEY, GOOD_PASSWORD, startVerificationServer, writeTestCatalog } from './support/requests-fixture';

const SECRET = 'requests-api-e2e-jwt-secret-0123456789';
const DOMAIN = 'acme-corp.example';

const REQUEST_FIELDS = `id name description status viewerRelation sentAt updatedAt
  organization { id name viewerRole } team { id name organization { id } }
  requester { id name email external } recipient { id name email external }
  apps { appKey appName version status declineReason error connectionName scopes modules { key name }
         connection { id name status type usage { moduleKey uses } } }`;

interface RequestView {
  id: string;
  name: string;
  status: string;
  viewerRelation: string;
  requester: { id: string | null; email: string };
  recipient: { id: string | null; name: string; email: string; external: boolean };
  apps: {
    appKey: string;
    status: string;
    declineReason: string | null;
    error: string | null;
    scopes: string[];
    modules: { key: string; name: string }[];
    connection: { id: string; status: string } | null;
  }[];
}

interface Person extends TestUser {
  id: string;
  token: string;
}

describe('credential requests over the API (SPEC §4–§10, R12.7, R13)', () => {
  const logs = captureLogs();
  let db: TestDatabase;
  let booted: BootedApp;
  let verifier: Awaited<ReturnType<typeof startVerificationServer>>;
  let bus: CommandBus;
  let store: EventStore;
  let orgId: string;
  let teamId: string;
  let otherTeamId: string;
  const people: Record<string, Person> = {};
  let counter = 0;
  const ctx = (userId: string | null, isSupport = false): CommandContext => ({
    actor: { userId, isSupport },
    correlationId: `seed-${++counter}`,
    causationId: null,
  });

  const signIn = async (key: string, email: string, name: string, support = false): Promise<Person> => {
    const user: TestUser = { sub: `sub-${key}`, email, name, support };
    const token = await tokenFor(SECRET, user);
    // Any guarded call provisions the caller (R1.2) and binds the verified e-mail.
    await gqlOk(booted.url, token, '{ receivedCredentialRequests { totalCount } }');
    return (people[key] = { ...user, id: userIdForEmail(email), token });
  };
  const ask = <T = Record<string, unknown>>(who: string, query: string, variables?: Record<string, unknown>) =>
    gql<T>(booted.url, people[who].token, query, variables);
  const askOk = <T = Record<string, unknown>>(who: string, query: string, variables?: Record<string, unknown>) =>
    gqlOk<T>(booted.url, people[who].token, query, variables);

  const details = async (who: string, id: string) =>
    (
      await askOk<{ credentialRequest: RequestView }>(
        who,
        `query($id: ID!) { credentialRequest(id: $id) { ${REQUEST_FIELDS} } }`,
        { id },
      )
    ).credentialRequest;
  const create = async (who: string, input: Record<string, unknown>) =>
    (
      await askOk<{ createCredentialRequest: RequestView }>(
        who,
        `mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { ${REQUEST_FIELDS} } }`,
        { input: { teamId, termsAccepted: true, ...input } },
      )
    ).createCredentialRequest;
  const decline = (who: string, requestId: string, appKey: string, reason: string) =>
    ask<{ declineApp: { status: string; declineReason: string } }>(
      who,
      `mutation($r: ID!, $a: String!, $why: String!) { declineApp(requestId: $r, appKey: $a, reason: $why) { status declineReason } }`,
      { r: requestId, a: appKey, why: reason },
    );
  const authorize = (who: string, input: Record<string, unknown>) =>
    ask<{ authorizeApp: { status: string; error: string | null; connection: { id: string; status: string } | null } }>(
      who,
      `mutation($input: AuthorizeAppInput!) { authorizeApp(input: $input) { status error connection { id status name } } }`,
      { input },
    );
  const sent = async (who: string, variables: Record<string, unknown> = {}) =>
    ask<{
      sentCredentialRequests: {
        totalCount: number;
        edges: { cursor: string; node: { id: string; viewerRelation: string; status: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }>(
      who,
      `query($team: ID!, $status: CredentialRequestStatus, $search: String, $first: Int, $after: String) {
        sentCredentialRequests(teamId: $team, status: $status, search: $search, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id viewerRelation status } } } }`,
      { team: teamId, ...variables },
    );

  beforeAll(async () => {
    verifier = await startVerificationServer();
    db = await createTestDatabase('requests_api');
    booted = await bootApp(
      {
        REDIS_URL: redisUrl,
        DATABASE_URL: db.url,
        AUTH_JWT_SECRET: SECRET,
        APPS_CATALOG: writeTestCatalog(verifier.url),
        ROLE: 'all',
      },
      logs.logger,
    );
    bus = booted.app.get(CommandBus);
    store = booted.app.get<EventStore>(EVENT_STORE, { strict: false });

    await signIn('support', `support@platform.example`, 'Sam Support', true);
    await signIn('owner', `olga@${DOMAIN}`, 'Olga Owner');
    await signIn('nina', `nina@${DOMAIN}`, 'Nina Newsletter');
    await signIn('carlos', `carlos@${DOMAIN}`, 'Carlos Colleague');
    await signIn('cora', `cora@${DOMAIN}`, 'Cora Contractor');
    await signIn('tom', `tom@${DOMAIN}`, 'Tom Teammate');
    await signIn('gus', `gus@${DOMAIN}`, 'Gus Guest');
    await signIn('otto', `otto@${DOMAIN}`, 'Otto Otherteam');
    await signIn('stranger', 'stranger@elsewhere.example', 'Stan Stranger');
    await signIn('mia', 'mia@brandhouse.example', 'Mia Marketing');

    ({ organizationId: orgId } = await bus.execute(
      new CreateOrganizationCommand({ name: 'Acme' }, ctx(people.owner.id)),
    ));
    await bus.execute(
      new ChangeOrganizationPlanCommand({ organizationId: orgId, plan: 'ENTERPRISE' }, ctx(people.support.id, true)),
    );
    ({ teamId } = await bus.execute(
      new CreateTeamCommand({ organizationId: orgId, name: 'Marketing' }, ctx(people.owner.id)),
    ));
    ({ teamId: otherTeamId } = await bus.execute(
      new CreateTeamCommand({ organizationId: orgId, name: 'Finance' }, ctx(people.owner.id)),
    ));
    const member = async (key: string, orgRole: OrgRole, teamRole: TeamRole | null, team = teamId) => {
      const p = people[key];
      await bus.execute(
        new AddOrganizationMemberCommand(
          { organizationId: orgId, email: p.email, name: p.name, role: orgRole },
          ctx(people.owner.id),
        ),
      );
      if (teamRole)
        await bus.execute(
          new AddTeamMemberCommand({ teamId: team, userId: p.id, role: teamRole }, ctx(people.owner.id)),
        );
    };
    await member('nina', 'MEMBER', 'MEMBER');
    await member('carlos', 'MEMBER', 'MEMBER');
    await member('cora', 'ADMIN', 'MEMBER');
    await member('tom', 'MEMBER', 'MEMBER');
    await member('gus', 'GUEST', 'GUEST');
    await member('otto', 'MEMBER', 'ADMIN', otherTeamId);
    for (const key of ['nina', 'cora']) {
      await bus.execute(new ApplyForCredentialRequestsCommand(ctx(people[key].id)));
      await bus.execute(
        new ReviewCredentialRequestsApplicationCommand(
          { userId: people[key].id, approve: true },
          ctx(people.support.id, true),
        ),
      );
    }
  });

  afterAll(async () => {
    await booted?.close();
    await db?.drop();
    await new Promise((resolve) => verifier?.server.close(resolve));
  });

  let entraRequest: RequestView;
  let mailRequest: RequestView;

  it('worked example 1: a newsletter builder asks a colleague for Microsoft Entra ID read modules; the colleague declines', async () => {
    entraRequest = await create('nina', {
      name: 'Newsletter audience sync',
      description: 'Read users and groups to build the newsletter audience',
      recipient: { userId: people.carlos.id },
      apps: [
        {
          appKey: 'microsoft-entra-id',
          modules: ['get-group', 'search-users', 'get-user', 'get-user-memberships', 'search-groups'],
          note: 'Read only, please',
        },
      ],
    });
    expect(entraRequest).toMatchObject({
      name: 'Newsletter audience sync',
      status: 'INCOMPLETE',
      viewerRelation: 'REQUESTER',
      organization: { id: orgId, name: 'Acme' },
      team: { id: teamId, name: 'Marketing' },
      recipient: { id: people.carlos.id, email: people.carlos.email, external: false },
    });
    const [app] = entraRequest.apps;
    // Catalog module order, scopes de-duplicated in that order (R4.2, R13.7) — never the input order.
    expect(app.modules.map((m) => m.name)).toEqual([
      'Search Users',
      'Get a User',
      "Get a User's Memberships",
      'Search Groups',
      'Get a Group',
    ]);
    expect(app.scopes).toEqual(['User.Read.All', 'GroupMember.Read.All', 'Group.Read.All']);
    expect(app).toMatchObject({ status: 'PENDING', connection: null });

    // The recipient's view, right away (read-your-writes of the requester's mutation, R7.6).
    expect(await details('carlos', entraRequest.id)).toMatchObject({
      viewerRelation: 'RECIPIENT',
      status: 'INCOMPLETE',
    });
    const received = await askOk<{
      receivedCredentialRequests: { totalCount: number; edges: { node: { id: string } }[] };
    }>('carlos', '{ receivedCredentialRequests { totalCount edges { node { id } } } }');
    expect(received.receivedCredentialRequests.edges.map((e) => e.node.id)).toEqual([entraRequest.id]);

    // OAuth2 cannot be completed by authorizeApp (R13.3); completing the grant is the OAuth flow's job.
    const oauth = await authorize('carlos', { requestId: entraRequest.id, appKey: 'microsoft-entra-id', apiKey: 'x' });
    expect(codeOf(oauth)).toBe('BAD_USER_INPUT');
    // Only the recipient may decline (R13.4: the requester sees the request, so FORBIDDEN).
    expect(codeOf(await decline('nina', entraRequest.id, 'microsoft-entra-id', 'no'))).toBe('FORBIDDEN');

    const declined = await decline(
      'carlos',
      entraRequest.id,
      'microsoft-entra-id',
      '  We do not share directory access  ',
    );
    expect(declined.data?.declineApp).toEqual({
      status: 'DECLINED',
      declineReason: 'We do not share directory access',
    });
    // The requester sees the reason at once (R5.2, R7.6).
    expect(await details('nina', entraRequest.id)).toMatchObject({
      status: 'DECLINED',
      apps: [{ status: 'DECLINED', declineReason: 'We do not share directory access' }],
    });
  });

  it('worked example 2: a contractor (org ADMIN) asks an external marketing manager for Email and HubSpot', async () => {
    mailRequest = await create('cora', {
      name: 'Campaign reporting',
      recipient: { name: 'Mia Marketing', email: 'MIA@brandhouse.example' },
      apps: [
        { appKey: 'email', modules: ['get-emails'] },
        { appKey: 'hubspot', modules: ['search-contacts', 'get-contact', 'create-update-contact'] },
      ],
    });
    expect(mailRequest).toMatchObject({
      status: 'INCOMPLETE',
      viewerRelation: 'REQUESTER',
      recipient: { id: null, name: 'Mia Marketing', external: true },
    });
    expect(mailRequest.apps.map((a) => [a.appKey, a.modules.map((m) => m.name)])).toEqual([
      ['email', ['Get emails']],
      ['hubspot', ['Search for Contacts', 'Get a Contact', 'Create or Update a Contact']],
    ]);
    // Not a member yet: the invitee cannot see it (R7.4).
    expect(
      codeOf(await ask('mia', 'query($id: ID!) { credentialRequest(id: $id) { id } }', { id: mailRequest.id })),
    ).toBe('NOT_FOUND');

    // R4.4: accepting the invitation (the link's token, as the mail worker derives it) makes Mia the recipient.
    const [created] = await store.readStream(streams.credentialRequest(mailRequest.id));
    const invitationId = (created.data.invitation as { invitationId: string }).invitationId;
    const secret = booted.app.get<string>(INVITATION_SECRET, { strict: false });
    const accepted = await bus.execute(
      new AcceptInvitationCommand({ token: invitationToken(secret, invitationId) }, ctx(people.mia.id)),
    );
    await booted.app.get<ProjectionRunner>(PROJECTION_RUNNER, { strict: false }).waitFor(accepted.position, 10_000);
    expect(await details('mia', mailRequest.id)).toMatchObject({
      viewerRelation: 'RECIPIENT',
      recipient: { id: people.mia.id, external: true },
      requester: { id: people.cora.id, email: people.cora.email },
    });

    // A wrong password is an answer, not an error (R13.5): INVALID with the app's text, no usable connection.
    const wrong = await authorize('mia', {
      requestId: mailRequest.id,
      appKey: 'email',
      basic: { username: 'mia', password: 'wrong-password-canary' },
    });
    expect(wrong.errors).toBeUndefined();
    expect(wrong.data?.authorizeApp).toMatchObject({ status: 'INVALID', error: 'Invalid credentials' });
    expect((await details('cora', mailRequest.id)).status).toBe('INVALID');

    const ok = await authorize('mia', {
      requestId: mailRequest.id,
      appKey: 'email',
      basic: { username: 'mia', password: GOOD_PASSWORD },
    });
    expect(ok.data?.authorizeApp).toMatchObject({
      status: 'AUTHORIZED',
      error: null,
      connection: { status: 'ACTIVE' },
    });
    // HubSpot is OAuth2: Mia declines it here (completing a grant is covered by the OAuth flow's own tests).
    expect(
      (await decline('mia', mailRequest.id, 'hubspot', 'Our HubSpot is managed by the agency')).data?.declineApp,
    ).toMatchObject({ status: 'DECLINED' });

    const view = await details('cora', mailRequest.id);
    expect(view.status).toBe('PARTIALLY_AUTHORIZED');
    expect(view.apps.map((a) => [a.appKey, a.status])).toEqual([
      ['email', 'AUTHORIZED'],
      ['hubspot', 'DECLINED'],
    ]);
    const connections = await askOk<{ requestConnections: { appKey: string; status: string; type: string }[] }>(
      'cora',
      'query($id: ID!) { requestConnections(requestId: $id) { appKey status type name } }',
      { id: mailRequest.id },
    );
    expect(connections.requestConnections).toEqual([
      expect.objectContaining({ appKey: 'email', status: 'ACTIVE', type: 'BASIC' }),
    ]);
  });

  it('shows each role its view: Sent for requester, team member, guest and org admin; Received; NOT_FOUND for outsiders (R7, R13.7)', async () => {
    const ids = (r: Awaited<ReturnType<typeof sent>>) => r.data?.sentCredentialRequests.edges.map((e) => e.node.id);
    // Newest first.
    expect(ids(await sent('nina'))).toEqual([mailRequest.id, entraRequest.id]);
    expect((await sent('tom')).data?.sentCredentialRequests.edges.map((e) => e.node.viewerRelation)).toEqual([
      'TEAM_MEMBER',
      'TEAM_MEMBER',
    ]);
    expect((await sent('owner')).data?.sentCredentialRequests.edges.map((e) => e.node.viewerRelation)).toEqual([
      'ORG_ADMIN',
      'ORG_ADMIN',
    ]);
    expect((await sent('cora')).data?.sentCredentialRequests.edges.map((e) => e.node.viewerRelation)).toEqual([
      'REQUESTER',
      'ORG_ADMIN',
    ]);
    // A team guest sees only what they sent or received (R7.1): nothing here.
    expect((await sent('gus')).data?.sentCredentialRequests).toMatchObject({ totalCount: 0, edges: [] });
    // Not in the team: NOT_FOUND like a team that does not exist (R13.4).
    expect(codeOf(await sent('otto'))).toBe('NOT_FOUND');
    expect(codeOf(await sent('stranger'))).toBe('NOT_FOUND');

    // Filters and pages (R7.1, R13.7).
    expect(ids(await sent('tom', { status: 'PARTIALLY_AUTHORIZED' }))).toEqual([mailRequest.id]);
    expect(ids(await sent('tom', { search: 'AUDIENCE' }))).toEqual([entraRequest.id]);
    const page1 = (await sent('tom', { first: 1 })).data?.sentCredentialRequests;
    expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const page2 = (await sent('tom', { first: 1, after: page1?.pageInfo.endCursor })).data?.sentCredentialRequests;
    expect(page2?.edges.map((e) => e.node.id)).toEqual([entraRequest.id]);
    expect(page2?.pageInfo.hasNextPage).toBe(false);
    const badCursor = await sent('tom', { after: 'not-a-cursor' });
    expect(codeOf(badCursor)).toBe('BAD_USER_INPUT');
    // A page's rows share their organization and team, read once per query: each caller still gets their own role.
    const whereFrom = (who: string) =>
      askOk<{
        sentCredentialRequests: {
          edges: { node: { organization: { id: string; viewerRole: string | null }; team: { id: string } } }[];
        };
      }>(
        who,
        'query($team: ID!) { sentCredentialRequests(teamId: $team) { edges { node { organization { id viewerRole } team { id } } } } }',
        { team: teamId },
      );
    for (const [who, role] of [
      ['owner', 'OWNER'],
      ['tom', 'MEMBER'],
    ] as const) {
      const rows = (await whereFrom(who)).sentCredentialRequests.edges.map((e) => e.node);
      expect(rows).toHaveLength(2);
      expect(rows).toEqual(rows.map(() => ({ organization: { id: orgId, viewerRole: role }, team: { id: teamId } })));
    }

    const received = await askOk<{
      receivedCredentialRequests: { totalCount: number; edges: { node: { id: string; viewerRelation: string } }[] };
    }>(
      'mia',
      'query($org: ID) { receivedCredentialRequests(organizationId: $org) { totalCount edges { node { id viewerRelation } } } }',
      { org: orgId },
    );
    expect(received.receivedCredentialRequests).toEqual({
      totalCount: 1,
      edges: [{ node: { id: mailRequest.id, viewerRelation: 'RECIPIENT' } }],
    });
    // The received list searches names over every page, as the sent list does (an addition to the contract).
    const receivedSearch = async (search: string) =>
      (
        await askOk<{ receivedCredentialRequests: { totalCount: number; edges: { node: { id: string } }[] } }>(
          'mia',
          'query($s: String) { receivedCredentialRequests(search: $s, first: 1) { totalCount edges { node { id } } } }',
          { s: search },
        )
      ).receivedCredentialRequests;
    expect(await receivedSearch('REPORTING')).toEqual({ totalCount: 1, edges: [{ node: { id: mailRequest.id } }] });
    expect(await receivedSearch('audience')).toEqual({ totalCount: 0, edges: [] });
    expect((await receivedSearch('%')).totalCount).toBe(0);

    // Details (R7.4): the team member and org admin see it; the guest, another team's admin and a stranger get
    // NOT_FOUND with the message of an id that does not exist.
    expect((await details('tom', entraRequest.id)).viewerRelation).toBe('TEAM_MEMBER');
    expect((await details('owner', entraRequest.id)).viewerRelation).toBe('ORG_ADMIN');
    const missing = await ask('tom', 'query($id: ID!) { credentialRequest(id: $id) { id } }', {
      id: 'no-such-request',
    });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    for (const who of ['gus', 'otto', 'stranger']) {
      const hidden = await ask(who, 'query($id: ID!) { credentialRequest(id: $id) { id } }', { id: entraRequest.id });
      expect(codeOf(hidden)).toBe('NOT_FOUND');
      expect(hidden.errors?.[0].message).toBe(missing.errors?.[0].message);
      expect(codeOf(await decline(who, entraRequest.id, 'microsoft-entra-id', 'x'))).toBe('NOT_FOUND');
    }
  });

  it('keeps the audit trail per role (R10.2, R13.4) and a verifiable history (R10.3)', async () => {
    const audit = (who: string, variables: Record<string, unknown> = {}) =>
      ask<{
        auditLog: {
          edges: { node: { action: string; appKey: string | null; requestId: string; actor: { id: string } | null } }[];
        };
      }>(
        who,
        'query($org: ID!, $team: ID, $req: ID) { auditLog(organizationId: $org, teamId: $team, requestId: $req) { edges { node { action appKey requestId actor { id name external } } } pageInfo { hasNextPage } } }',
        { org: orgId, ...variables },
      );
    const trail = (await audit('owner', { req: mailRequest.id })).data?.auditLog.edges.map((e) => e.node);
    // Newest first; who did what.
    expect(trail?.map((n) => [n.action, n.appKey, n.actor?.id])).toEqual([
      ['APP_DECLINED', 'hubspot', people.mia.id],
      ['APP_AUTHORIZED', 'email', people.mia.id],
      ['APP_AUTHORIZATION_FAILED', 'email', people.mia.id],
      ['REQUEST_CREATED', null, people.cora.id],
    ]);
    expect(codeOf(await audit('tom'))).toBe('FORBIDDEN');
    expect(codeOf(await audit('stranger'))).toBe('NOT_FOUND');
    // Otto administers Finance only: nothing of Marketing.
    expect((await audit('otto')).data?.auditLog.edges).toEqual([]);
    expect(codeOf(await audit('otto', { team: teamId }))).toBe('FORBIDDEN');

    const history = await askOk<{
      credentialRequestHistory: {
        position: string;
        revision: number;
        type: string;
        at: string;
        actor: { id: string } | null;
        data: string;
        hash: string;
      }[];
    }>(
      'owner',
      'query($id: ID!) { credentialRequestHistory(requestId: $id) { position revision type at actor { id } data hash } }',
      { id: mailRequest.id },
    );
    const events = history.credentialRequestHistory;
    expect(events.map((e) => e.type)).toEqual([
      'RequestCreated',
      'InvitationAccepted',
      'AppAuthorizationFailed',
      'AppAuthorized',
      'AppDeclined',
    ]);
    // An auditor recomputes the chain from the answer alone (R10.3).
    let prev = GENESIS_HASH;
    for (const e of events) {
      const body = canonicalJson({
        stream: `credential-request-${mailRequest.id}`,
        revision: e.revision,
        type: e.type,
        at: e.at,
        actorId: e.actor?.id ?? null,
        data: JSON.parse(e.data) as unknown,
      });
      const hash = createHash('sha256')
        .update(prev + body, 'utf8')
        .digest('hex');
      expect(e.hash).toBe(hash);
      prev = hash;
    }
    const verify = `query($id: ID!) { verifyCredentialRequestHistory(requestId: $id) { valid events firstBrokenRevision } }`;
    expect((await askOk('owner', verify, { id: mailRequest.id })).verifyCredentialRequestHistory).toEqual({
      valid: true,
      events: 5,
      firstBrokenRevision: null,
    });
    // The requester may see the request but is no auditor: FORBIDDEN; a stranger: NOT_FOUND.
    expect(codeOf(await ask('nina', verify, { id: entraRequest.id }))).toBe('FORBIDDEN');
    expect(codeOf(await ask('stranger', verify, { id: entraRequest.id }))).toBe('NOT_FOUND');
    expect(JSON.stringify(events)).not.toContain(GOOD_PASSWORD);
  });

  it('authorizes an API key app, revokes, authorizes again on the same connection, edits, deletes (R5, R9, R13.6)', async () => {
    const request = await create('nina', {
      name: 'Deals export',
      recipient: { userId: people.carlos.id },
      apps: [{ appKey: 'crm-keyed', allModules: true }],
      idempotencyKey: 'deals-export-1',
    });
    // R4.3: the same key answers the same request; another payload is CONFLICT.
    const again = await create('nina', {
      name: 'Deals export',
      recipient: { userId: people.carlos.id },
      apps: [{ appKey: 'crm-keyed', allModules: true }],
      idempotencyKey: 'deals-export-1',
    });
    expect(again.id).toBe(request.id);
    const conflict = await ask(
      'nina',
      'mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id } }',
      {
        input: {
          teamId,
          termsAccepted: true,
          name: 'Other',
          recipient: { userId: people.carlos.id },
          apps: [{ appKey: 'crm-keyed', allModules: true }],
          idempotencyKey: 'deals-export-1',
        },
      },
    );
    expect(codeOf(conflict)).toBe('CONFLICT');

    const first = await authorize('carlos', { requestId: request.id, appKey: 'crm-keyed', apiKey: GOOD_API_KEY });
    expect(first.data?.authorizeApp).toMatchObject({ status: 'AUTHORIZED', connection: { status: 'ACTIVE' } });
    const connectionId = first.data?.authorizeApp.connection?.id;

    const revoked = await askOk<{ revokeAccess: { status: string; connection: { id: string; status: string } } }>(
      'carlos',
      'mutation($r: ID!) { revokeAccess(requestId: $r, appKey: "crm-keyed") { status connection { id status } } }',
      { r: request.id },
    );
    expect(revoked.revokeAccess).toEqual({ status: 'REVOKED', connection: { id: connectionId, status: 'REVOKED' } });
    expect((await details('nina', request.id)).status).toBe('INCOMPLETE');

    const reauth = await ask(
      'nina',
      'mutation($r: ID!) { requestReauthorization(requestId: $r, appKey: "crm-keyed") { sent } }',
      { r: request.id },
    );
    expect(codeOf(reauth)).toBe('BAD_USER_INPUT');

    // A key the app refuses for a REVOKED app: CONFLICT (R5 has no REVOKED → INVALID), nothing stored, and the app's
    // own words apart in extensions.appSaid, for clients that show them at the key's field.
    const refusedAgain = await authorize('carlos', { requestId: request.id, appKey: 'crm-keyed', apiKey: 'sk-wrong' });
    expect(refusedAgain.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', appSaid: 'Invalid credentials' });
    expect((await details('nina', request.id)).status).toBe('INCOMPLETE');

    const back = await authorize('carlos', { requestId: request.id, appKey: 'crm-keyed', apiKey: GOOD_API_KEY });
    expect(back.data?.authorizeApp).toMatchObject({
      status: 'AUTHORIZED',
      connection: { id: connectionId, status: 'ACTIVE' },
    });
    const edited = await ask<{ updateCredentials: { status: string } }>(
      'carlos',
      'mutation($input: AuthorizeAppInput!) { updateCredentials(input: $input) { status } }',
      { input: { requestId: request.id, appKey: 'crm-keyed', apiKey: GOOD_API_KEY } },
    );
    expect(edited.data?.updateCredentials.status).toBe('AUTHORIZED');
    // R12.4 on an update: a date moves the end date, leaving it out (or null, as clients send for "no change") keeps
    // it, removeAccessUntil lifts it; authorizeApp has none to lift.
    const until = (extra: Record<string, unknown>) =>
      askOk<{ updateCredentials: { accessUntil: string | null } }>(
        'carlos',
        'mutation($input: AuthorizeAppInput!) { updateCredentials(input: $input) { accessUntil } }',
        { input: { requestId: request.id, appKey: 'crm-keyed', apiKey: GOOD_API_KEY, ...extra } },
      );
    const end = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect((await until({ accessUntil: end })).updateCredentials.accessUntil).toBe(end);
    expect((await until({})).updateCredentials.accessUntil).toBe(end);
    expect((await until({ accessUntil: null })).updateCredentials.accessUntil).toBe(end);
    expect((await until({ removeAccessUntil: true })).updateCredentials.accessUntil).toBeNull();
    const both = await ask(
      'carlos',
      'mutation($input: AuthorizeAppInput!) { updateCredentials(input: $input) { status } }',
      {
        input: {
          requestId: request.id,
          appKey: 'crm-keyed',
          apiKey: GOOD_API_KEY,
          accessUntil: end,
          removeAccessUntil: true,
        },
      },
    );
    expect(both.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.removeAccessUntil' }],
    });
    const lift = await ask(
      'carlos',
      'mutation($input: AuthorizeAppInput!) { authorizeApp(input: $input) { status } }',
      {
        input: { requestId: request.id, appKey: 'crm-keyed', apiKey: GOOD_API_KEY, removeAccessUntil: true },
      },
    );
    expect(lift.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.removeAccessUntil' }],
    });
    // An update the app refuses keeps the working key; the app's words are the field's message and appSaid. The
    // service's own sentence for a missing key carries no appSaid.
    const update = 'mutation($input: AuthorizeAppInput!) { updateCredentials(input: $input) { status } }';
    const refusedUpdate = await ask('carlos', update, {
      input: { requestId: request.id, appKey: 'crm-keyed', apiKey: 'sk-wrong' },
    });
    expect(refusedUpdate.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.apiKey', message: 'Invalid credentials' }],
      appSaid: 'Invalid credentials',
    });
    const missing = await ask('carlos', update, { input: { requestId: request.id, appKey: 'crm-keyed' } });
    expect(missing.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.apiKey', message: 'An API key is required for this app.' }],
    });
    expect((await details('nina', request.id)).status).toBe('AUTHORIZED');

    // Tom may see it but not delete it (R9.1): FORBIDDEN.
    const del =
      'mutation($id: ID!) { deleteCredentialRequest(id: $id) { id removedConnections { id status appKey } } }';
    expect(codeOf(await ask('tom', del, { id: request.id }))).toBe('FORBIDDEN');
    const deleted = await askOk<{
      deleteCredentialRequest: { id: string; removedConnections: { id: string; status: string }[] };
    }>('nina', del, { id: request.id });
    expect(deleted.deleteCredentialRequest).toEqual({
      id: request.id,
      removedConnections: [{ id: connectionId, status: 'DELETED', appKey: 'crm-keyed' }],
    });
    // Gone from details and lists at once (R7.5, R7.6); the history stays for auditors (R10.3).
    expect(codeOf(await ask('nina', 'query($id: ID!) { credentialRequest(id: $id) { id } }', { id: request.id }))).toBe(
      'NOT_FOUND',
    );
    expect((await sent('nina')).data?.sentCredentialRequests.edges.map((e) => e.node.id)).not.toContain(request.id);
    const history = await askOk<{ credentialRequestHistory: { type: string }[] }>(
      'owner',
      'query($id: ID!) { credentialRequestHistory(requestId: $id) { type } }',
      { id: request.id },
    );
    expect(history.credentialRequestHistory.at(-1)?.type).toBe('RequestDeleted');
    expect(
      codeOf(
        await ask('nina', 'query($id: ID!) { credentialRequestHistory(requestId: $id) { type } }', { id: request.id }),
      ),
    ).toBe('NOT_FOUND');

    // No secret anywhere: not in the logs either (R8.1).
    expect(logs.text()).not.toContain(GOOD_API_KEY);
    expect(logs.text()).not.toContain(GOOD_PASSWORD);
    expect(verifier.calls.length).toBeGreaterThan(0);
  });

  it('pushes an update over graphql-ws after a decline (R12.7), and refuses an outsider', async () => {
    const request = await create('nina', {
      name: 'Live request',
      recipient: { userId: people.carlos.id },
      apps: [{ appKey: 'crm-keyed', modules: ['list-deals'] }],
    });
    type Update = { data?: { credentialRequestUpdated: RequestView }; errors?: { extensions?: { code?: string } }[] };
    const subscribe = (who: string) => {
      const client: Client = createClient({
        url: booted.url.replace(/^http/, 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${people[who].token}` },
        retryAttempts: 0,
      });
      const received: Update[] = [];
      const waiters: (() => void)[] = [];
      client.subscribe(
        {
          query: `subscription($id: ID!) { credentialRequestUpdated(id: $id) {
            id status viewerRelation team { viewerRole } apps { appKey status declineReason } } }`,
          variables: { id: request.id },
        },
        {
          next: (value) => {
            received.push(value as Update);
            waiters.splice(0).forEach((w) => w());
          },
          error: (error: unknown) => {
            received.push({ errors: (Array.isArray(error) ? error : [{ extensions: { code: 'SOCKET' } }]) as never });
            waiters.splice(0).forEach((w) => w());
          },
          complete: () => undefined,
        },
      );
      /** Resolves with the n-th message (1-based) once it has arrived. */
      const nth = async (n: number): Promise<Update> => {
        while (received.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
        return received[n - 1];
      };
      return { client, nth };
    };
    // Issue 12: with nobody listening the gateway reads no events for live updates; a refused probe starts nothing.
    const updates = booted.app.get(RequestUpdates, { strict: false });
    await updates.settled();
    expect(updates.subscribed).toBe(false);
    const outsider = subscribe('stranger');
    expect((await outsider.nth(1)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await outsider.client.dispose();
    expect(updates.subscribed).toBe(false);

    const watcher = subscribe('tom');
    // The first message is the request as it is now: from then on the subscription is live, no race with the decline.
    expect((await watcher.nth(1)).data?.credentialRequestUpdated).toMatchObject({ status: 'INCOMPLETE' });
    expect(updates.subscribed).toBe(true);
    expect((await watcher.nth(1)).data?.credentialRequestUpdated).toMatchObject({ team: { viewerRole: 'MEMBER' } });
    // Tom becomes the team's admin while he watches: the next push says so (not the role read for the first one).
    await askOk('owner', 'mutation($t: ID!, $u: ID!) { changeTeamRole(teamId: $t, userId: $u, role: ADMIN) { id } }', {
      t: teamId,
      u: people.tom.id,
    });
    await decline('carlos', request.id, 'crm-keyed', 'Not for this project');
    // Wait for the update that shows the decline: each message is the request as the read models had it when
    // published, so the test does not depend on how many messages a loaded machine produces before that one.
    let n = 2;
    let update = await watcher.nth(n);
    while (update.data?.credentialRequestUpdated.status === 'INCOMPLETE') update = await watcher.nth(++n);
    expect(update.data?.credentialRequestUpdated).toEqual({
      id: request.id,
      status: 'DECLINED',
      viewerRelation: 'TEAM_MEMBER',
      team: { viewerRole: 'ADMIN' },
      apps: [{ appKey: 'crm-keyed', status: 'DECLINED', declineReason: 'Not for this project' }],
    });
    await askOk('owner', 'mutation($t: ID!, $u: ID!) { changeTeamRole(teamId: $t, userId: $u, role: MEMBER) { id } }', {
      t: teamId,
      u: people.tom.id,
    });
    await watcher.client.dispose();
    // The last listener gone, the event subscription stops (the socket's close reaches the server a moment later).
    for (let i = 0; i < 100 && updates.subscribed; i++) await new Promise((r) => setTimeout(r, 50));
    await updates.settled();
    expect(updates.subscribed).toBe(false);
  });
});
