import type { ApplicantFacts } from '../policies/eligibility';
import type { Actor } from '../shared/types';
import { DeciderSpecification } from '../testing/decider-specification';
import { userDecider } from './decider';
import type { UserEvent } from './events';
import { hasCredentialRequestsFeature, languageOf } from './state';

const spec = DeciderSpecification.for(userDecider);
const registered: UserEvent = { type: 'UserRegistered', data: { userId: 'u-1', email: 'jane@acme.io', name: 'Jane' } };
const applied: UserEvent = { type: 'CredentialRequestsApplied', data: {} };
const jane: Actor = { userId: 'u-1', isSupport: false };
const support: Actor = { userId: 'u-support', isSupport: true };
const eligible: ApplicantFacts = {
  email: 'jane@acme.io',
  emailVerified: true,
  organizations: [{ plan: 'ENTERPRISE', partner: false, role: 'MEMBER' }],
};

describe('user decider', () => {
  describe('RegisterUser / BindIdentity (R13.2)', () => {
    it('registers with the lower-cased e-mail, once', () => {
      spec
        .given([])
        .when({ type: 'RegisterUser', data: { userId: 'u-1', email: 'Jane@Acme.IO', name: 'Jane' } })
        .then([
          { type: 'UserRegistered', schemaVersion: 1, data: { userId: 'u-1', email: 'jane@acme.io', name: 'Jane' } },
        ]);
      spec
        .given([registered])
        .when({ type: 'RegisterUser', data: { userId: 'u-1', email: 'jane@acme.io', name: 'X' } })
        .then([]);
    });
    const bind = (subject: string, emailVerified = true) =>
      ({
        type: 'BindIdentity',
        data: { userId: 'u-1', email: 'jane@acme.io', name: 'Jane Doe', subject, emailVerified },
      }) as const;
    it('the first verified sign-in binds the sub and takes the token name; the same sub again is a no-op', () => {
      spec
        .given([registered])
        .when(bind('sub-1'))
        .then([{ type: 'UserIdentityBound', schemaVersion: 1, data: { subject: 'sub-1', name: 'Jane Doe' } }]);
      const bound: UserEvent = { type: 'UserIdentityBound', data: { subject: 'sub-1', name: 'Jane Doe' } };
      spec.given([registered, bound]).when(bind('sub-1')).then([]);
      expect([registered, bound].reduce(userDecider.evolve, userDecider.initialState()).name).toBe('Jane Doe');
    });
    it('another sub for the same e-mail → UNAUTHENTICATED', () => {
      spec
        .given([registered, { type: 'UserIdentityBound', data: { subject: 'sub-1', name: 'Jane' } }])
        .when(bind('sub-2'))
        .thenThrows('UNAUTHENTICATED');
    });
    it('an unverified e-mail is UNAUTHENTICATED: it creates, binds and acts as nobody', () => {
      spec.given([]).when(bind('sub-1', false)).thenThrows('UNAUTHENTICATED');
      spec.given([registered]).when(bind('sub-1', false)).thenThrows('UNAUTHENTICATED');
      spec
        .given([registered, { type: 'UserIdentityBound', data: { subject: 'sub-1', name: 'Jane' } }])
        .when(bind('sub-2', false))
        .thenThrows('UNAUTHENTICATED');
    });
  });

  describe('ApplyForCredentialRequests (R13.8)', () => {
    const apply = { type: 'ApplyForCredentialRequests', data: { actor: jane } } as const;
    it('sets PENDING from NONE and again after REJECTED; a no-op while PENDING or APPROVED', () => {
      const expected: UserEvent[] = [{ type: 'CredentialRequestsApplied', schemaVersion: 1, data: {} }];
      spec.given([registered]).when(apply).then(expected);
      spec
        .given([registered, applied, { type: 'CredentialRequestsRejected', data: { reviewerId: 's' } }])
        .when(apply)
        .then(expected);
      spec.given([registered, applied]).when(apply).then([]);
      spec
        .given([registered, applied, { type: 'CredentialRequestsApproved', data: { reviewerId: 's' } }])
        .when(apply)
        .then([]);
    });
  });

  describe('ReviewApplication (R2.1, R13.8)', () => {
    const review = (approve: boolean, facts: ApplicantFacts = eligible, actor: Actor = support) =>
      ({ type: 'ReviewApplication', data: { actor, approve, facts } }) as const;
    it('support only → FORBIDDEN otherwise', () => {
      spec
        .given([registered, applied])
        .when(review(true, eligible, jane))
        .thenThrows('FORBIDDEN');
    });
    it('approves an eligible applicant; the feature is on', () => {
      const events = spec.given([registered, applied]).when(review(true)).events();
      expect(events).toEqual([
        { type: 'CredentialRequestsApproved', schemaVersion: 1, data: { reviewerId: 'u-support' } },
      ]);
      expect(
        hasCredentialRequestsFeature(
          [registered, applied, ...events].reduce(userDecider.evolve, userDecider.initialState()),
        ),
      ).toBe(true);
    });
    it.each<[string, ApplicantFacts, RegExp]>([
      ['a free-mail address', { ...eligible, email: 'jane@gmail.com' }, /corporate/],
      ['an unverified address', { ...eligible, emailVerified: false }, /not verified/],
      [
        'no eligible organization',
        { ...eligible, organizations: [{ plan: 'PRO', partner: false, role: 'OWNER' }] },
        /ENTERPRISE/,
      ],
      [
        'only a GUEST of an enterprise',
        { ...eligible, organizations: [{ plan: 'ENTERPRISE', partner: false, role: 'GUEST' }] },
        /ENTERPRISE/,
      ],
    ])('refuses %s → NOT_ELIGIBLE with the reason, stays PENDING', (_label, facts, reason) => {
      const error = spec.given([registered, applied]).when(review(true, facts)).thenThrows('NOT_ELIGIBLE');
      expect(error.message).toMatch(reason);
    });
    it('approve: false → REJECTED', () => {
      spec
        .given([registered, applied])
        .when(review(false))
        .then([{ type: 'CredentialRequestsRejected', schemaVersion: 1, data: { reviewerId: 'u-support' } }]);
    });
    it('reviewing a user who never applied → CONFLICT', () => {
      spec.given([registered]).when(review(true)).thenThrows('CONFLICT');
    });
    it('approving a record no verified sign-in bound → NOT_ELIGIBLE, applied or not (R13.2)', () => {
      const unbound = { ...eligible, emailVerified: false };
      spec.given([registered]).when(review(true, unbound)).thenThrows('NOT_ELIGIBLE');
      spec.given([registered, applied]).when(review(true, unbound)).thenThrows('NOT_ELIGIBLE');
    });
  });

  describe('ChooseLanguage (issue 10: a member chooses the language of their e-mails)', () => {
    const choose = (language: string, actor: Actor = jane) =>
      ({ type: 'ChooseLanguage', data: { actor, language } }) as unknown as Parameters<typeof userDecider.decide>[0];
    const fold = (events: UserEvent[]) => events.reduce(userDecider.evolve, userDecider.initialState());
    it('never chosen reads as English; choosing PT_BR stores LanguageChosen', () => {
      expect(languageOf(fold([registered]))).toBe('EN');
      const events = spec.given([registered]).when(choose('PT_BR')).events();
      expect(events).toEqual([{ type: 'LanguageChosen', schemaVersion: 1, data: { language: 'PT_BR' } }]);
      expect(languageOf(fold([registered, ...events]))).toBe('PT_BR');
    });
    it('the same choice again stores nothing; a first explicit EN is stored (it then wins over a request language)', () => {
      const chosen: UserEvent = { type: 'LanguageChosen', data: { language: 'PT_BR' } };
      spec.given([registered, chosen]).when(choose('PT_BR')).then([]);
      spec
        .given([registered])
        .when(choose('EN'))
        .then([{ type: 'LanguageChosen', schemaVersion: 1, data: { language: 'EN' } }]);
      expect(fold([registered]).language).toBeNull();
    });
    it('an unknown language → BAD_USER_INPUT on `language`', () => {
      spec.given([registered]).when(choose('FR')).thenThrows('BAD_USER_INPUT', ['language']);
    });
    it('only the user themselves → NOT_FOUND for anyone else, even support', () => {
      spec.given([registered]).when(choose('PT_BR', support)).thenThrows('NOT_FOUND');
    });
  });
});
