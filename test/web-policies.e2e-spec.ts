import { isEligibleOrganization, type Plan } from '@libs/domain';
import { eligiblePlan } from '../apps/web/src/features/requests/policies';

// The web app repeats the rules it applies before a click (it cannot import the server's code): they must not drift.
describe('the web pages apply the domain rules (R2.2)', () => {
  const plans: Plan[] = ['FREE', 'CORE', 'PRO', 'TEAMS', 'ENTERPRISE'];
  it.each(plans.flatMap((plan) => [true, false].map((partner) => [plan, partner] as const)))(
    'plan %s, partner %s: eligible on both sides alike',
    (plan, partner) => {
      expect(eligiblePlan({ plan, partner })).toBe(isEligibleOrganization({ plan, partner }));
    },
  );
});
