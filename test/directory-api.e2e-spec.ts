import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CreateCredentialRequestCommand, INVITATION_SECRET } from '@libs/application';
import { Catalog } from '@libs/catalog';
import { invitationToken } from '@libs/invitations';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@projections';
import { codeOf, gql, gqlOk, seedDirectory, tokenFor, type SeededDirectory, type TestUser } from './support/api';
import { bootApp, type BootedApp } from './support/app';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl } from './support/redis';

const secret = 'directory-api-test-secret-0123456789abcdef';

const ORG_FIELDS = 'id name plan partner viewerRole';
const TEAM_QUERY = `query($id: ID!) { team(id: $id) { id name organization { id name }
  members { user { id email name credentialRequestsEnabled } teamRole orgRole credentialRequestsEnabled } } }`;
const USER_FIELDS = 'id name email credentialRequestsEnabled credentialRequestsApplication';

describe('directory API over HTTP (SPEC §1, §2, R4.4, R12.6, §13)', () => {
  const logs = captureLogs('debug');
  let db: TestDatabase;
  let booted: BootedApp;
  let dir: SeededDirectory;
  let url: string;
  const as = (user: { token: string }, query: string, variables?: Record<string, unknown>) =>
    gql(url, user.token, query, variables);
  const signIn = async (user: TestUser) => ({ ...user, token: await tokenFor(secret, user) });

  beforeAll(async () => {
    db = await createTestDatabase('dir_api');
    booted = await bootApp({ REDIS_URL: redisUrl, DATABASE_URL: db.url, AUTH_JWT_SECRET: secret }, logs.logger);
    url = booted.url;
    dir = await seedDirectory(url, secret);
  });
  afterAll(async () => {
    await booted?.close();
    await db?.drop();
  });

  describe('identity (R1.2, R13.2)', () => {
    it('provisions the user on the first call, with the lower-cased e-mail and the token name', async () => {
      const ana = await signIn({ sub: 'sub-ana', email: 'Ana@Corp-Identity.Example', name: 'Ana Lima' });
      const data = await gqlOk<{ me: Record<string, unknown> }>(url, ana.token, `{ me { ${USER_FIELDS} } }`);
      expect(data.me).toEqual({
        id: expect.any(String),
        name: 'Ana Lima',
        email: 'ana@corp-identity.example',
        credentialRequestsEnabled: false,
        credentialRequestsApplication: 'NONE',
      });
      // Same e-mail, another subject: someone else claiming the account.
      const impostor = await signIn({ sub: 'sub-other', email: 'ana@corp-identity.example', name: 'Not Ana' });
      const res = await as(impostor, '{ me { id } }');
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
    });

    it('answers UNAUTHENTICATED without a token', async () => {
      expect(codeOf(await gql(url, undefined, '{ organizations { id } }'))).toBe('UNAUTHENTICATED');
    });
  });

  describe('organizations (R13.1)', () => {
    it('gives a non-support creator FREE and partner false, whatever the input says, and makes them OWNER', async () => {
      const res = await as(
        dir.member,
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${ORG_FIELDS} teams { id } } }`,
        { input: { name: '  Side Project  ', plan: 'ENTERPRISE', partner: true } },
      );
      expect(res.errors).toBeUndefined();
      const org = (res.data as { createOrganization: Record<string, unknown> }).createOrganization;
      expect(org).toEqual({
        id: expect.any(String),
        name: 'Side Project',
        plan: 'FREE',
        partner: false,
        viewerRole: 'OWNER',
        teams: [],
      });
      // The answer equals what a query returns afterwards.
      const listed = await gqlOk<{ organizations: Record<string, unknown>[] }>(
        url,
        dir.member.token,
        `{ organizations { ${ORG_FIELDS} teams { id } } }`,
      );
      expect(listed.organizations).toContainEqual(org);
    });

    it('honours plan and partner for support staff, and only support staff change plans', async () => {
      const created = await gqlOk<{ createOrganization: Record<string, unknown> }>(
        url,
        dir.support.token,
        `mutation { createOrganization(input: { name: "Partner Co", plan: PRO, partner: true }) { ${ORG_FIELDS} } }`,
      );
      expect(created.createOrganization).toMatchObject({ plan: 'PRO', partner: true, viewerRole: 'OWNER' });

      const change = `mutation($id: ID!, $plan: Plan!, $partner: Boolean) {
        changeOrganizationPlan(organizationId: $id, plan: $plan, partner: $partner) { ${ORG_FIELDS} } }`;
      const refused = await as(dir.owner, change, { id: dir.organizationId, plan: 'FREE' });
      expect(codeOf(refused)).toBe('FORBIDDEN');
      const changed = await as(dir.support, change, { id: dir.organizationId, plan: 'TEAMS', partner: true });
      expect(changed.errors).toBeUndefined();
      expect(changed.data).toEqual({
        changeOrganizationPlan: {
          id: dir.organizationId,
          name: expect.any(String),
          plan: 'TEAMS',
          partner: true,
          viewerRole: null,
        },
      });
      // partner omitted keeps the flag.
      const back = await as(dir.support, change, { id: dir.organizationId, plan: 'ENTERPRISE' });
      expect(back.data).toMatchObject({ changeOrganizationPlan: { plan: 'ENTERPRISE', partner: true } });
    });

    it('answers null for organization(id) and team(id) of a non-member, as for an unknown id (R13.4)', async () => {
      const orgQuery = `query($id: ID!) { organization(id: $id) { ${ORG_FIELDS} } }`;
      expect(await as(dir.stranger, orgQuery, { id: dir.organizationId })).toMatchObject({
        data: { organization: null },
      });
      expect(await as(dir.stranger, TEAM_QUERY, { id: dir.teamId })).toMatchObject({ data: { team: null } });
      expect(await as(dir.owner, orgQuery, { id: 'no-such-org' })).toMatchObject({ data: { organization: null } });
      expect(await as(dir.owner, TEAM_QUERY, { id: 'no-such-team' })).toMatchObject({ data: { team: null } });
      // Support staff are not members either.
      expect(await as(dir.support, orgQuery, { id: dir.organizationId })).toMatchObject({
        data: { organization: null },
      });
    });

    it('shows a member the organization with their role and its teams', async () => {
      const data = await gqlOk<{ organization: Record<string, unknown> }>(
        url,
        dir.outsider.token,
        `query($id: ID!) { organization(id: $id) { id viewerRole teams { id name organization { id } } } }`,
        { id: dir.organizationId },
      );
      expect(data.organization).toEqual({
        id: dir.organizationId,
        viewerRole: 'MEMBER',
        teams: [{ id: dir.teamId, name: expect.any(String), organization: { id: dir.organizationId } }],
      });
    });
  });

  describe('teams and members (R1.1, R2.4, R13.3)', () => {
    it('lets only org OWNER/ADMIN create teams; the creator becomes team ADMIN', async () => {
      const create =
        'mutation($org: ID!, $name: String!) { createTeam(organizationId: $org, name: $name) { id name } }';
      expect(codeOf(await as(dir.member, create, { org: dir.organizationId, name: 'Rogue' }))).toBe('FORBIDDEN');
      expect(codeOf(await as(dir.stranger, create, { org: dir.organizationId, name: 'Rogue' }))).toMatch(
        /FORBIDDEN|NOT_FOUND/,
      );

      const blank = await as(dir.owner, create, { org: dir.organizationId, name: '   ' });
      expect(codeOf(blank)).toBe('BAD_USER_INPUT');
      expect(blank.errors?.[0].extensions.fields).toEqual([{ path: 'name', message: expect.any(String) }]);

      const made = await gqlOk<{ createTeam: { id: string; name: string } }>(url, dir.owner.token, create, {
        org: dir.organizationId,
        name: ' Platform ',
      });
      expect(made.createTeam.name).toBe('Platform');
      const team = await gqlOk<{ team: { members: { user: { id: string }; teamRole: string; orgRole: string }[] } }>(
        url,
        dir.owner.token,
        TEAM_QUERY,
        { id: made.createTeam.id },
      );
      expect(team.team.members).toEqual([
        expect.objectContaining({
          user: expect.objectContaining({ id: dir.owner.id }),
          teamRole: 'ADMIN',
          orgRole: 'OWNER',
        }),
      ]);
    });

    it('addOrganizationMember creates the user record, which the first sign-in then binds (R13.2)', async () => {
      const add = `mutation($org: ID!, $email: String!, $name: String!, $role: OrgRole!) {
        addOrganizationMember(organizationId: $org, email: $email, name: $name, role: $role) { ${USER_FIELDS} } }`;
      const res = await as(dir.owner, add, {
        org: dir.organizationId,
        email: 'New.Hire@Corp-New.Example',
        name: 'New Hire',
        role: 'ADMIN',
      });
      expect(res.errors).toBeUndefined();
      const user = (res.data as { addOrganizationMember: { id: string } }).addOrganizationMember;
      expect(user).toEqual({
        id: expect.any(String),
        name: 'New Hire',
        email: 'new.hire@corp-new.example',
        credentialRequestsEnabled: false,
        credentialRequestsApplication: 'NONE',
      });
      const hire = await signIn({ sub: 'sub-new-hire', email: 'new.hire@corp-new.example', name: 'Hire, New' });
      const me = await gqlOk<{ me: { id: string; name: string } }>(url, hire.token, '{ me { id name } }');
      expect(me.me).toEqual({ id: user.id, name: 'Hire, New' });
      const orgs = await gqlOk<{ organizations: { id: string; viewerRole: string }[] }>(
        url,
        hire.token,
        '{ organizations { id viewerRole } }',
      );
      expect(orgs.organizations).toEqual([{ id: dir.organizationId, viewerRole: 'ADMIN' }]);

      const invalid = await as(dir.owner, add, { org: dir.organizationId, email: 'nope', name: '', role: 'MEMBER' });
      expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
      expect(invalid.errors?.[0].extensions.fields?.map((f) => f.path).sort()).toEqual(['email', 'name']);
      expect(
        codeOf(
          await as(dir.member, add, { org: dir.organizationId, email: 'x@corp.example', name: 'X', role: 'MEMBER' }),
        ),
      ).toBe('FORBIDDEN');
    });

    it('refuses to add a non-member of the organization to a team (BAD_USER_INPUT with fields)', async () => {
      const res = await as(
        dir.owner,
        'mutation($team: ID!, $user: ID!) { addTeamMember(teamId: $team, userId: $user, role: MEMBER) { id } }',
        { team: dir.teamId, user: dir.stranger.id },
      );
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([
        { path: expect.stringMatching(/userId/), message: expect.any(String) },
      ]);
    });

    it('adds an org member to a team and answers the team as team(id) shows it', async () => {
      const res = await gqlOk<{ addTeamMember: unknown }>(
        url,
        dir.owner.token,
        `mutation($team: ID!, $user: ID!) { addTeamMember(teamId: $team, userId: $user, role: GUEST) {
           id name organization { id name }
           members { user { id email name credentialRequestsEnabled } teamRole orgRole credentialRequestsEnabled } } }`,
        { team: dir.teamId, user: dir.outsider.id },
      );
      const after = await gqlOk<{ team: unknown }>(url, dir.member.token, TEAM_QUERY, { id: dir.teamId });
      expect(res.addTeamMember).toEqual(after.team);
      const members = (after.team as { members: { user: { id: string }; teamRole: string; orgRole: string }[] })
        .members;
      expect(members.map((m) => [m.user.id, m.teamRole, m.orgRole]).sort()).toEqual(
        [
          [dir.owner.id, 'ADMIN', 'OWNER'],
          [dir.member.id, 'MEMBER', 'MEMBER'],
          [dir.outsider.id, 'GUEST', 'MEMBER'],
        ].sort(),
      );
    });
  });

  describe('feature application (R2.1, R2.4, R13.8)', () => {
    const apply = `mutation { applyForCredentialRequests { ${USER_FIELDS} } }`;
    const review = `mutation($id: ID!, $approve: Boolean!) {
      reviewCredentialRequestsApplication(userId: $id, approve: $approve) { ${USER_FIELDS} } }`;

    it('applies (PENDING), refuses review by non-support, NOT_ELIGIBLE leaves PENDING, approval enables', async () => {
      const applied = await gqlOk<{ applyForCredentialRequests: Record<string, unknown> }>(
        url,
        dir.member.token,
        apply,
      );
      expect(applied.applyForCredentialRequests).toMatchObject({
        id: dir.member.id,
        credentialRequestsApplication: 'PENDING',
        credentialRequestsEnabled: false,
      });
      expect(codeOf(await as(dir.owner, review, { id: dir.member.id, approve: true }))).toBe('FORBIDDEN');

      // A verified corporate user whose only organization is FREE: not eligible.
      const solo = await signIn({ sub: 'sub-solo', email: 'solo@corp-solo.example', name: 'Solo' });
      await gqlOk(url, solo.token, 'mutation { createOrganization(input: { name: "Solo Org" }) { id } }');
      const soloUser = await gqlOk<{ applyForCredentialRequests: { id: string } }>(url, solo.token, apply);
      const refused = await as(dir.support, review, { id: soloUser.applyForCredentialRequests.id, approve: true });
      expect(codeOf(refused)).toBe('NOT_ELIGIBLE');
      const soloMe = await gqlOk<{ me: Record<string, unknown> }>(url, solo.token, `{ me { ${USER_FIELDS} } }`);
      expect(soloMe.me).toMatchObject({ credentialRequestsApplication: 'PENDING', credentialRequestsEnabled: false });

      // dir's organization is ENTERPRISE (seed) and the e-mail corporate and verified.
      const approved = await as(dir.support, review, { id: dir.member.id, approve: true });
      expect(approved.errors).toBeUndefined();
      expect(approved.data).toMatchObject({
        reviewCredentialRequestsApplication: {
          credentialRequestsApplication: 'APPROVED',
          credentialRequestsEnabled: true,
        },
      });
      const team = await gqlOk<{
        team: {
          members: { user: { id: string; credentialRequestsEnabled: boolean }; credentialRequestsEnabled: boolean }[];
        };
      }>(url, dir.owner.token, TEAM_QUERY, { id: dir.teamId });
      const enabled = Object.fromEntries(team.team.members.map((m) => [m.user.id, m.credentialRequestsEnabled]));
      expect(enabled).toEqual({ [dir.owner.id]: false, [dir.member.id]: true, [dir.outsider.id]: false });
      expect(team.team.members.every((m) => m.user.credentialRequestsEnabled === m.credentialRequestsEnabled)).toBe(
        true,
      );
    });

    it('rejects with approve: false, and applying again after REJECTED is PENDING', async () => {
      await gqlOk(url, dir.outsider.token, apply);
      const rejected = await gqlOk<{ reviewCredentialRequestsApplication: Record<string, unknown> }>(
        url,
        dir.support.token,
        review,
        { id: dir.outsider.id, approve: false },
      );
      expect(rejected.reviewCredentialRequestsApplication).toMatchObject({ credentialRequestsApplication: 'REJECTED' });
      const again = await gqlOk<{ applyForCredentialRequests: Record<string, unknown> }>(
        url,
        dir.outsider.token,
        apply,
      );
      expect(again.applyForCredentialRequests).toMatchObject({ credentialRequestsApplication: 'PENDING' });
    });
  });

  describe('webhooks (R12.6, R13.3)', () => {
    const register =
      'mutation($team: ID!, $url: String!) { registerWebhook(teamId: $team, url: $url) { id url signingSecret } }';
    const remove = 'mutation($id: ID!) { deleteWebhook(id: $id) }';

    it.each([
      ['plain http', 'http://93.184.216.34/hook'],
      ['a loopback address', 'https://127.0.0.1/hook'],
      ['localhost', 'https://localhost/hook'],
      ['a private address', 'https://10.1.2.3/hook'],
      ['an IPv6 loopback', 'https://[::1]/hook'],
      ['not a URL', 'hook'],
      // The probe's spellings (issue 11): IPv4 inside IPv6, special IPv4 ranges, other notations (R13.3).
      ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook'],
      ['IPv4-mapped loopback, hex', 'https://[::ffff:7f00:1]/hook'],
      ['IPv4-compatible loopback', 'https://[::127.0.0.1]/hook'],
      ['IPv4-mapped metadata', 'https://[::ffff:169.254.169.254]/hook'],
      ['NAT64 loopback', 'https://[64:ff9b::7f00:1]/hook'],
      ['NAT64 metadata', 'https://[64:ff9b::a9fe:a9fe]/hook'],
      ['6to4 loopback', 'https://[2002:7f00:1::1]/hook'],
      ['6to4 private', 'https://[2002:a00:1::]/hook'],
      ['Teredo', 'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook'],
      ['benchmarking 198.18.0.0/15', 'https://198.18.0.1/hook'],
      ['benchmarking, upper half', 'https://198.19.255.254/hook'],
      ['IETF protocol assignments 192.0.0.0/24', 'https://192.0.0.170/hook'],
      ['cloud metadata', 'https://169.254.169.254/latest'],
      ['carrier-grade NAT', 'https://100.64.0.1/hook'],
      ['unspecified', 'https://0.0.0.0/hook'],
      ['decimal loopback', 'https://2130706433/hook'],
      ['hex loopback', 'https://0x7f.1/hook'],
      ['broadcast', 'https://255.255.255.255/hook'],
      ['multicast', 'https://224.0.0.1/hook'],
      ['IPv6 link-local', 'https://[fe80::1]/hook'],
      ['IPv6 unique-local', 'https://[fd00::1]/hook'],
      ['IPv6 unspecified', 'https://[::]/hook'],
      ['a *.localhost name', 'https://api.localhost/hook'],
    ])('refuses %s with BAD_USER_INPUT on url', async (_label, target) => {
      const res = await as(dir.owner, register, { team: dir.teamId, url: target });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([{ path: 'url', message: expect.any(String) }]);
    });

    it('registers for org OWNER/ADMIN or team ADMIN, shows the secret once, and deletes', async () => {
      expect(codeOf(await as(dir.member, register, { team: dir.teamId, url: 'https://93.184.216.34/hook' }))).toBe(
        'FORBIDDEN',
      );
      expect(codeOf(await as(dir.stranger, register, { team: dir.teamId, url: 'https://93.184.216.34/hook' }))).toBe(
        'NOT_FOUND',
      );
      const res = await gqlOk<{ registerWebhook: { id: string; url: string; signingSecret: string } }>(
        url,
        dir.owner.token,
        register,
        { team: dir.teamId, url: 'https://93.184.216.34/hook' },
      );
      expect(res.registerWebhook).toEqual({
        id: expect.any(String),
        url: 'https://93.184.216.34/hook',
        signingSecret: expect.stringMatching(/^whsec_.{20,}/),
      });
      const { id, signingSecret } = res.registerWebhook;
      expect(logs.text()).not.toContain(signingSecret);

      expect(codeOf(await as(dir.stranger, remove, { id }))).toBe('NOT_FOUND');
      expect(codeOf(await as(dir.member, remove, { id }))).toBe('FORBIDDEN');
      expect(await as(dir.owner, remove, { id })).toMatchObject({ data: { deleteWebhook: true } });
      const again = await as(dir.owner, remove, { id });
      expect(codeOf(again)).toBe('NOT_FOUND');
      expect(again.errors?.[0].message).toBe((await as(dir.owner, remove, { id: 'wh_unknown' })).errors?.[0].message);
    });
  });

  it('lists the app catalog (apps)', async () => {
    const data = await gqlOk<{
      apps: {
        key: string;
        name: string;
        versions: { version: number; connectionType: string; modules: { key: string; scopes: string[] }[] }[];
      }[];
    }>(url, dir.member.token, '{ apps { key name versions { version connectionType modules { key name scopes } } } }');
    const catalog = Catalog.load({});
    expect(data.apps.map((a) => a.key)).toEqual(catalog.apps().map((a) => a.key));
    const hubspot = data.apps.find((a) => a.key === 'hubspot');
    expect(hubspot?.versions.map((v) => v.version)).toEqual(catalog.app('hubspot')?.versions.map((v) => v.version));
    expect(hubspot?.versions[0].modules[0].scopes).toEqual(catalog.app('hubspot')?.versions[0].modules[0].scopes);
  });

  it('answers NOT_FOUND for an unknown invitation token (R13.4)', async () => {
    const res = await as(dir.stranger, 'mutation { acceptInvitation(token: "no-such-token") { requestId } }');
    expect(codeOf(res)).toBe('NOT_FOUND');
  });

  it('accepts an invitation: org and team GUEST, recipient of the request; twice is harmless (R4.4)', async () => {
    const approve = 'mutation($id: ID!) { reviewCredentialRequestsApplication(userId: $id, approve: true) { id } }';
    await gqlOk(url, dir.owner.token, 'mutation { applyForCredentialRequests { id } }');
    await gqlOk(url, dir.support.token, approve, { id: dir.owner.id });
    // createCredentialRequest's resolver belongs to another use case: the command goes straight to the bus here.
    const created = await booted.app.get(CommandBus).execute(
      new CreateCredentialRequestCommand(
        {
          teamId: dir.teamId,
          name: 'Keys for the pilot',
          recipient: { name: 'Eve Extern', email: 'Eve@Partner-Invite.Example' },
          apps: [{ appKey: 'openai', allModules: true }],
          termsAccepted: true,
        },
        { actor: { userId: dir.owner.id, isSupport: false }, correlationId: randomUUID(), causationId: null },
      ),
    );
    await booted.app.get<symbol, ProjectionRunner>(PROJECTION_RUNNER).waitFor(created.position, 10_000);
    const sql = new Client({ connectionString: db.url });
    sql.on('error', (error) => console.warn(`directory test client: ${error.message}`));
    let invitationId: string;
    try {
      await sql.connect();
      [{ invitation_id: invitationId }] = (
        await sql.query<{ invitation_id: string }>('SELECT invitation_id FROM read.requests WHERE id = $1', [
          created.requestId,
        ])
      ).rows;
    } finally {
      await sql.end();
    }
    const token = invitationToken(booted.app.get<symbol, string>(INVITATION_SECRET, { strict: false }), invitationId);
    const accept = `mutation($token: String!) { acceptInvitation(token: $token) {
      requestId organization { id viewerRole } team { id members { user { email } teamRole orgRole } } } }`;

    const wrong = await as(dir.stranger, accept, { token });
    expect(codeOf(wrong)).toBe('FORBIDDEN');

    const eve = await signIn({ sub: 'sub-eve', email: 'eve@partner-invite.example', name: 'Eve' });
    const first = await as(eve, accept, { token });
    expect(first.errors).toBeUndefined();
    expect(first.data).toMatchObject({
      acceptInvitation: {
        requestId: created.requestId,
        organization: { id: dir.organizationId, viewerRole: 'GUEST' },
        team: { id: dir.teamId },
      },
    });
    const members = (first.data as { acceptInvitation: { team: { members: Record<string, unknown>[] } } })
      .acceptInvitation.team.members;
    expect(members).toContainEqual({
      user: { email: 'eve@partner-invite.example' },
      teamRole: 'GUEST',
      orgRole: 'GUEST',
    });
    const second = await as(eve, accept, { token });
    expect(second.data).toEqual(first.data);
  });
});
