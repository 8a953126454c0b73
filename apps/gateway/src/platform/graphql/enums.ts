import { registerEnumType } from '@nestjs/graphql';
import type * as domain from '@libs/domain';

/*
 * The contract's enums. Each is a value object (for registerEnumType) and a type of the same name whose members are
 * the domain's string unions, so resolvers pass domain values through without mapping.
 */

export const OrgRole = { OWNER: 'OWNER', ADMIN: 'ADMIN', MEMBER: 'MEMBER', GUEST: 'GUEST' } as const;
export type OrgRole = domain.OrgRole;
registerEnumType(OrgRole, { name: 'OrgRole' });

export const TeamRole = { ADMIN: 'ADMIN', MEMBER: 'MEMBER', GUEST: 'GUEST' } as const;
export type TeamRole = domain.TeamRole;
registerEnumType(TeamRole, { name: 'TeamRole' });

export const Plan = { FREE: 'FREE', CORE: 'CORE', PRO: 'PRO', TEAMS: 'TEAMS', ENTERPRISE: 'ENTERPRISE' } as const;
export type Plan = domain.Plan;
registerEnumType(Plan, { name: 'Plan' });

export const ConnectionType = { API_KEY: 'API_KEY', BASIC: 'BASIC', OAUTH2: 'OAUTH2' } as const;
export type ConnectionType = domain.ConnectionType;
registerEnumType(ConnectionType, { name: 'ConnectionType' });

export const CredentialRequestStatus = {
  AUTHORIZED: 'AUTHORIZED',
  PARTIALLY_AUTHORIZED: 'PARTIALLY_AUTHORIZED',
  INCOMPLETE: 'INCOMPLETE',
  INVALID: 'INVALID',
  DECLINED: 'DECLINED',
} as const;
export type CredentialRequestStatus = domain.CredentialRequestStatus;
registerEnumType(CredentialRequestStatus, { name: 'CredentialRequestStatus' });

export const AppAuthorizationStatus = {
  PENDING: 'PENDING',
  AUTHORIZED: 'AUTHORIZED',
  DECLINED: 'DECLINED',
  REVOKED: 'REVOKED',
  REAUTHORIZING: 'REAUTHORIZING',
  INVALID: 'INVALID',
} as const;
export type AppAuthorizationStatus = domain.AppAuthorizationStatus;
registerEnumType(AppAuthorizationStatus, { name: 'AppAuthorizationStatus' });

export const ConnectionStatus = {
  ACTIVE: 'ACTIVE',
  REVOKED: 'REVOKED',
  EXPIRED: 'EXPIRED',
  DELETED: 'DELETED',
} as const;
export type ConnectionStatus = (typeof ConnectionStatus)[keyof typeof ConnectionStatus];
registerEnumType(ConnectionStatus, { name: 'ConnectionStatus' });

export const ApplicationStatus = {
  NONE: 'NONE',
  PENDING: 'PENDING',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
} as const;
export type ApplicationStatus = domain.ApplicationStatus;
registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });

export const ViewerRelation = {
  REQUESTER: 'REQUESTER',
  RECIPIENT: 'RECIPIENT',
  TEAM_MEMBER: 'TEAM_MEMBER',
  ORG_ADMIN: 'ORG_ADMIN',
} as const;
export type ViewerRelation = (typeof ViewerRelation)[keyof typeof ViewerRelation];
registerEnumType(ViewerRelation, { name: 'ViewerRelation' });

export const ReauthorizationOutcome = { SENT: 'SENT', CONNECTION_VALID: 'CONNECTION_VALID' } as const;
export type ReauthorizationOutcome = (typeof ReauthorizationOutcome)[keyof typeof ReauthorizationOutcome];
registerEnumType(ReauthorizationOutcome, { name: 'ReauthorizationOutcome' });
