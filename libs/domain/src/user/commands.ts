import type { ApplicantFacts } from '../policies/eligibility';
import type { Actor, DomainCommand, Language } from '../shared/types';

/** addOrganizationMember creates the record when absent (R13.2). The caller derives userId from the e-mail. */
export type RegisterUser = DomainCommand<'RegisterUser', { userId: string; email: string; name: string }>;

/** Every authenticated call: provisions the user and, with a verified e-mail, binds the token's `sub` (R13.2). */
export type BindIdentity = DomainCommand<
  'BindIdentity',
  { userId: string; email: string; name: string; subject: string; emailVerified: boolean }
>;

export type ApplyForCredentialRequests = DomainCommand<'ApplyForCredentialRequests', { actor: Actor }>;

export type ReviewApplication = DomainCommand<
  'ReviewApplication',
  {
    actor: Actor;
    approve: boolean;
    /** R2.1 facts about the applicant: e-mail, verification, organizations with role/plan/partner. */
    facts: ApplicantFacts;
  }
>;

/** setLanguage: the caller's own language for e-mails; only the user themselves may choose it. */
export type ChooseLanguage = DomainCommand<'ChooseLanguage', { actor: Actor; language: Language }>;

export type UserCommand = RegisterUser | BindIdentity | ApplyForCredentialRequests | ReviewApplication | ChooseLanguage;
