import type {
  AppAuthorizationStatus,
  ApplicationStatus,
  ConnectionType,
  CredentialRequestStatus,
  Language,
  OrgRole,
  Plan,
  RequestedModule,
  TeamRole,
} from '@libs/domain';

/** Plain rows the gateway maps to GraphQL types. Timestamps are ISO 8601 UTC with milliseconds. */

export interface PersonRow {
  id: string | null;
  name: string;
  email: string;
  external: boolean;
}

export interface RequestAppRow {
  appKey: string;
  appName: string;
  version: number;
  connectionType: ConnectionType;
  modules: RequestedModule[];
  scopes: string[];
  note: string | null;
  connectionName: string;
  status: AppAuthorizationStatus;
  declineReason: string | null;
  error: string | null;
  connectionId: string | null;
  connectionStatus: ConnectionStatus | null;
  expectedAccountDomain: string | null;
  accessUntil: string | null;
  expiresAt: string | null;
  updatedAt: string;
}

export interface RequestRow {
  id: string;
  organizationId: string;
  teamId: string;
  name: string;
  description: string | null;
  requester: PersonRow;
  recipient: PersonRow;
  sentAt: string;
  updatedAt: string;
  status: CredentialRequestStatus;
  apps: RequestAppRow[];
}

export interface Page<T> {
  rows: T[];
  /** Cursor of each row, in order (GraphQL edges). */
  cursors: string[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface CountedPage<T> extends Page<T> {
  /** What the viewer may see after filters, whatever the page (R13.7). */
  totalCount: number;
}

export interface AuditRow {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  requestId: string;
  requestName: string;
  organizationId: string;
  teamId: string;
  appKey: string | null;
  globalPosition: string;
  position: string;
}

export type ConnectionStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED' | 'DELETED';

export interface UsageRow {
  scenarioId: string;
  scenarioName: string | null;
  moduleKey: string;
  uses: number;
  lastUsedAt: string;
}

export interface ConnectionRow {
  id: string;
  requestId: string;
  appKey: string;
  organizationId: string;
  teamId: string;
  name: string;
  type: ConnectionType;
  status: ConnectionStatus;
  expiresAt: string | null;
  lastError: string | null;
  modules: RequestedModule[];
  usage: UsageRow[];
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  subject: string | null;
  application: ApplicationStatus;
  enabled: boolean;
  /** The user's own choice for e-mails (LanguageChosen), EN by default (issue 10). */
  language: Language;
  /** Whether that is a choice (a LanguageChosen, English included) or the default. */
  languageChosen: boolean;
}

export interface OrganizationRow {
  id: string;
  name: string;
  plan: Plan;
  partner: boolean;
}

export interface TeamRow {
  id: string;
  organizationId: string;
  name: string;
}

export interface TeamMemberRow {
  user: UserRow;
  teamRole: TeamRole;
  /** The member's role in the team's organization (null only if the directory is inconsistent). */
  orgRole: OrgRole | null;
}

export interface InvitationRow {
  requestId: string;
  invitationId: string;
  organizationId: string;
  teamId: string;
  email: string;
  acceptedBy: string | null;
}

/** Who a request's parties are, and the viewer's roles where it lives: enough to judge R7.4, nothing to show. */
export interface RequestPartiesRow {
  id: string;
  requesterId: string;
  recipientId: string | null;
  orgRole: OrgRole | null;
  teamRole: TeamRole | null;
}
