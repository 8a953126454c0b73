import { streams } from '@libs/domain';
import {
  LATER,
  ORG_ID,
  TEAM_A,
  directoryEvents,
  requestCreated,
  users,
} from '../../../../libs/domain/src/testing/fixtures';
import type { PlannedJobs } from './jobs';
import { NotificationPlanner, type ReminderSettings } from './planner';
import { RequestStates } from './request-states';
import { History, HistoryDirectory, type TypedEvent } from '../testing/history';
import type { WebhookRecord } from '@libs/webhooks';

/** SPEC §11 ("these e-mails and no others"), R2.3, R12.4, R12.6, R13.13: who gets which e-mail for one event. */

const REQUEST = streams.credentialRequest('req-1');
const ORG = streams.organization(ORG_ID);
const { owner, admin, alice, bob, carol, guest } = users;

function scenario(reminders: ReminderSettings | null = null) {
  const history = new History();
  const hooks: WebhookRecord[] = [];
  const planner = new NotificationPlanner({
    requests: new RequestStates(history),
    directory: new HistoryDirectory(history),
    webhooks: { forTeam: (teamId) => Promise.resolve(hooks.filter((h) => h.teamId === teamId)) },
    reminders,
  });
  const self = {
    history,
    hooks,
    given(stream: string, ...events: TypedEvent[]) {
      for (const event of events) history.record(stream, event);
      return self;
    },
    /** Registered users; `enabled` ones also have the feature (R2.2 approved). */
    givenUsers(enabled: readonly (typeof owner)[], ...others: (typeof owner)[]) {
      for (const user of [...enabled, ...others]) {
        self.given(streams.user(user.userId), { type: 'UserRegistered', data: user });
      }
      for (const user of enabled) self.givenEnabled(user);
      return self;
    },
    givenEnabled(user: typeof owner) {
      return self.given(
        streams.user(user.userId),
        { type: 'CredentialRequestsApplied', data: {} },
        { type: 'CredentialRequestsApproved', data: { reviewerId: 'support' } },
      );
    },
    when(stream: string, event: TypedEvent): Promise<PlannedJobs> {
      return planner.plan(history.record(stream, event));
    },
  };
  return self;
}

/** [template, addressee] of every planned e-mail. */
const mails = (plan: PlannedJobs) => plan.mail.map((job) => [job.data.template, job.data.to]);

/** alice (team-a) asked bob for crm, mail and files in org-1 (ENTERPRISE). */
const requested = () =>
  scenario()
    .given(ORG, ...directoryEvents())
    .given(REQUEST, requestCreated());

/** mail authorized, then its reauthorization asked (the state AppReauthorized needs). */
const reauthorizing = (): TypedEvent[] => [
  authorized('mail'),
  { type: 'ReauthorizationRequested', data: { appKey: 'mail', connectionId: 'c-mail' } },
];
/** The mail app's connection expired; `foundBy`: whose request for reauthorization found it (R5.4). */
const expiredMail = (foundBy?: string): TypedEvent => ({
  type: 'ConnectionExpired',
  data: { appKey: 'mail', connectionId: 'c-mail', error: 'invalid_grant', ...(foundBy ? { foundBy } : {}) },
});
const reauthorized: TypedEvent = {
  type: 'AppReauthorized',
  data: { appKey: 'mail', connectionId: 'c-mail', accessUntil: null, expiresAt: null },
};

