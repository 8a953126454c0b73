import type { SqlExecutor } from '@libs/event-store';
import { AuditQueries } from './audit-queries';
import { ConnectionQueries } from './connection-queries';
import { DirectoryQueries } from './directory-queries';
import { RequestQueries } from './request-queries';

export type { AuditQuery } from './audit-queries';
export { recordConnectionUse } from './connection-queries';
export { toOrganization, toUser } from './directory-queries';
export type { ReceivedQuery, SentQuery } from './request-queries';

/**
 * The gateway's reads, one object behind the READ_MODELS token: each method hands over to the queries of its read
 * model (requests, audit trail, connections, directory), where the SQL lives. Lists are keyset-paginated on their
 * sort key — (sent_at, id) for requests, the global position for the audit trail — so page 1 of a million rows
 * costs what it costs at ten.
 */
export class ReadModels {
  readonly requests: RequestQueries;
  readonly audit: AuditQueries;
  readonly connections: ConnectionQueries;
  readonly directory: DirectoryQueries;

  constructor(db: SqlExecutor) {
    this.requests = new RequestQueries(db);
    this.audit = new AuditQueries(db);
    this.connections = new ConnectionQueries(db);
    this.directory = new DirectoryQueries(db);
  }

  requestById(...args: Parameters<RequestQueries['requestById']>) {
    return this.requests.requestById(...args);
  }

  requestForViewer(...args: Parameters<RequestQueries['requestForViewer']>) {
    return this.requests.requestForViewer(...args);
  }

  partiesForViewer(...args: Parameters<RequestQueries['partiesForViewer']>) {
    return this.requests.partiesForViewer(...args);
  }

  requestByIdempotencyKey(...args: Parameters<RequestQueries['requestByIdempotencyKey']>) {
    return this.requests.requestByIdempotencyKey(...args);
  }

  sentRequests(...args: Parameters<RequestQueries['sentRequests']>) {
    return this.requests.sentRequests(...args);
  }

  receivedRequests(...args: Parameters<RequestQueries['receivedRequests']>) {
    return this.requests.receivedRequests(...args);
  }

  invitationByTokenHash(...args: Parameters<RequestQueries['invitationByTokenHash']>) {
    return this.requests.invitationByTokenHash(...args);
  }

  auditLog(...args: Parameters<AuditQueries['auditLog']>) {
    return this.audit.auditLog(...args);
  }

  connectionsOfRequest(...args: Parameters<ConnectionQueries['connectionsOfRequest']>) {
    return this.connections.connectionsOfRequest(...args);
  }

  connectionById(...args: Parameters<ConnectionQueries['connectionById']>) {
    return this.connections.connectionById(...args);
  }

  userById(...args: Parameters<DirectoryQueries['userById']>) {
    return this.directory.userById(...args);
  }

  userByEmail(...args: Parameters<DirectoryQueries['userByEmail']>) {
    return this.directory.userByEmail(...args);
  }

  userBySubject(...args: Parameters<DirectoryQueries['userBySubject']>) {
    return this.directory.userBySubject(...args);
  }

  usersByIds(...args: Parameters<DirectoryQueries['usersByIds']>) {
    return this.directory.usersByIds(...args);
  }

  organizationById(...args: Parameters<DirectoryQueries['organizationById']>) {
    return this.directory.organizationById(...args);
  }

  organizationsOfUser(...args: Parameters<DirectoryQueries['organizationsOfUser']>) {
    return this.directory.organizationsOfUser(...args);
  }

  orgRole(...args: Parameters<DirectoryQueries['orgRole']>) {
    return this.directory.orgRole(...args);
  }

  teamRole(...args: Parameters<DirectoryQueries['teamRole']>) {
    return this.directory.teamRole(...args);
  }

  teamsOfUser(...args: Parameters<DirectoryQueries['teamsOfUser']>) {
    return this.directory.teamsOfUser(...args);
  }

  counterpartsOf(...args: Parameters<DirectoryQueries['counterpartsOf']>) {
    return this.directory.counterpartsOf(...args);
  }

  teamById(...args: Parameters<DirectoryQueries['teamById']>) {
    return this.directory.teamById(...args);
  }

  teamsOfOrganization(...args: Parameters<DirectoryQueries['teamsOfOrganization']>) {
    return this.directory.teamsOfOrganization(...args);
  }

  teamMembers(...args: Parameters<DirectoryQueries['teamMembers']>) {
    return this.directory.teamMembers(...args);
  }

  organizationMembers(...args: Parameters<DirectoryQueries['organizationMembers']>) {
    return this.directory.organizationMembers(...args);
  }

  ownersOfOrganization(...args: Parameters<DirectoryQueries['ownersOfOrganization']>) {
    return this.directory.ownersOfOrganization(...args);
  }
}
