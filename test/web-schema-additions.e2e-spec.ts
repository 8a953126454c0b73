import { createClient, type Client as WsClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { INVITATION_SECRET } from '@libs/application';
import { invitationToken } from '@libs/invitations';
import { codeOf, gql, gqlOk, seedDirectory, tokenFor, type SeededDirectory, type SeededUser } from './support/api';
import type { BootedApp } from './support/app';
import { TestBrowser } from './support/browser';
import { bootGatewayWith } from './support/gateway-app';
import { captureLogs } from './support/logs';
import { createTestDatabase, watchStatements, type TestDatabase } from './support/postgres';
import { redisUrl } from './support/redis';

const secret = 'web-schema-additions-secret-0123456789abc';
const CREATE = `mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id } }`;
const MEMBERS = `query($id: ID!) { organization(id: $id) { members { user { email } role } } }`;
const WEBHOOKS = `query($id: ID!) { team(id: $id) { webhooks { id url createdAt } } }`;

interface Update {
  id: string;
  status: string;
  viewerRelation: string;
}

describe('schema additions for the web app (issue #10)', () => {
  const logs = captureLogs();
  let db: TestDatabase;
  let booted: BootedApp;
  let dir: SeededDirectory;
  let gia: SeededUser;
  let requestId: string;
  let token: string;
  const sockets: WsClient[] = [];

  const as = (user: { token: string } | undefined, query: string, variables?: Record<string, unknown>) =>
    gql(booted.url, user?.token, query, variables);
  const create = (user: SeededUser, recipient: Record<string, unknown>, name = 'Keys') =>
    gqlOk<{ createCredentialRequest: { id: string } }>(booted.url, user.token, CREATE, {
      input: {
        teamId: dir.teamId,
        termsAccepted: true,
        name,
        recipient,
        apps: [{ appKey: 'openai', allModules: true }],
      },
    }).then((d) => d.createCredentialRequest.id);
  const eventCount = async () => {
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    try {
      return Number((await sql.query('SELECT count(*) AS n FROM es_events')).rows[0].n);
    } finally {
      await sql.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('web_schema');
    booted = await bootGatewayWith(
      {
        ROLE: 'all',
        REDIS_URL: redisUrl,
        DATABASE_URL: db.url,
        AUTH_JWT_SECRET: secret,
        AUTH_DEV_SIGNIN: 'true',
        WEBHOOKS_ALLOW_INSECURE: 'true',
      },
      logs.logger,
      [],
    );
    dir = await seedDirectory(booted.url, secret, { enableFeature: true });
    requestId = await create(dir.owner, {
      name: 'Gia Guest',
      email: `gia.${dir.organizationId.slice(0, 8)}@partner.example`,
    });
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    const { rows } = await sql.query('SELECT invitation_id, invitation_email FROM read.requests WHERE id = $1', [
      requestId,
    ]);
    await sql.end();
    token = invitationToken(
      booted.app.get<symbol, string>(INVITATION_SECRET, { strict: false }),
      rows[0].invitation_id,
    );
    const base = { sub: `sub-gia-${requestId}`, email: rows[0].invitation_email as string, name: 'Gia Guest' };
    const giaToken = await tokenFor(secret, base);
    const me = await gqlOk<{ me: { id: string } }>(booted.url, giaToken, '{ me { id } }');
    gia = { ...base, id: me.me.id, token: giaToken };
  }, 120_000);
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await booted?.close();
    await db?.drop();
  });

  describe('viewer', () => {
    it('answers the user, support staff or not, and the language', async () => {
      const q = '{ viewer { user { id email } supportStaff language languageChosen } }';
      expect((await as(dir.owner, q)).data).toEqual({
        viewer: {
          user: { id: dir.owner.id, email: dir.owner.email },
          supportStaff: false,
          language: 'EN',
          languageChosen: false,
        },
      });
      expect((await as(dir.support, q)).data).toMatchObject({ viewer: { supportStaff: true } });
      expect(codeOf(await as(undefined, q))).toBe('UNAUTHENTICATED');
    });

    it('tells English chosen from English by default (languageChosen)', async () => {
      const set = 'mutation($l: Language!) { setLanguage(language: $l) { language languageChosen } }';
      const q = '{ viewer { language languageChosen } }';
      expect((await as(dir.support, q)).data).toEqual({ viewer: { language: 'EN', languageChosen: false } });
      expect((await as(dir.support, set, { l: 'EN' })).data).toEqual({
        setLanguage: { language: 'EN', languageChosen: true },
      });
      expect((await as(dir.support, q)).data).toEqual({ viewer: { language: 'EN', languageChosen: true } });
    });

    it("carries the development sign-in's support box through the session", async () => {
      for (const supportStaff of [true, false]) {
        const browser = new TestBrowser(booted.url);
        await browser.devSignIn({ email: `desk${supportStaff}@corp-desk.example`, supportStaff });
        const res = await browser.graphql<{ viewer: { supportStaff: boolean } }>('{ viewer { supportStaff } }');
        expect(res.data?.viewer.supportStaff).toBe(supportStaff);
      }
    });
  });

  describe('invitation(token) preview (R12.1)', () => {
    const PREVIEW = `query($token: String!) { invitation(token: $token) {
      organizationName teamName invitedBy { id name email external } requestId requestName email accepted } }`;

    it('shows who invites whom, to what, and changes nothing', async () => {
      const before = await eventCount();
      const res = await as(dir.stranger, PREVIEW, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        invitation: {
          organizationName: expect.stringMatching(/^Org /),
          teamName: expect.stringMatching(/^Team /),
          invitedBy: { id: dir.owner.id, name: dir.owner.name, email: dir.owner.email, external: false },
          requestId,
          requestName: 'Keys',
          email: gia.email,
          accepted: false,
        },
      });
      await as(gia, PREVIEW, { token });
      expect(await eventCount()).toBe(before);
      expect((await as(gia, MEMBERS, { id: dir.organizationId })).data).toEqual({ organization: null });
    });

    it('is NOT_FOUND for an unknown or empty token, UNAUTHENTICATED signed out', async () => {
      expect(codeOf(await as(dir.owner, PREVIEW, { token: 'no-such-token' }))).toBe('NOT_FOUND');
      expect(codeOf(await as(dir.owner, PREVIEW, { token: '' }))).toBe('NOT_FOUND');
      expect(codeOf(await as(undefined, PREVIEW, { token }))).toBe('UNAUTHENTICATED');
    });

    it('says accepted once the explicit Accept was done', async () => {
      await gqlOk(booted.url, gia.token, 'mutation($t: String!) { acceptInvitation(token: $t) { requestId } }', {
        t: token,
      });
      const res = await as(gia, PREVIEW, { token });
      expect(res.data).toMatchObject({ invitation: { accepted: true, requestId } });
    });
  });

  describe('Organization.members (R13.11)', () => {
    const emails = (res: Awaited<ReturnType<typeof as>>) =>
      (res.data as { organization: { members: { user: { email: string }; role: string }[] } }).organization.members;

    it('lists every member with their role for members, admins and owners', async () => {
      for (const who of [dir.owner, dir.member, dir.outsider]) {
        const members = emails(await as(who, MEMBERS, { id: dir.organizationId }));
        expect(members).toEqual(
          expect.arrayContaining([
            { user: { email: dir.owner.email }, role: 'OWNER' },
            { user: { email: dir.member.email }, role: 'MEMBER' },
            { user: { email: dir.outsider.email }, role: 'MEMBER' },
            { user: { email: gia.email }, role: 'GUEST' },
          ]),
        );
        expect(members).toHaveLength(4);
      }
    });

    it('shows a guest only the people on the requests they sent or received', async () => {
      const members = emails(await as(gia, MEMBERS, { id: dir.organizationId }));
      expect(members).toEqual(
        expect.arrayContaining([
          { user: { email: dir.owner.email }, role: 'OWNER' },
          { user: { email: gia.email }, role: 'GUEST' },
        ]),
      );
      expect(members).toHaveLength(2);
      expect(JSON.stringify(members)).not.toContain(dir.member.email);
      expect(JSON.stringify(members)).not.toContain(dir.outsider.email);
    });

    it('is hidden from non-members (organization is null) and open to support staff', async () => {
      expect((await as(dir.stranger, MEMBERS, { id: dir.organizationId })).data).toEqual({ organization: null });
      const found = await gqlOk<{ supportOrganizations: { id: string; members: unknown[] }[] }>(
        booted.url,
        dir.support.token,
        'query($s: String) { supportOrganizations(search: $s) { id members { user { email } } } }',
        { s: dir.organizationId ? 'org ' : null },
      );
      expect(found.supportOrganizations.find((o) => o.id === dir.organizationId)?.members).toHaveLength(4);
    });
  });

  describe('Team.webhooks (R12.6)', () => {
    let hookId: string;
    beforeAll(async () => {
      const registered = await gqlOk<{ registerWebhook: { id: string; signingSecret: string } }>(
        booted.url,
        dir.owner.token,
        'mutation($t: ID!, $u: String!) { registerWebhook(teamId: $t, url: $u) { id signingSecret } }',
        { t: dir.teamId, u: 'http://127.0.0.1:9/hook' },
      );
      hookId = registered.registerWebhook.id;
      // The org member outside the team becomes its ADMIN: team admins manage webhooks too.
      await gqlOk(
        booted.url,
        dir.owner.token,
        'mutation($t: ID!, $u: ID!) { addTeamMember(teamId: $t, userId: $u, role: ADMIN) { id } }',
        { t: dir.teamId, u: dir.outsider.id },
      );
    });

    it('lists them for org owners and team admins, never with the secret', async () => {
      for (const who of [dir.owner, dir.outsider]) {
        const res = await as(who, WEBHOOKS, { id: dir.teamId });
        expect(res.errors).toBeUndefined();
        const hooks = (res.data as { team: { webhooks: { id: string; url: string; createdAt: string }[] } }).team
          .webhooks;
        expect(hooks).toEqual([{ id: hookId, url: 'http://127.0.0.1:9/hook', createdAt: expect.any(String) }]);
        expect(Date.parse(hooks[0].createdAt)).toBeLessThanOrEqual(Date.now());
      }
    });

    it('is FORBIDDEN for team members and guests', async () => {
      for (const who of [dir.member, gia]) {
        const res = await as(who, WEBHOOKS, { id: dir.teamId });
        expect([who.email, codeOf(res)]).toEqual([who.email, 'FORBIDDEN']);
      }
      expect((await as(dir.stranger, WEBHOOKS, { id: dir.teamId })).data).toEqual({ team: null });
    });
  });

  describe('Team.viewerRole', () => {
    const ROLES = `query($org: ID!, $team: ID!) {
      organization(id: $org) { teams { id viewerRole } }
      team(id: $team) { viewerRole }
    }`;
    type Roles = { organization: { teams: { id: string; viewerRole: string | null }[] } | null; team: unknown };

    it("answers the viewer's own role in the team in lists as in team(id); nothing to one outside", async () => {
      const seen: Record<string, unknown> = {};
      for (const [who, user] of Object.entries({ owner: dir.owner, member: dir.member, stranger: dir.stranger })) {
        const data = await gqlOk<Roles>(booted.url, user.token, ROLES, { org: dir.organizationId, team: dir.teamId });
        seen[who] = [data.organization?.teams.find((t) => t.id === dir.teamId)?.viewerRole, data.team];
      }
      // The owner created the team, and so is its ADMIN.
      expect(seen).toEqual({
        owner: ['ADMIN', { viewerRole: 'ADMIN' }],
        member: ['MEMBER', { viewerRole: 'MEMBER' }],
        stranger: [undefined, null],
      });
    });

    it('is read once per organization, however many teams are listed', async () => {
      const extra = async (name: string) =>
        (
          await gqlOk<{ createTeam: { id: string } }>(
            booted.url,
            dir.owner.token,
            'mutation($org: ID!, $name: String!) { createTeam(organizationId: $org, name: $name) { id } }',
            { org: dir.organizationId, name },
          )
        ).createTeam.id;
      const [led, other] = [await extra('Led by the member'), await extra('Without the member')];
      await gqlOk(
        booted.url,
        dir.owner.token,
        'mutation($t: ID!, $u: ID!) { addTeamMember(teamId: $t, userId: $u, role: ADMIN) { id } }',
        { t: led, u: dir.member.id },
      );
      const reads: string[] = [];
      const spy = watchStatements((text) => {
        if (/FROM read\.team_members m JOIN read\.teams/.test(text)) reads.push(text);
      });
      try {
        const data = await gqlOk<{
          organizations: { id: string; teams: { id: string; viewerRole: string | null }[] }[];
        }>(booted.url, dir.member.token, '{ organizations { id teams { id viewerRole } } }');
        const teams = data.organizations.find((o) => o.id === dir.organizationId)?.teams ?? [];
        expect(Object.fromEntries(teams.map((t) => [t.id, t.viewerRole]))).toEqual({
          [dir.teamId]: 'MEMBER',
          [led]: 'ADMIN',
          [other]: null,
        });
      } finally {
        spy.mockRestore();
      }
      expect(reads).toHaveLength(1);
    });
  });

  describe('support staff only', () => {
    it('lists pending applications for support staff; FORBIDDEN for others', async () => {
      const PENDING = '{ pendingCredentialRequestsApplications { id email credentialRequestsApplication } }';
      await gqlOk(booted.url, dir.stranger.token, 'mutation { applyForCredentialRequests { id } }');
      const res = await gqlOk<{
        pendingCredentialRequestsApplications: { id: string; credentialRequestsApplication: string }[];
      }>(booted.url, dir.support.token, PENDING);
      expect(res.pendingCredentialRequestsApplications).toContainEqual({
        id: dir.stranger.id,
        email: dir.stranger.email,
        credentialRequestsApplication: 'PENDING',
      });
      expect(
        res.pendingCredentialRequestsApplications.every((u) => u.credentialRequestsApplication === 'PENDING'),
      ).toBe(true);
      for (const who of [dir.owner, dir.member]) expect(codeOf(await as(who, PENDING))).toBe('FORBIDDEN');
      await gqlOk(
        booted.url,
        dir.support.token,
        'mutation($id: ID!) { reviewCredentialRequestsApplication(userId: $id, approve: false) { id } }',
        { id: dir.stranger.id },
      );
      const after = await gqlOk<{ pendingCredentialRequestsApplications: { id: string }[] }>(
        booted.url,
        dir.support.token,
        PENDING,
      );
      expect(after.pendingCredentialRequestsApplications.map((u) => u.id)).not.toContain(dir.stranger.id);
    });

    it('finds organizations by name for support staff; FORBIDDEN for others', async () => {
      const SEARCH = 'query($s: String) { supportOrganizations(search: $s) { id name plan } }';
      const org = await gqlOk<{ organization: { name: string } }>(
        booted.url,
        dir.owner.token,
        'query($id: ID!) { organization(id: $id) { name } }',
        { id: dir.organizationId },
      );
      const part = org.organization.name.slice(4).toUpperCase();
      const found = await gqlOk<{ supportOrganizations: { id: string; plan: string }[] }>(
        booted.url,
        dir.support.token,
        SEARCH,
        { s: part },
      );
      expect(found.supportOrganizations).toEqual([
        { id: dir.organizationId, name: org.organization.name, plan: 'ENTERPRISE' },
      ]);
      const wild = await gqlOk<{ supportOrganizations: unknown[] }>(booted.url, dir.support.token, SEARCH, { s: '%' });
      expect(wild.supportOrganizations).toEqual([]);
      expect(codeOf(await as(dir.owner, SEARCH, { s: part }))).toBe('FORBIDDEN');
    });
  });

  describe('Subscription.credentialRequestsUpdated (R12.7 for lists)', () => {
    /** A bearer-authenticated socket, closed after the file. */
    function socketFor(user: SeededUser): WsClient {
      const client = createClient({
        url: `${booted.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${user.token}` },
        retryAttempts: 0,
      });
      sockets.push(client);
      return client;
    }

    /** A bearer-authenticated socket collecting every update. */
    function subscribe(user: SeededUser) {
      const received: Update[] = [];
      const client = socketFor(user);
      client.subscribe<{ credentialRequestsUpdated: Update }>(
        { query: 'subscription { credentialRequestsUpdated { id status viewerRelation } }' },
        {
          next: (v) => v.data && received.push(v.data.credentialRequestsUpdated),
          error: () => undefined,
          complete: () => undefined,
        },
      );
      return received;
    }

    /** Waits for a condition on what arrived, making a visible change each round until the subscription is live. */
    async function until<T>(check: () => T | undefined, change?: () => Promise<unknown>): Promise<T> {
      for (;;) {
        if (change) await change();
        for (let i = 0; i < 10; i++) {
          const found = check();
          if (found !== undefined) return found;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }

    it('pushes a request the viewer may see when it changes, as credentialRequest(id) shows it', async () => {
      const owner = subscribe(dir.owner);
      // Live once a warm-up request (owner → member) has arrived.
      await until(
        () => owner[0],
        () => create(dir.owner, { userId: dir.member.id }, 'Warm-up'),
      );
      await gqlOk(
        booted.url,
        gia.token,
        'mutation($r: ID!) { declineApp(requestId: $r, appKey: "openai", reason: "Not now") { status } }',
        { r: requestId },
      );
      const declined = await until(() => owner.find((u) => u.id === requestId && u.status === 'DECLINED'));
      expect(declined).toEqual({ id: requestId, status: 'DECLINED', viewerRelation: 'REQUESTER' });
    });

    it('sends each viewer only what they may see: a guest none of the team’s other requests (R7.1, R13.11)', async () => {
      const member = subscribe(dir.member);
      const guest = subscribe(gia);
      await until(
        () => member[0],
        () => create(dir.owner, { userId: dir.member.id }, 'For the member'),
      );
      await until(
        () => guest[0],
        () => create(dir.owner, { userId: gia.id }, 'For Gia'),
      );
      const notForGia = await create(dir.owner, { userId: dir.member.id }, 'Not for Gia');
      const marker = await create(dir.owner, { userId: gia.id }, 'Gia marker');
      // Updates arrive in event order: once the later marker is here, the earlier request would have been too.
      await until(() => guest.find((u) => u.id === marker));
      await until(() => member.find((u) => u.id === marker));
      expect(member.map((u) => u.id)).toContain(notForGia);
      expect(guest.map((u) => u.id)).not.toContain(notForGia);
      expect(guest.every((u) => u.viewerRelation === 'RECIPIENT')).toBe(true);
    });

    /** A socket collecting every removal announced for `ids`, and the errors it was refused with. */
    function watchRemovals(user: SeededUser, ids: string[]) {
      const removed: string[] = [];
      const errors: unknown[] = [];
      const client = socketFor(user);
      client.subscribe<{ credentialRequestsRemoved: string }>(
        { query: 'subscription($ids: [ID!]!) { credentialRequestsRemoved(ids: $ids) }', variables: { ids } },
        {
          next: (v) => {
            if (v.data) removed.push(v.data.credentialRequestsRemoved);
            // A refusal by the field's resolver arrives as a result with errors (then the end), not as an error.
            if (v.errors) errors.push(v.errors);
          },
          error: (e) => void errors.push(e),
          complete: () => undefined,
        },
      );
      return { removed, errors };
    }
    const remove = (user: SeededUser, id: string) =>
      gqlOk(booted.url, user.token, 'mutation($id: ID!) { deleteCredentialRequest(id: $id) { id } }', { id });

    it('credentialRequestsRemoved: a request in view once the viewer may no longer see it; an id it cannot see answered at once, alike for hidden and missing (R7.1)', async () => {
      const hidden = await create(dir.owner, { userId: dir.member.id }, 'Not for Gia either');
      const both: string[] = [];
      for (let i = 0; i < 6; i++) both.push(await create(dir.owner, { userId: gia.id }, `Seen by both ${i}`));
      // A row deleted while its list was subscribing: already gone when the subscription reads it.
      const goneBefore = await create(dir.owner, { userId: gia.id }, 'Gone before the watch');
      await remove(dir.owner, goneBefore);
      const owner = watchRemovals(dir.owner, [hidden, goneBefore, ...both]);
      // Gia names an id she cannot see, and one that is no id at all: both answered like the deleted one, at once.
      const guest = watchRemovals(gia, [hidden, 'not-a-request-id', goneBefore, ...both]);
      await until(() => (guest.removed.length >= 3 && owner.removed.length >= 1 ? true : undefined));
      expect([...guest.removed].sort()).toEqual([hidden, 'not-a-request-id', goneBefore].sort());
      expect(owner.removed).toEqual([goneBefore]);
      // Live once a deletion both may see has reached both.
      let next = 0;
      await until(
        () => (owner.removed.length > 1 && guest.removed.length > 3 ? true : undefined),
        async () => {
          if (next < both.length - 1) await remove(dir.owner, both[next++]);
        },
      );
      await remove(dir.owner, hidden);
      const marker = both[both.length - 1];
      await remove(dir.owner, marker);
      // Announcements go in event order: once the later marker is here, the earlier deletion would have been too.
      await until(() => (guest.removed.includes(marker) && owner.removed.includes(marker) ? true : undefined));
      expect(owner.removed).toContain(hidden);
      expect(owner.removed.filter((id) => id === hidden)).toHaveLength(1);
      // Each id is said once, however many events touch it after.
      expect(new Set(guest.removed).size).toBe(guest.removed.length);
      expect(new Set(owner.removed).size).toBe(owner.removed.length);
      expect(owner.removed.slice(1).every((id) => id === hidden || both.includes(id))).toBe(true);
      expect([owner.errors, guest.errors]).toEqual([[], []]);
      // The id that is no id was looked up like any other and found nowhere, not a failure.
      expect(logs.text()).not.toContain('removal check could not be read');
    });

    it('credentialRequestsRemoved: a read that fails keeps the rows watched, and the next change is read again', async () => {
      const kept = await create(dir.owner, { userId: gia.id }, 'Kept through a failed read');
      // The subscription's first read of the watched ids fails once, as a database error would.
      let failed = 0;
      const spy = watchStatements((text) => {
        if (failed > 0 || !text.includes('r.id = ANY($1::text[])') || !text.includes('viewer_team_role')) return;
        failed++;
        return new Error('injected: the removal read fails');
      });
      try {
        const watch = watchRemovals(gia, [kept, 'not-a-request-id']);
        await until(() => (failed > 0 && logs.text().includes('removal check could not be read') ? true : undefined));
        // Nothing said on a failed read, not even of the id that is no request: the list keeps what it shows.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(watch.removed).toEqual([]);
        // Still watched: the deletion is read again, and said.
        await remove(dir.owner, kept);
        await until(() => (watch.removed.includes(kept) ? true : undefined));
        expect(watch.removed).toEqual([kept]);
        expect(watch.errors).toEqual([]);
      } finally {
        spy.mockRestore();
      }
    });

    it('credentialRequestsRemoved refuses a list longer than a page’s worth, at its argument', async () => {
      const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`);
      const { errors } = watchRemovals(dir.owner, ids);
      await until(() => (errors.length > 0 ? true : undefined));
      expect(errors[0]).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'BAD_USER_INPUT',
            fields: [{ path: 'ids', message: 'at most 100 requests at once' }],
          }),
        }),
      ]);
    });

    it('needs sign-in: a socket without a token or session is refused before the ack', async () => {
      let onClosed!: (code: number) => void;
      const closed = new Promise<number>((resolve) => (onClosed = resolve));
      const client = createClient({
        url: `${booted.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        on: { closed: (event) => onClosed((event as { code: number }).code) },
      });
      sockets.push(client);
      const received: unknown[] = [];
      client.subscribe(
        { query: 'subscription { credentialRequestsUpdated { id } }' },
        { next: (v) => void received.push(v), error: () => undefined, complete: () => undefined },
      );
      expect(await closed).toBe(4403);
      expect(received).toEqual([]);
    });
  });
});