describe('NotificationPlanner (SPEC §11)', () => {
  describe('credential request events', () => {
    it('request created, internal recipient: the recipient gets "review request", nobody else', async () => {
      const plan = await scenario()
        .given(ORG, ...directoryEvents())
        .when(REQUEST, requestCreated());
      expect(mails(plan)).toEqual([['reviewRequest', bob.email]]);
      expect(plan.mail[0].data.invitationId).toBeNull();
    });

    it('request created, external recipient: the invited address gets "accept invitation" with the invitation', async () => {
      const external = { userId: null, name: 'Xena', email: 'xena@outside.test', external: true };
      const plan = await scenario()
        .given(ORG, ...directoryEvents())
        .when(
          REQUEST,
          requestCreated({
            recipient: external,
            invitation: { invitationId: 'inv-1', tokenHash: 'h', language: 'EN' },
          }),
        );
      expect(mails(plan)).toEqual([['acceptInvitation', 'xena@outside.test']]);
      expect(plan.mail[0].data).toMatchObject({ invitationId: 'inv-1', data: { organizationName: 'Acme' } });
    });

    it('app authorized: the requester, with the end date', async () => {
      const plan = await requested().when(REQUEST, {
        type: 'AppAuthorized',
        data: { appKey: 'crm', connectionId: 'c-1', accessUntil: LATER, expiresAt: null },
      });
      expect(mails(plan)).toEqual([['appAuthorized', alice.email]]);
      expect(plan.mail[0].data.data).toMatchObject({ app: { appKey: 'crm' }, accessUntil: LATER });
    });

    it('app declined: the requester, with the reason', async () => {
      const plan = await requested().when(REQUEST, {
        type: 'AppDeclined',
        data: { appKey: 'files', reason: 'not needed', destroyedConnectionId: null },
      });
      expect(mails(plan)).toEqual([['appDeclined', alice.email]]);
      expect(plan.mail[0].data.data).toMatchObject({ reason: 'not needed' });
    });

    it('reauthorization requested: the recipient', async () => {
      const plan = await requested()
        .given(REQUEST, authorized('mail'))
        .when(REQUEST, {
          type: 'ReauthorizationRequested',
          data: { appKey: 'mail', connectionId: 'c-mail' },
          actorId: alice.userId,
        });
      expect(mails(plan)).toEqual([['reauthorizationRequested', bob.email]]);
      expect(plan.mail[0].data.data).toMatchObject({ askedBy: null });
    });

    it('reauthorization requested by an admin of the team (R5.4): the e-mail names who asked', async () => {
      const plan = await requested()
        .givenUsers([], users.teamAdmin)
        .given(REQUEST, authorized('mail'))
        .when(REQUEST, {
          type: 'ReauthorizationRequested',
          data: { appKey: 'mail', connectionId: 'c-mail' },
          actorId: users.teamAdmin.userId,
        });
      expect(plan.mail[0].data.data).toMatchObject({ askedBy: users.teamAdmin.name });
    });

    it('but not to a guest of the organization, who sees only the people on their own requests (R13.11)', async () => {
      const toGuest = { userId: guest.userId, name: guest.name, email: guest.email, external: false };
      const plan = await scenario()
        .given(ORG, ...directoryEvents())
        .givenUsers([], users.teamAdmin)
        .given(REQUEST, requestCreated({ recipient: toGuest }), authorized('mail'))
        .when(REQUEST, {
          type: 'ReauthorizationRequested',
          data: { appKey: 'mail', connectionId: 'c-mail' },
          actorId: users.teamAdmin.userId,
        });
      expect(mails(plan)).toEqual([['reauthorizationRequested', guest.email]]);
      expect(plan.mail[0].data.data).toMatchObject({ askedBy: null });
    });

    it('app reauthorized: requester and recipient, one job each', async () => {
      const plan = await requested()
        .given(REQUEST, ...reauthorizing())
        .when(REQUEST, { ...reauthorized, data: { ...reauthorized.data, accessUntil: LATER } });
      expect(mails(plan)).toEqual([
        ['appReauthorized', alice.email],
        ['appReauthorized', bob.email],
      ]);
      expect(new Set(plan.mail.map((j) => j.jobId)).size).toBe(2);
      // With the end date the reauthorization set (it replaces the one given before, R12.4).
      expect(plan.mail.map((j) => j.data.data.accessUntil)).toEqual([LATER, LATER]);
      expect(plan.mail.map((j) => j.data.data.endLifted)).toEqual([false, false]);
    });

    it('app reauthorized without the end date given before: both are told it was lifted (R12.4)', async () => {
      const [first, asked] = reauthorizing();
      const plan = await requested()
        .given(REQUEST, { ...first, data: { ...first.data, accessUntil: LATER } }, asked)
        .when(REQUEST, reauthorized);
      expect(plan.mail.map((j) => [j.data.to, j.data.data.accessUntil, j.data.data.endLifted])).toEqual([
        [alice.email, null, true],
        [bob.email, null, true],
      ]);
    });

    it('connection expired: the requester, with the error', async () => {
      const plan = await requested().given(REQUEST, authorized('mail')).when(REQUEST, expiredMail());
      expect(mails(plan)).toEqual([['connectionExpired', alice.email]]);
    });

    it("connection expired, found by the requester's own request for reauthorization: nobody (they were there)", async () => {
      const plan = await requested().given(REQUEST, authorized('mail')).when(REQUEST, expiredMail(alice.userId));
      expect(mails(plan)).toEqual([]);
    });

    it("connection expired, found by a team admin's request for reauthorization: the requester is told", async () => {
      const plan = await requested()
        .given(REQUEST, authorized('mail'))
        .when(REQUEST, expiredMail(users.teamAdmin.userId));
      expect(mails(plan)).toEqual([['connectionExpired', alice.email]]);
    });

    it('connection expired while its reauthorization is already asked: nobody (the recipient was mailed)', async () => {
      const plan = await requested()
        .given(REQUEST, ...reauthorizing())
        .when(REQUEST, expiredMail());
      expect(mails(plan)).toEqual([]);
    });

    it('access ended at its end date (R12.4): requester and recipient, ended at the end date', async () => {
      const plan = await requested()
        .given(REQUEST, { ...authorized('crm'), data: { ...authorized('crm').data, accessUntil: LATER } })
        .when(REQUEST, {
          type: 'AccessRevoked',
          data: { appKey: 'crm', connectionId: 'c-crm', cause: 'ACCESS_UNTIL' },
        });
      expect(mails(plan)).toEqual([
        ['accessEnded', alice.email],
        ['accessEnded', bob.email],
      ]);
      expect(plan.mail.map((j) => j.data.data.endedAt)).toEqual([LATER, LATER]);
    });

    it('a revoke by the recipient mails nobody (not in the table)', async () => {
      const plan = await requested()
        .given(REQUEST, authorized('crm'))
        .when(REQUEST, { type: 'AccessRevoked', data: { appKey: 'crm', connectionId: 'c-crm', cause: 'RECIPIENT' } });
      expect(mails(plan)).toEqual([]);
    });

    it('access removed because the recipient left the team (R13.13): both parties, with the team name', async () => {
      const plan = await requested()
        .given(REQUEST, authorized('crm'))
        .when(REQUEST, {
          type: 'AccessRevoked',
          data: { appKey: 'crm', connectionId: 'c-crm', cause: 'RECIPIENT_LEFT' },
        });
      expect(mails(plan)).toEqual([
        ['accessRemoved', alice.email],
        ['accessRemoved', bob.email],
      ]);
      expect(plan.mail[0].data.data).toMatchObject({ teamName: 'Team A' });
    });

    // R13.13: someone removed sees nothing of the team or organization any more, e-mails included.
    describe('a party who left hears no more of the request (R13.13)', () => {
      const leftTeam = (userId: string): TypedEvent => ({
        type: 'TeamMemberRemoved',
        data: { teamId: TEAM_A, userId },
      });
      const leftOrg = (userId: string): TypedEvent[] => [
        leftTeam(userId),
        { type: 'OrganizationMemberRemoved', data: { userId } },
      ];

      it('the requester out of the team gets no "app authorized"', async () => {
        const plan = await requested().given(ORG, leftTeam(alice.userId)).when(REQUEST, authorized('crm'));
        expect(mails(plan)).toEqual([]);
      });

      it('but an organization admin who left the team still sees it, and is mailed', async () => {
        const plan = await requested()
          .given(ORG, leftTeam(alice.userId), {
            type: 'OrganizationMemberRoleChanged',
            data: { userId: alice.userId, role: 'ADMIN' },
          })
          .when(REQUEST, authorized('crm'));
        expect(mails(plan)).toEqual([['appAuthorized', alice.email]]);
      });

      it('the recipient out of the organization gets no "app reauthorized"; the requester does', async () => {
        const plan = await requested()
          .given(REQUEST, ...reauthorizing())
          .given(ORG, ...leftOrg(bob.userId))
          .when(REQUEST, reauthorized);
        expect(mails(plan)).toEqual([['appReauthorized', alice.email]]);
      });

      it('only as of the event: one who left after it was mailed (a replay plans the same)', async () => {
        const s = requested();
        const event = s.history.record(REQUEST, authorized('crm'));
        s.given(ORG, leftTeam(alice.userId));
        const replay = new NotificationPlanner({
          requests: new RequestStates(s.history),
          directory: new HistoryDirectory(s.history),
          webhooks: { forTeam: () => Promise.resolve([]) },
        });
        expect(mails(await replay.plan(event))).toEqual([['appAuthorized', alice.email]]);
      });

      it('the access a recipient gave to a team they left still ends with an e-mail to both', async () => {
        const plan = await requested()
          .given(REQUEST, authorized('crm'))
          .given(ORG, ...leftOrg(bob.userId))
          .when(REQUEST, {
            type: 'AccessRevoked',
            data: { appKey: 'crm', connectionId: 'c-crm', cause: 'RECIPIENT_LEFT' },
          });
        expect(mails(plan)).toEqual([
          ['accessRemoved', alice.email],
          ['accessRemoved', bob.email],
        ]);
      });
    });

    it.each<[string, TypedEvent]>([
      ['an authorization that failed', { type: 'AppAuthorizationFailed', data: { appKey: 'crm', error: 'rejected' } }],
      [
        'updated credentials',
        { type: 'CredentialsUpdated', data: { appKey: 'crm', connectionId: 'c-crm', accessUntil: null } },
      ],
      [
        'a refreshed connection',
        { type: 'ConnectionRefreshed', data: { appKey: 'crm', connectionId: 'c-crm', expiresAt: null } },
      ],
      ['a deleted request', { type: 'RequestDeleted', data: { destroyedConnectionIds: ['c-crm'] } }],
    ])('%s mails nobody (these e-mails and no others)', async (_what, event) => {
      const plan = await requested().given(REQUEST, authorized('crm')).when(REQUEST, event);
      expect(mails(plan)).toEqual([]);
    });

    it('plans the same jobs for the same event (sent once per event and addressee, even on retry)', async () => {
      const s = requested();
      const event = s.history.record(REQUEST, authorized('crm'));
      const again = new NotificationPlanner({
        requests: new RequestStates(s.history),
        directory: new HistoryDirectory(s.history),
        webhooks: { forTeam: () => Promise.resolve([]) },
      });
      const [first, second] = [await again.plan(event), await again.plan(event)];
      expect(first.mail.map((j) => j.jobId)).toEqual(second.mail.map((j) => j.jobId));
      expect(first.mail).toHaveLength(1);
    });

    it('schedules the reminders of a new request relative to its creation (R12.5)', async () => {
      const plan = await scenario({ afterDays: 2, max: 2 })
        .given(ORG, ...directoryEvents())
        .when(REQUEST, requestCreated());
      expect(plan.reminders.map((r) => r.data)).toEqual([
        expect.objectContaining({ requestId: 'req-1', n: 1, daysWaiting: 2 }),
        expect.objectContaining({ requestId: 'req-1', n: 2, daysWaiting: 4 }),
      ]);
    });

    it('calls each of the team’s webhooks when a status changes, and none when it does not (R12.6)', async () => {
      const s = requested();
      s.hooks.push({ id: 'wh-1', teamId: TEAM_A, url: 'https://hooks.test/a', allowInsecure: false });
      s.hooks.push({ id: 'wh-2', teamId: 'team-b', url: 'https://hooks.test/b', allowInsecure: false });
      const changed = await s.when(REQUEST, authorized('crm'));
      expect(changed.webhooks.map((w) => [w.data.webhookId, w.data.payload.type])).toEqual([['wh-1', 'AppAuthorized']]);
      const unchanged = await s.when(REQUEST, {
        type: 'ConnectionRefreshed',
        data: { appKey: 'crm', connectionId: 'c-crm', expiresAt: null },
      });
      expect(unchanged.webhooks).toEqual([]);
    });

    it('reads a team’s webhooks once for a batch of events and plans each as it would alone (issue 12)', async () => {
      const s = requested();
      s.hooks.push({ id: 'wh-1', teamId: TEAM_A, url: 'https://hooks.test/a', allowInsecure: false });
      const events = [s.history.record(REQUEST, authorized('crm')), s.history.record(REQUEST, authorized('mail'))];
      let reads = 0;
      const batchPlanner = new NotificationPlanner({
        requests: new RequestStates(s.history),
        directory: new HistoryDirectory(s.history),
        webhooks: { forTeam: (teamId) => (reads++, Promise.resolve(s.hooks.filter((h) => h.teamId === teamId))) },
      });
      const batch = await batchPlanner.planBatch(events);
      expect(reads).toBe(1);
      expect(batch.map((plan) => plan.webhooks.map((w) => w.data.payload.appKey))).toEqual([['crm'], ['mail']]);
      expect(batch.map(mails)).toEqual([[['appAuthorized', alice.email]], [['appAuthorized', alice.email]]]);
      // Outside a batch nothing is kept: a webhook registered since is called for the next event.
      s.hooks.push({ id: 'wh-3', teamId: TEAM_A, url: 'https://hooks.test/c', allowInsecure: false });
      const next = await batchPlanner.plan(s.history.record(REQUEST, authorized('files')));
      expect(next.webhooks.map((w) => w.data.webhookId)).toEqual(['wh-1', 'wh-3']);
      expect(reads).toBe(2);
    });
  });

  describe('the feature and eligible organizations (R2.3)', () => {
    it('feature granted: the owners of the eligible organizations where the user is a member, not a guest', async () => {
      const plan = await scenario()
        .givenUsers([], owner, admin, alice, guest)
        .given(ORG, ...directoryEvents('ENTERPRISE'))
        .when(streams.user(alice.userId), { type: 'CredentialRequestsApproved', data: { reviewerId: 'support' } });
      expect(mails(plan)).toEqual([['featureGranted', owner.email]]);
      expect(plan.mail[0].data.data).toMatchObject({
        ownerName: owner.name,
        memberName: alice.name,
        organizationName: 'Acme',
        self: false,
      });
    });

    it('feature granted to an owner: their own copy speaks to them (self), another owner’s of them', async () => {
      const plan = await scenario()
        .givenUsers([], owner, admin, alice, guest)
        .given(ORG, ...directoryEvents('ENTERPRISE'))
        .when(streams.user(owner.userId), { type: 'CredentialRequestsApproved', data: { reviewerId: 'support' } });
      expect(mails(plan)).toEqual([['featureGranted', owner.email]]);
      expect(plan.mail[0].data.data).toMatchObject({ ownerName: owner.name, memberName: owner.name, self: true });
    });

    it('feature granted to someone who is only a guest, or only in a non-eligible organization: nobody', async () => {
      const s = scenario()
        .givenUsers([], owner, alice, guest)
        .given(ORG, ...directoryEvents('FREE'));
      const approved: TypedEvent = { type: 'CredentialRequestsApproved', data: { reviewerId: 'support' } };
      expect(mails(await s.when(streams.user(alice.userId), approved))).toEqual([]);
      const eligible = scenario()
        .givenUsers([], owner, guest)
        .given(ORG, ...directoryEvents('ENTERPRISE'));
      expect(mails(await eligible.when(streams.user(guest.userId), approved))).toEqual([]);
    });

    it('an enabled user joins an eligible organization: its owners; a user without the feature: nobody', async () => {
      const newcomers = [carol.userId, bob.userId];
      const withoutThem = directoryEvents('ENTERPRISE').filter(
        (e) => !newcomers.some((id) => JSON.stringify(e.data).includes(id)),
      );
      const s = scenario()
        .givenUsers([carol], owner, bob)
        .given(ORG, ...withoutThem);
      const joins = (userId: string): TypedEvent => ({
        type: 'OrganizationMemberAdded',
        data: { userId, role: 'MEMBER' },
      });
      expect(mails(await s.when(ORG, joins(carol.userId)))).toEqual([['featureGranted', owner.email]]);
      expect(mails(await s.when(ORG, joins(bob.userId)))).toEqual([]);
    });

    it('an organization becomes eligible: its owners hear of each enabled full member, not of guests', async () => {
      const s = scenario()
        .givenUsers([alice, guest], owner, bob)
        .given(ORG, ...directoryEvents('FREE'));
      const plan = await s.when(ORG, { type: 'OrganizationPlanChanged', data: { plan: 'ENTERPRISE', partner: false } });
      expect(mails(plan)).toEqual([['featureGranted', owner.email]]);
      expect(plan.mail[0].data.data).toMatchObject({ memberName: alice.name });
      const stays = await s.when(ORG, { type: 'OrganizationPlanChanged', data: { plan: 'ENTERPRISE', partner: true } });
      expect(mails(stays)).toEqual([]);
    });
  });
});

function authorized(appKey: string): TypedEvent {
  return {
    type: 'AppAuthorized',
    data: { appKey, connectionId: `c-${appKey}`, accessUntil: null, expiresAt: null },
  };
}
