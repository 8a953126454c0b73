import {
  type CredentialRequestState,
  evolveOrganization,
  evolveUser,
  foldStoredCredentialRequest,
  initialOrganizationState,
  initialUserState,
  type OrganizationEvent,
  type OrganizationState,
  type UserEvent,
  type UserState,
} from '@libs/domain';
import type { StoredEvent } from './stream-runner';

// Organization and user events have no upcasters yet (all version 1); the request's go through its registry.
export const foldOrganization = (events: StoredEvent[]): OrganizationState =>
  (events as OrganizationEvent[]).reduce(evolveOrganization, initialOrganizationState());

export const foldUser = (events: StoredEvent[]): UserState =>
  (events as UserEvent[]).reduce(evolveUser, initialUserState());

export const foldRequest = (events: StoredEvent[]): CredentialRequestState => foldStoredCredentialRequest(events);
