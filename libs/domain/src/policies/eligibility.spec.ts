import type { Plan } from '../shared/types';
import { canApproveFeature, isEligibleOrganization } from './eligibility';

const PLANS: Plan[] = ['FREE', 'CORE', 'PRO', 'TEAMS', 'ENTERPRISE'];

describe('isEligibleOrganization (R2.2)', () => {
  const expected: Record<Plan, [boolean, boolean]> = {
    // [partner false, partner true]
    FREE: [false, false],
    CORE: [false, true],
    PRO: [false, true],
    TEAMS: [false, true],
    ENTERPRISE: [true, true],
  };
  for (const plan of PLANS) {
    for (const partner of [false, true]) {
      it(`${plan}, partner=${partner} → ${expected[plan][partner ? 1 : 0]}`, () => {
        expect(isEligibleOrganization({ plan, partner })).toBe(expected[plan][partner ? 1 : 0]);
      });
    }
  }
});

describe('canApproveFeature (R2.1): plan × partner × corporate × verified', () => {
  for (const plan of PLANS) {
    for (const partner of [false, true]) {
      for (const corporate of [true, false]) {
        for (const verified of [true, false]) {
          const orgOk = plan === 'ENTERPRISE' || (partner && plan !== 'FREE');
          const ok = orgOk && corporate && verified;
          it(`${plan} partner=${partner} corporate=${corporate} verified=${verified} → ${ok ? 'ok' : 'NOT_ELIGIBLE'}`, () => {
            const verdict = canApproveFeature({
              email: corporate ? 'jane@acme.io' : 'jane@gmail.com',
              emailVerified: verified,
              organizations: [{ plan, partner, role: 'MEMBER' }],
            });
            expect(verdict.ok).toBe(ok);
            if (!verdict.ok) {
              if (!orgOk) expect(verdict.reason).toMatch(/ENTERPRISE/);
              if (!corporate) expect(verdict.reason).toMatch(/corporate/);
              if (!verified) expect(verdict.reason).toMatch(/not verified/);
            }
          });
        }
      }
    }
  }

  it('does not count an organization where the user is only a GUEST (R13.1)', () => {
    const verdict = canApproveFeature({
      email: 'jane@acme.io',
      emailVerified: true,
      organizations: [{ plan: 'ENTERPRISE', partner: false, role: 'GUEST' }],
    });
    expect(verdict).toEqual({ ok: false, reason: expect.stringMatching(/ENTERPRISE/) });
  });

  it('needs only one eligible organization among several', () => {
    const verdict = canApproveFeature({
      email: 'jane@acme.io',
      emailVerified: true,
      organizations: [
        { plan: 'FREE', partner: true, role: 'OWNER' },
        { plan: 'PRO', partner: true, role: 'MEMBER' },
      ],
    });
    expect(verdict).toEqual({ ok: true });
  });

  it('refuses a user in no organization', () => {
    expect(canApproveFeature({ email: 'jane@acme.io', emailVerified: true, organizations: [] }).ok).toBe(false);
  });
});
