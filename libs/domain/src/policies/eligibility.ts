import type { OrgRole, Plan } from '../shared/types';
import { isCorporateEmail } from './corporate-email';

/** R2.2: ENTERPRISE, or a Make partner on a paid plan (anything but FREE). */
export function isEligibleOrganization(org: { plan: Plan; partner: boolean }): boolean {
  return org.plan === 'ENTERPRISE' || (org.partner && org.plan !== 'FREE');
}

export interface ApplicantFacts {
  email: string;
  emailVerified: boolean;
  /** Every organization the user belongs to, with the user's role there. */
  organizations: { plan: Plan; partner: boolean; role: OrgRole }[];
}

export type ApprovalVerdict = { ok: true } | { ok: false; reason: string };

/** R2.1 + R13.1 (org guests do not count) + R13.2 (an unverified e-mail cannot be approved). */
export function canApproveFeature(facts: ApplicantFacts): ApprovalVerdict {
  const reasons: string[] = [];
  if (!facts.organizations.some((o) => o.role !== 'GUEST' && isEligibleOrganization(o))) {
    reasons.push('the user belongs to no ENTERPRISE organization and no partner organization on a paid plan');
  }
  if (!isCorporateEmail(facts.email)) reasons.push('the e-mail address is not a corporate address');
  if (!facts.emailVerified) reasons.push('the e-mail address is not verified');
  return reasons.length === 0 ? { ok: true } : { ok: false, reason: `Not eligible: ${reasons.join('; ')}.` };
}
