import type { CredentialRequestEventType } from './events';

/** The schema version every credential-request event is written with today (see upcasters.ts for older ones). */
export const CURRENT_EVENT_VERSIONS: Record<CredentialRequestEventType, number> = {
  RequestCreated: 2,
  InvitationAccepted: 1,
  AppAuthorized: 1,
  AppAuthorizationFailed: 1,
  AppDeclined: 2,
  AccessRevoked: 1,
  ReauthorizationRequested: 1,
  ReauthorizationFailed: 1,
  AppReauthorized: 1,
  CredentialsUpdated: 1,
  ConnectionRefreshed: 1,
  ConnectionExpired: 1,
  RequestDeleted: 1,
};
