import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AcceptInvitationCommand,
  AddOrganizationMemberCommand,
  AddTeamMemberCommand,
  ApplyForCredentialRequestsCommand,
  AuthorizeAppCommand,
  ChangeOrganizationPlanCommand,
  CreateCredentialRequestCommand,
  CreateOrganizationCommand,
  CreateTeamCommand,
  DeclineAppCommand,
  DeleteCredentialRequestCommand,
  INVITATION_SECRET,
  ProvisionIdentityCommand,
  RequestReauthorizationCommand,
  ReviewCredentialRequestsApplicationCommand,
  RevokeAccessCommand,
  RevokeExpiredAccessCommand,
  UpdateCredentialsCommand,
  userIdForEmail,
} from '@libs/application';
import { Catalog } from '@libs/catalog';
import { invitationToken } from '@libs/invitations';
import {
  type CreateCredentialRequestInput,
  foldStoredCredentialRequest,
  evolveOrganization,
  initialOrganizationState,
  type OrganizationEvent,
  streams,
} from '@libs/domain';
import { verifyChain } from '@libs/event-store';
import { type ApplicationHarness, codeOf, ctx, startApplication } from './support';

describe('application command handlers (real CommandBus, PostgreSQL event store, vault)', () => {
  let app: ApplicationHarness;
  let verifyServer: Server;
  const verifyCalls: string[] = [];
  let owner: string;
  let recipient: string;
  let outsider: string;
  let support: string;
  let orgId: string;
  let teamId: string;

  const provision = async (email: string, name: string, emailVerified = true) =>
    (
      await app.bus.execute(
        new ProvisionIdentityCommand(
          { subject: `sub-${email}`, email, name, emailVerified },
          { correlationId: 'c', causationId: null },
        ),
      )
    ).userId;

  // Counted in the table itself: readAll deliberately stays behind transactions that may still be in flight.
  const allEvents = async () =>
    Number((await app.sql.query<{ n: string }>('SELECT count(*)::text AS n FROM es_events'))[0].n);
  const text = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  const vaultRows = async (connectionId: string) =>
    app.sql.query<Record<string, unknown>>('SELECT * FROM vault_secrets WHERE connection_id = $1', [connectionId]);

  const requestInput = (over: Partial<CreateCredentialRequestInput> = {}): CreateCredentialRequestInput => ({
    teamId,
    name: 'Access for the CRM sync',
    recipient: { userId: recipient },
    apps: [
      { appKey: 'keyed', allModules: true },
      { appKey: 'plain', allModules: true },
    ],
    termsAccepted: true,
    ...over,
  });

  const createRequest = async (over: Partial<CreateCredentialRequestInput> = {}) =>
    app.bus.execute(new CreateCredentialRequestCommand(requestInput(over), ctx(owner)));

  beforeAll(async () => {
    verifyServer = createServer((req, res) => {
      const key = (req.headers.authorization ?? '').replace('Bearer ', '');
      verifyCalls.push(key);
      if (key.startsWith('good-')) return res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      if (key.startsWith('bad-')) {
        return res
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'Invalid API key' } }));
      }
      res.writeHead(500).end('boom');
    });
    await new Promise<void>((resolve) => verifyServer.listen(0, '127.0.0.1', resolve));
    const { port } = verifyServer.address() as AddressInfo;
    const catalog = Catalog.fromJson({
      apps: [
        {
          key: 'keyed',
          name: 'Keyed',
          versions: [
            {
              version: 1,
              connection: {
                type: 'API_KEY',
                verify: {
                  method: 'GET',
                  url: `http://127.0.0.1:${port}/verify`,
                  headers: { Authorization: 'Bearer {apiKey}' },
                },
              },
              modules: [{ key: 'read', name: 'Read', scopes: [] }],
            },
          ],
        },
        {
          key: 'plain',
          name: 'Plain',
          versions: [
            { version: 1, connection: { type: 'API_KEY' }, modules: [{ key: 'read', name: 'Read', scopes: [] }] },
          ],
        },
        {
          key: 'oauthy',
          name: 'OAuthy',
          versions: [
            {
              version: 1,
              connection: {
                type: 'OAUTH2',
                authorizeUrl: 'https://id.example.com/authorize',
                tokenUrl: 'https://id.example.com/token',
                clientId: 'client',
                clientSecret: 'env:OAUTHY_SECRET',
              },
              modules: [{ key: 'me', name: 'Me', scopes: ['profile'] }],
            },
          ],
        },
      ],
    });
    app = await startApplication(catalog);

    support = await provision('support@platform.example', 'Support');
    owner = await provision('olga@acme.example', 'Olga Owner');
    recipient = await provision('rui@acme.example', 'Rui Recipient');
    outsider = await provision('stranger@elsewhere.example', 'Stranger');
    ({ organizationId: orgId } = await app.bus.execute(new CreateOrganizationCommand({ name: 'Acme' }, ctx(owner))));
    await app.bus.execute(
      new ChangeOrganizationPlanCommand({ organizationId: orgId, plan: 'ENTERPRISE' }, ctx(support, true)),
    );
    ({ teamId } = await app.bus.execute(new CreateTeamCommand({ organizationId: orgId, name: 'Sales' }, ctx(owner))));
    const added = await app.bus.execute(
      new AddOrganizationMemberCommand(
        { organizationId: orgId, email: 'RUI@acme.example', name: 'Rui', role: 'MEMBER' },
        ctx(owner),
      ),
    );
    expect(added.userId).toBe(recipient);
    await app.bus.execute(new AddTeamMemberCommand({ teamId, userId: recipient, role: 'MEMBER' }, ctx(owner)));
    await app.bus.execute(new ApplyForCredentialRequestsCommand(ctx(owner)));
    await app.bus.execute(
      new ReviewCredentialRequestsApplicationCommand({ userId: owner, approve: true }, ctx(support, true)),
    );
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => verifyServer.close(resolve));
  });

  it('derives users from the lower-cased e-mail, and refuses another sub for a bound e-mail (R13.2)', async () => {
    expect(owner).toBe(userIdForEmail('OLGA@acme.example'));
    const other = new ProvisionIdentityCommand(
      { subject: 'another-sub', email: 'olga@acme.example', name: 'Olga', emailVerified: true },
      { correlationId: 'c', causationId: null },
    );
    expect(await codeOf(app.bus.execute(other))).toBe('UNAUTHENTICATED');
  });

  it('puts actor, correlation and causation ids in the metadata and returns the global position written', async () => {
    const context = ctx(owner);
    const result = await app.bus.execute(new CreateCredentialRequestCommand(requestInput(), context));
    const [created] = await app.store.readStream(streams.credentialRequest(result.requestId));
    expect(created.type).toBe('RequestCreated');
    expect(created.metadata).toMatchObject({
      actorId: owner,
      correlationId: context.correlationId,
      causationId: context.causationId,
    });
    expect(result.position).toBe(created.globalPosition);
  });

  it('answers a repeated idempotency key with the first request and appends nothing; another payload is CONFLICT', async () => {
    const first = await createRequest({ idempotencyKey: 'key-1' });
    const before = await allEvents();
    const again = await createRequest({ idempotencyKey: 'key-1' });
    expect(again).toMatchObject({ requestId: first.requestId, created: false, position: first.position });
    expect(await codeOf(createRequest({ idempotencyKey: 'key-1', name: 'Something else' }))).toBe('CONFLICT');
    expect(await allEvents()).toBe(before);
  });

  it('appends nothing for each kind of refusal', async () => {
    const { teamId: freeTeam } = await (async () => {
      const { organizationId } = await app.bus.execute(new CreateOrganizationCommand({ name: 'Free org' }, ctx(owner)));
      return app.bus.execute(new CreateTeamCommand({ organizationId, name: 'Free team' }, ctx(owner)));
    })();
    const { requestId } = await createRequest();
    const before = await allEvents();
    expect(await codeOf(createRequest({ name: '' }))).toBe('BAD_USER_INPUT');
    expect(
      await codeOf(
        app.bus.execute(new AuthorizeAppCommand({ requestId, appKey: 'plain', apiKey: 'good-1' }, ctx(owner))),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(app.bus.execute(new DeclineAppCommand({ requestId, appKey: 'plain', reason: 'no' }, ctx(outsider)))),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        app.bus.execute(
          new CreateCredentialRequestCommand(requestInput({ recipient: { userId: owner } }), ctx(recipient)),
        ),
      ),
    ).toBe('FEATURE_NOT_ENABLED');
    expect(await codeOf(createRequest({ teamId: freeTeam }))).toBe('PLAN_NOT_ELIGIBLE');
    expect(
      await codeOf(
        app.bus.execute(
          new ReviewCredentialRequestsApplicationCommand({ userId: recipient, approve: true }, ctx(owner)),
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(await allEvents()).toBe(before);
  });

  it('authorizeApp checks the key against the app: 500 changes nothing, 401 makes the app INVALID, 200 stores it', async () => {
    const { requestId } = await createRequest();
    const before = await allEvents();

    const down = app.bus.execute(
      new AuthorizeAppCommand({ requestId, appKey: 'keyed', apiKey: 'down-1' }, ctx(recipient)),
    );
    await expect(down).rejects.toMatchObject({ code: 'CONFLICT', retryable: true });
    // The recipient is told what happened, never the catalog's verification URL (issue 11 item 9).
    const message = await down.catch((error: Error) => error.message);
    expect(message).toBe(
      'The app could not check the credentials right now (the app answered 500 Internal Server Error). Nothing was changed; try again.',
    );
    expect(message).not.toContain('127.0.0.1');
    expect(await allEvents()).toBe(before);
    expect((await app.sql.query('SELECT 1 FROM vault_secrets')).length).toBe(0);

    const rejected = await app.bus.execute(
      new AuthorizeAppCommand({ requestId, appKey: 'keyed', apiKey: 'bad-secret-value' }, ctx(recipient)),
    );
    expect(rejected).toMatchObject({ status: 'INVALID', error: 'Invalid API key', connectionId: null });
    expect((await app.sql.query('SELECT 1 FROM vault_secrets')).length).toBe(0);

    const accepted = await app.bus.execute(
      new AuthorizeAppCommand({ requestId, appKey: 'keyed', apiKey: 'good-canary-7f3a' }, ctx(recipient)),
    );
    expect(accepted.status).toBe('AUTHORIZED');
    const rows = await vaultRows(accepted.connectionId as string);
    expect(rows).toHaveLength(1);
    const plaintext = Object.entries(rows[0])
      .map(([, v]) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : String(v)))
      .join('|');
    expect(plaintext).not.toContain('good-canary-7f3a');
    const history = await app.store.readStream(streams.credentialRequest(requestId));
    expect(text(history)).not.toContain('canary');
    expect(text(history)).not.toContain('bad-secret-value');
    expect(app.logs.text()).not.toContain('canary');
    expect(verifyCalls).toEqual(expect.arrayContaining(['down-1', 'bad-secret-value', 'good-canary-7f3a']));

    // Editing the key replaces the secret under the same connection; a rejected new key changes nothing.
    expect(
      await codeOf(
        app.bus.execute(new UpdateCredentialsCommand({ requestId, appKey: 'keyed', apiKey: 'bad-2' }, ctx(recipient))),
      ),
    ).toBe('BAD_USER_INPUT');
    const updated = await app.bus.execute(
      new UpdateCredentialsCommand({ requestId, appKey: 'keyed', apiKey: 'good-2' }, ctx(recipient)),
    );
    expect(updated).toMatchObject({ status: 'AUTHORIZED', connectionId: accepted.connectionId });
  });

  it('revoke and decline at the same time leave a valid history and one clear outcome', async () => {
    const { requestId } = await createRequest();
    const { connectionId } = await app.bus.execute(
      new AuthorizeAppCommand({ requestId, appKey: 'plain', apiKey: 'anything' }, ctx(recipient)),
    );
    const outcomes = await Promise.allSettled([
      app.bus.execute(new RevokeAccessCommand({ requestId, appKey: 'plain' }, ctx(recipient))),
      app.bus.execute(new DeclineAppCommand({ requestId, appKey: 'plain', reason: 'Changed my mind' }, ctx(recipient))),
    ]);
    const [revoke, decline] = outcomes;
    // Decline is allowed from AUTHORIZED and from REVOKED; revoke is not allowed after decline (§5).
    expect(decline.status).toBe('fulfilled');
    if (revoke.status === 'rejected') expect(revoke.reason).toMatchObject({ code: 'CONFLICT' });
    const history = await app.store.readStream(streams.credentialRequest(requestId));
    expect(verifyChain(history).valid).toBe(true);
    const types = history.map((e) => e.type);
    expect(types.filter((t) => t === 'AppDeclined')).toHaveLength(1);
    expect(types.filter((t) => t === 'AccessRevoked')).toHaveLength(revoke.status === 'fulfilled' ? 1 : 0);
    const state = foldStoredCredentialRequest(history.map((e) => ({ ...e, schemaVersion: e.metadata.schemaVersion })));
    expect(state.apps.find((a) => a.appKey === 'plain')).toMatchObject({
      status: 'DECLINED',
      connectionStatus: 'DELETED',
    });
    expect(await vaultRows(connectionId as string)).toHaveLength(0);
  });

  it('revoke keeps the secret; authorize again reuses the connection id (R13.6)', async () => {
    const { requestId } = await createRequest();
    const first = await app.bus.execute(
      new AuthorizeAppCommand({ requestId, appKey: 'plain', apiKey: 'first' }, ctx(recipient)),
    );
    const revoked = await app.bus.execute(new RevokeAccessCommand({ requestId, appKey: 'plain' }, ctx(recipient)));
    expect(revoked.status).toBe('REVOKED');
    expect(await vaultRows(first.connectionId as string)).toHaveLength(1);
    const again = await app.bus.execute(
      new AuthorizeAppCommand({ requestId, appKey: 'plain', apiKey: 'second' }, ctx(recipient)),
    );
    expect(again).toMatchObject({ status: 'AUTHORIZED', connectionId: first.connectionId });
    expect(
      (await app.sql.query('SELECT connection_id FROM vault_secrets WHERE connection_id = $1', [first.connectionId]))
        .length,
    ).toBe(1);
  });

  it('delete erases every connection secret and lists the removed connections', async () => {
    const { requestId } = await createRequest();
    const a = await app.bus.execute(
      new AuthorizeAppCommand({ requestId, appKey: 'plain', apiKey: 'p' }, ctx(recipient)),
    );
    const b = await app.bus.execute(
      new AuthorizeAppCommand({ requestId, appKey: 'keyed', apiKey: 'good-del' }, ctx(recipient)),
    );
    const deleted = await app.bus.execute(new DeleteCredentialRequestCommand({ requestId }, ctx(owner)));
    expect(deleted.removedConnectionIds.sort()).toEqual([a.connectionId, b.connectionId].sort());
    expect(await vaultRows(a.connectionId as string)).toHaveLength(0);
    expect(await vaultRows(b.connectionId as string)).toHaveLength(0);
    const [last] = (await app.store.readStream(streams.credentialRequest(requestId))).slice(-1);
    expect(deleted.position).toBe(last.globalPosition);
    expect(await codeOf(app.bus.execute(new RevokeAccessCommand({ requestId, appKey: 'plain' }, ctx(recipient))))).toBe(
      'NOT_FOUND',
    );
  });

  it('ends time-limited access at its end date, once, as the system (R12.4)', async () => {
    const { requestId } = await createRequest();
    const accessUntil = new Date(Date.now() + 3_600_000).toISOString();
    await app.bus.execute(
      new AuthorizeAppCommand({ requestId, appKey: 'plain', apiKey: 'p', accessUntil }, ctx(recipient)),
    );
    const job = new RevokeExpiredAccessCommand(
      { requestId, appKey: 'plain' },
      { correlationId: 'job', causationId: null },
    );
    expect(await app.bus.execute(job)).toMatchObject({ revoked: false });
    app.advanceClock(2 * 3_600_000);
    expect(await app.bus.execute(job)).toMatchObject({ revoked: true });
    expect(await app.bus.execute(job)).toMatchObject({ revoked: false });
    const revokes = (await app.store.readStream(streams.credentialRequest(requestId))).filter(
      (e) => e.type === 'AccessRevoked',
    );
    expect(revokes).toHaveLength(1);
    expect(revokes[0].metadata.actorId).toBeNull();
    expect(revokes[0].data).toMatchObject({ cause: 'ACCESS_UNTIL' });
  });

  it('requestReauthorization refuses non-OAuth2 apps and non-requesters before anything else', async () => {
    const { requestId } = await createRequest();
    await app.bus.execute(new AuthorizeAppCommand({ requestId, appKey: 'plain', apiKey: 'p' }, ctx(recipient)));
    expect(
      await codeOf(app.bus.execute(new RequestReauthorizationCommand({ requestId, appKey: 'plain' }, ctx(owner)))),
    ).toBe('BAD_USER_INPUT');
    expect(
      await codeOf(app.bus.execute(new RequestReauthorizationCommand({ requestId, appKey: 'plain' }, ctx(recipient)))),
    ).toBe('FORBIDDEN');
  });

  it('accepts an invitation: wrong e-mail FORBIDDEN, memberships added, twice harmless, unknown token NOT_FOUND', async () => {
    const { requestId } = await createRequest({
      recipient: { name: 'Eve External', email: 'Eve@Partner.example' },
    });
    const [created] = await app.store.readStream(streams.credentialRequest(requestId));
    const invitation = (created.data as { invitation: { invitationId: string; tokenHash: string } }).invitation;
    const token = invitationToken(app.module.get<string>(INVITATION_SECRET), invitation.invitationId);
    expect(text(created)).not.toContain(token);

    expect(await codeOf(app.bus.execute(new AcceptInvitationCommand({ token }, ctx(outsider))))).toBe('FORBIDDEN');
    expect(await codeOf(app.bus.execute(new AcceptInvitationCommand({ token: 'nope' }, ctx(outsider))))).toBe(
      'NOT_FOUND',
    );
    // R13.2: an unverified e-mail is refused before it could accept anything, and creates no record.
    expect(await codeOf(provision('eve@partner.example', 'Eve', false))).toBe('UNAUTHENTICATED');
    expect(await app.store.readStream(streams.user(userIdForEmail('eve@partner.example')))).toEqual([]);

    const eve = await provision('eve@partner.example', 'Eve');
    const accepted = await app.bus.execute(new AcceptInvitationCommand({ token }, ctx(eve)));
    expect(accepted).toMatchObject({ requestId, organizationId: orgId, teamId });
    const org = (await app.store.readStream(streams.organization(orgId)))
      .map((e) => e as unknown as OrganizationEvent)
      .reduce(evolveOrganization, initialOrganizationState());
    expect(org.members[eve]).toBe('GUEST');
    expect(org.teams[teamId].members[eve]).toBe('GUEST');

    const before = await allEvents();
    await app.bus.execute(new AcceptInvitationCommand({ token }, ctx(eve)));
    expect(await allEvents()).toBe(before);
    // The recipient can now act on the request.
    const declined = await app.bus.execute(
      new DeclineAppCommand({ requestId, appKey: 'plain', reason: 'Not mine to share' }, ctx(eve)),
    );
    expect(declined.status).toBe('DECLINED');
  });
});
