import type { ConnectionType, DomainEvent, Language } from '../shared/types';

/** Events of the credential-request aggregate (stream `credential-request-<id>`). Never a secret (R8.1). */

export interface PersonRef {
  /** null for an external recipient who has not accepted the invitation yet. */
  userId: string | null;
  name: string;
  email: string;
  external: boolean;
}

export interface RequestedModule {
  key: string;
  name: string;
  scopes: string[];
}

export interface RequestedAppData {
  appKey: string;
  appName: string;
  version: number;
  connectionType: ConnectionType;
  modules: RequestedModule[];
  /** R4.2: de-duplicated union of the modules' scopes in catalog order (R13.7). */
  scopes: string[];
  note: string | null;
  connectionName: string;
  expectedAccountDomain: string | null;
}

export type RequestCreated = DomainEvent<
  'RequestCreated',
  {
    requestId: string;
    organizationId: string;
    teamId: string;
    name: string;
    description: string | null;
    requester: PersonRef;
    recipient: PersonRef;
    apps: RequestedAppData[];
    /** R4.3: the key and a digest of the input, so a replay with another payload is a CONFLICT. */
    idempotencyKey: string | null;
    payloadDigest: string;
    /**
     * R4.4: for an external recipient; the token itself is never stored, only its SHA-256. `language` (schema
     * version 2, issue 10): the language of the outside recipient's e-mails, picked by the requester; v1 events
     * read as EN (upcasters.ts).
     */
    invitation: { invitationId: string; tokenHash: string; language: Language } | null;
  }
>;

/** The v1 shape of RequestCreated's invitation (no language), kept only for the upcaster and its test. */
export interface RequestCreatedV1Invitation {
  invitationId: string;
  tokenHash: string;
}

export type InvitationAccepted = DomainEvent<
  'InvitationAccepted',
  { invitationId: string; userId: string; name: string }
>;

export type AppAuthorized = DomainEvent<
  'AppAuthorized',
  { appKey: string; connectionId: string; accessUntil: string | null; expiresAt: string | null }
>;

export type AppAuthorizationFailed = DomainEvent<'AppAuthorizationFailed', { appKey: string; error: string }>;

/**
 * Schema version 2. Version 1 (`{ appKey, reason }`) predates connection destruction on decline (R5.2); its
 * upcaster (upcasters.ts) fills `destroyedConnectionId: null`, which is what a v1 decline meant.
 */
export type AppDeclined = DomainEvent<
  'AppDeclined',
  { appKey: string; reason: string; destroyedConnectionId: string | null }
>;

/** The v1 shape of AppDeclined, kept only for the upcaster and its test. */
export interface AppDeclinedV1Data {
  appKey: string;
  reason: string;
}

/** Who ended the access: the recipient, the end date (R12.4), or the recipient leaving the team (R13.13). */
export type RevocationCause = 'RECIPIENT' | 'ACCESS_UNTIL' | 'RECIPIENT_LEFT';

export type AccessRevoked = DomainEvent<
  'AccessRevoked',
  { appKey: string; connectionId: string; cause: RevocationCause }
>;

export type ReauthorizationRequested = DomainEvent<
  'ReauthorizationRequested',
  { appKey: string; connectionId: string }
>;

/**
 * A reauthorization grant was refused (wrong account R12.2, missing scopes R12.3, provider error): the app stays
 * REAUTHORIZING (§5 has no other way out of it) and the error is shown to the recipient.
 */
export type ReauthorizationFailed = DomainEvent<'ReauthorizationFailed', { appKey: string; error: string }>;

export type AppReauthorized = DomainEvent<
  'AppReauthorized',
  { appKey: string; connectionId: string; accessUntil: string | null; expiresAt: string | null }
>;

export type CredentialsUpdated = DomainEvent<
  'CredentialsUpdated',
  { appKey: string; connectionId: string; accessUntil: string | null }
>;

/** A token refresh succeeded: the connection's expiry moved (no secret, only the new expiry). */
export type ConnectionRefreshed = DomainEvent<
  'ConnectionRefreshed',
  { appKey: string; connectionId: string; expiresAt: string | null }
>;

export type ConnectionExpired = DomainEvent<
  'ConnectionExpired',
  {
    appKey: string;
    connectionId: string;
    error: string;
    /** Present when the failed refresh was the check of someone's request for reauthorization (R5.4): their id. */
    foundBy?: string;
  }
>;

export type RequestDeleted = DomainEvent<'RequestDeleted', { destroyedConnectionIds: string[] }>;

export type CredentialRequestEvent =
  | RequestCreated
  | InvitationAccepted
  | AppAuthorized
  | AppAuthorizationFailed
  | AppDeclined
  | AccessRevoked
  | ReauthorizationRequested
  | ReauthorizationFailed
  | AppReauthorized
  | CredentialsUpdated
  | ConnectionRefreshed
  | ConnectionExpired
  | RequestDeleted;

export type CredentialRequestEventType = CredentialRequestEvent['type'];
