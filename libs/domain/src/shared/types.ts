/** Vocabulary shared by every aggregate (SPEC §1, §5, §6). Pure types: no framework, no I/O. */
export type OrgRole = 'OWNER' | 'ADMIN' | 'MEMBER' | 'GUEST';
export type TeamRole = 'ADMIN' | 'MEMBER' | 'GUEST';
export type Plan = 'FREE' | 'CORE' | 'PRO' | 'TEAMS' | 'ENTERPRISE';
export type ConnectionType = 'API_KEY' | 'BASIC' | 'OAUTH2';
export type AppAuthorizationStatus = 'PENDING' | 'AUTHORIZED' | 'DECLINED' | 'REVOKED' | 'REAUTHORIZING' | 'INVALID';
export type CredentialRequestStatus = 'AUTHORIZED' | 'PARTIALLY_AUTHORIZED' | 'INCOMPLETE' | 'INVALID' | 'DECLINED';
export type ApplicationStatus = 'NONE' | 'PENDING' | 'APPROVED' | 'REJECTED';

/** Error codes of the public contract (schema.graphql header). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'FEATURE_NOT_ENABLED'
  | 'PLAN_NOT_ELIGIBLE'
  | 'NOT_ELIGIBLE';

export interface FieldError {
  /** Dotted path from the argument name, e.g. `input.apps.1.note` (SPEC R13.3). */
  path: string;
  message: string;
}

/** A rule said no. Deciders throw it; the gateway maps `code` to `extensions.code`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** An event as a decider emits it: type, data and the schema version of that data. */
export interface DomainEvent<T extends string = string, D extends object = object> {
  type: T;
  data: D;
  schemaVersion?: number;
}

/** Stream names (ARCHITECTURE.md): one stream per aggregate. */
export const streams = {
  credentialRequest: (id: string) => `credential-request-${id}`,
  organization: (id: string) => `organization-${id}`,
  user: (id: string) => `user-${id}`,
};
