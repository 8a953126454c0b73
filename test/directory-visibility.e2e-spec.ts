import { Client } from 'pg';
import { INVITATION_SECRET } from '@libs/application';
import { invitationToken } from '@libs/invitations';
import { gql, gqlOk, seedDirectory, tokenFor, type SeededDirectory, type SeededUser } from './support/api';
import { bootApp, type BootedApp } from './support/app';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl, uniquePrefix } from './support/redis';

const secret = 'directory-visibility-secret-0123456789abcdef';
const MEMBER_FIELDS = 'members { user { id email name } teamRole orgRole }';

interface TeamView {
  id: string;
  members?: { user: { id: string; email: string } }[];
}

/**
 * R13.11 (issue 11 item 6): the role matrix of every directory field — Organization.teams, Team.members,
 * Team.organization, Query.team, Query.organization(s) — for owner, member, org member outside the team, org GUEST
 * (an outside recipient after accepting), non-member and support staff.
 */
describe('directory visibility by role (R13.11, R2.4, R13.4)', () => {
  const logs = captureLogs('info');
  let db: TestDatabase;
  let app: BootedApp;
  let dir: SeededDirectory;
  let guest: SeededUser;
  let otherTeamId: string;
  const ask = (user: { token: string }, query: string, variables?: Record<string, unknown>) =>
    gql(app.url, user.token, query, variables);

  beforeAll(async () => {
    db = await createTestDatabase('dir_visibility');
    app = await bootApp(
      {
        DATABASE_URL: db.url,
        REDIS_URL: redisUrl,
        BULL_PREFIX: uniquePrefix('dirvis'),
        AUTH_JWT_SECRET: secret,
        // The probes walk the schema's cycles (team → organization → teams → members …), which the default cost
        // limit refuses before they run (R13.12, test/query-limits): here they must run, to show what a guest sees.
        GRAPHQL_MAX_COST: '100000000',
      },
      logs.logger,
    );
    dir = await seedDirectory(app.url, secret, { enableFeature: true });
    // A second team, with the outsider in it: a guest must not see it.
    otherTeamId = (
      await gqlOk<{ createTeam: { id: string } }>(
        app.url,
        dir.owner.token,
        'mutation($org: ID!) { createTeam(organizationId: $org, name: "Finance") { id } }',
        { org: dir.organizationId },
      )
    ).createTeam.id;
    await gqlOk(
      app.url,
      dir.owner.token,
      'mutation($team: ID!, $user: ID!) { addTeamMember(teamId: $team, userId: $user, role: MEMBER) { id } }',
      { team: otherTeamId, user: dir.outsider.id },
    );
    // The owner asks an outside person; the person accepts and becomes org and team GUEST (R4.4).
    const created = await gqlOk<{ createCredentialRequest: { id: string } }>(
      app.url,
      dir.owner.token,
      'mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id } }',
      {
        input: {
          teamId: dir.teamId,
          termsAccepted: true,
          name: 'Mail for the pilot',
          recipient: { name: 'Gina Guest', email: 'gina@guest-agency.example' },
          apps: [{ appKey: 'email', modules: ['get-emails'] }],
        },
      },
    );
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    const { rows } = await sql.query<{ invitation_id: string }>(
      'SELECT invitation_id FROM read.requests WHERE id = $1',
      [created.createCredentialRequest.id],
    );
    await sql.end();
    const base = { sub: 'sub-gina', email: 'gina@guest-agency.example', name: 'Gina Guest' };
    const token = await tokenFor(secret, base);
    const me = await gqlOk<{ me: { id: string } }>(app.url, token, '{ me { id } }');
    guest = { ...base, id: me.me.id, token };
    const invitation = invitationToken(
      app.app.get<string>(INVITATION_SECRET, { strict: false }),
      rows[0].invitation_id,
    );
    await gqlOk(app.url, token, 'mutation($t: String!) { acceptInvitation(token: $t) { requestId } }', {
      t: invitation,
    });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const ids = (teams: TeamView[]) => teams.map((t) => t.id).sort();
  const emails = (team: TeamView | null | undefined) => (team?.members ?? []).map((m) => m.user.email).sort();

  it('Query.organizations › teams: all teams for members, only their own teams for a guest', async () => {
    const query = `{ organizations { id viewerRole teams { id } } }`;
    for (const user of [dir.owner, dir.member, dir.outsider]) {
      const data = await gqlOk<{ organizations: { teams: TeamView[] }[] }>(app.url, user.token, query);
      expect(ids(data.organizations[0].teams)).toEqual([dir.teamId, otherTeamId].sort());
    }
    const asGuest = await gqlOk<{ organizations: { viewerRole: string; teams: TeamView[] }[] }>(
      app.url,
      guest.token,
      query,
    );
    expect(asGuest.organizations).toEqual([
      { id: dir.organizationId, viewerRole: 'GUEST', teams: [{ id: dir.teamId }] },
    ]);
    expect((await gqlOk<{ organizations: unknown[] }>(app.url, dir.stranger.token, query)).organizations).toEqual([]);
  });

  it('Query.organization › teams › members: a guest sees themselves and the people on their requests only', async () => {
    const query = `query($id: ID!) { organization(id: $id) { teams { id ${MEMBER_FIELDS} } } }`;
    const asOwner = await ask(dir.owner, query, { id: dir.organizationId });
    const ownerTeams = (asOwner.data as { organization: { teams: TeamView[] } }).organization.teams;
    expect(emails(ownerTeams.find((t) => t.id === dir.teamId))).toEqual(
      [dir.owner.email, dir.member.email, guest.email].sort(),
    );

    const asGuest = await ask(guest, query, { id: dir.organizationId });
    expect(asGuest.errors).toBeUndefined();
    const guestTeams = (asGuest.data as { organization: { teams: TeamView[] } }).organization.teams;
    expect(ids(guestTeams)).toEqual([dir.teamId]);
    expect(emails(guestTeams[0])).toEqual([dir.owner.email, guest.email].sort());
    // Never the organization's other members or their e-mails.
    expect(JSON.stringify(asGuest)).not.toContain(dir.member.email);
    expect(JSON.stringify(asGuest)).not.toContain(dir.outsider.email);
    expect(JSON.stringify(asGuest)).not.toContain(dir.member.id);

    for (const user of [dir.stranger, dir.support]) {
      expect((await ask(user, query, { id: dir.organizationId })).data).toEqual({ organization: null });
    }
  });

  it('Query.team: null for a guest outside the team (as for an unknown id), members filtered inside it', async () => {
    const query = `query($id: ID!) { team(id: $id) { id ${MEMBER_FIELDS} } }`;
    expect((await ask(guest, query, { id: otherTeamId })).data).toEqual({ team: null });
    expect((await ask(dir.outsider, query, { id: otherTeamId })).data).toMatchObject({ team: { id: otherTeamId } });
    // R2.4: a team member sees every member; an org member outside the team too (R13.4 lets them open it).
    for (const user of [dir.owner, dir.member, dir.outsider]) {
      const team = ((await ask(user, query, { id: dir.teamId })).data as { team: TeamView }).team;
      expect(emails(team)).toEqual([dir.owner.email, dir.member.email, guest.email].sort());
    }
    const asGuest = ((await ask(guest, query, { id: dir.teamId })).data as { team: TeamView }).team;
    expect(emails(asGuest)).toEqual([dir.owner.email, guest.email].sort());
    expect((await ask(dir.stranger, query, { id: dir.teamId })).data).toEqual({ team: null });
  });

  it('Team.organization › teams › members: the way back up shows a guest no more', async () => {
    const query = `query($id: ID!) { team(id: $id) { organization { id viewerRole teams { id ${MEMBER_FIELDS}
      organization { teams { id ${MEMBER_FIELDS} } } } } } }`;
    const asGuest = await ask(guest, query, { id: dir.teamId });
    expect(asGuest.errors).toBeUndefined();
    const org = (asGuest.data as { team: { organization: { viewerRole: string; teams: TeamView[] } } }).team
      .organization;
    expect(org.viewerRole).toBe('GUEST');
    expect(ids(org.teams)).toEqual([dir.teamId]);
    expect(JSON.stringify(asGuest)).not.toContain(dir.member.email);
    expect(JSON.stringify(asGuest)).not.toContain(dir.outsider.email);
    expect(JSON.stringify(asGuest)).not.toContain(otherTeamId);

    const asMember = await ask(dir.member, query, { id: dir.teamId });
    const memberOrg = (asMember.data as { team: { organization: { teams: TeamView[] } } }).team.organization;
    expect(ids(memberOrg.teams)).toEqual([dir.teamId, otherTeamId].sort());
    expect(JSON.stringify(asMember)).toContain(dir.outsider.email);
  });

  it("the guest's own request still shows both parties", async () => {
    const data = await gqlOk<{ receivedCredentialRequests: { edges: { node: { requester: { email: string } } }[] } }>(
      app.url,
      guest.token,
      '{ receivedCredentialRequests { edges { node { requester { email } } } } }',
    );
    expect(data.receivedCredentialRequests.edges).toEqual([{ node: { requester: { email: dir.owner.email } } }]);
  });
});
