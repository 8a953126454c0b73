import type { DomainEvent, Language } from '../shared/types';

/**
 * Events of the user aggregate (stream `user-<id>`). A user is identified by the lower-cased e-mail (R13.2);
 * the id is derived from it so that any process finds the same stream.
 */

export type UserRegistered = DomainEvent<'UserRegistered', { userId: string; email: string; name: string }>;

/** The first authenticated call with a verified e-mail binds the token's `sub` (R13.2). */
export type UserIdentityBound = DomainEvent<'UserIdentityBound', { subject: string; name: string }>;

export type CredentialRequestsApplied = DomainEvent<'CredentialRequestsApplied', Record<string, never>>;

export type CredentialRequestsApproved = DomainEvent<'CredentialRequestsApproved', { reviewerId: string }>;

export type CredentialRequestsRejected = DomainEvent<'CredentialRequestsRejected', { reviewerId: string }>;

/** The member's own choice of language for their e-mails (issue 10); never chosen: English. */
export type LanguageChosen = DomainEvent<'LanguageChosen', { language: Language }>;

export type UserEvent =
  | UserRegistered
  | UserIdentityBound
  | CredentialRequestsApplied
  | CredentialRequestsApproved
  | CredentialRequestsRejected
  | LanguageChosen;
