import { Inject, Injectable } from '@nestjs/common';
import { currentViewerRelation, DomainError, type Membership, type ViewerRelation } from '@libs/domain';
import { READ_MODELS, type ReadModels, type RequestAppRow, type RequestRow } from '@projections';
import type { AppModule, CredentialRequest, RequestedApp } from '../platform/graphql';

/** Same message as the domain's, so an outsider cannot tell a hidden request from a missing one (R7.4, R13.4). */
export const REQUEST_NOT_FOUND = 'Credential request not found.';

/** What the field resolvers need beyond the contract's fields; never sent (not a GraphQL field). */
export interface RequestedAppView extends Omit<RequestedApp, 'modules'> {
  connectionId: string | null;
  /** As requested; RequestedApp.modules adds the catalog's translations. */
  modules: Omit<AppModule, 'names'>[];
}

export interface CredentialRequestView extends Omit<CredentialRequest, 'organization' | 'team' | 'apps'> {
  organizationId: string;
  teamId: string;
  apps: RequestedAppView[];
}

/**
 * Reads a request for one viewer: the R7.4 visibility check and the mapping from read-model rows to the GraphQL
 * shape. Organization and team are resolved by field resolvers (only when asked for).
 */
@Injectable()
export class RequestViews {
  constructor(@Inject(READ_MODELS) private readonly read: ReadModels) {}

  async membership(organizationId: string, teamId: string, userId: string): Promise<Membership> {
    const [orgRole, teamRole] = await Promise.all([
      this.read.orgRole(organizationId, userId),
      this.read.teamRole(teamId, userId),
    ]);
    return { orgRole, teamRole };
  }

  async relationTo(row: RequestRow, userId: string): Promise<ViewerRelation | null> {
    return viewerRelation(row, userId, await this.membership(row.organizationId, row.teamId, userId));
  }

  /** The request as `credentialRequest(id)` answers it for this viewer; NOT_FOUND when missing or hidden. */
  async visible(id: string, userId: string): Promise<CredentialRequestView> {
    const found = await this.read.requestForViewer(id, userId);
    const relation = found && viewerRelation(found.row, userId, found);
    if (!found || !relation) throw new DomainError('NOT_FOUND', REQUEST_NOT_FOUND);
    return toView(found.row, relation);
  }

  /** Which of `ids` this viewer may see now (R7.4, R13.13), in one read; missing and hidden ids alike are left out. */
  async visibleAmong(ids: readonly string[], userId: string): Promise<Set<string>> {
    const found = await this.read.partiesForViewer(ids, userId);
    // Each row is both the request's parties and the viewer's membership where it lives.
    return new Set(found.filter((p) => currentViewerRelation(p, userId, p)).map((p) => p.id));
  }

  /** One app of a request the viewer just acted on (mutations answer after read-your-writes). */
  async app(requestId: string, appKey: string, userId: string): Promise<RequestedAppView> {
    const request = await this.visible(requestId, userId);
    const app = request.apps.find((a) => a.appKey === appKey);
    if (!app) throw new DomainError('NOT_FOUND', `The app ${appKey} is not part of this request.`);
    return app;
  }
}

function viewerRelation(row: RequestRow, userId: string, membership: Membership): ViewerRelation | null {
  const parties = { requesterId: row.requester.id ?? '', recipientId: row.recipient.id };
  // The parties too are looked up: one who left the team or organization sees it no more (R13.13).
  return currentViewerRelation(parties, userId, membership);
}

export function toView(row: RequestRow, relation: ViewerRelation): CredentialRequestView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    organizationId: row.organizationId,
    teamId: row.teamId,
    requester: row.requester,
    recipient: row.recipient,
    sentAt: new Date(row.sentAt),
    updatedAt: new Date(row.updatedAt),
    status: row.status,
    apps: row.apps.map(toAppView),
    viewerRelation: relation,
  };
}

function toAppView(app: RequestAppRow): RequestedAppView {
  return {
    appKey: app.appKey,
    appName: app.appName,
    version: app.version,
    modules: app.modules,
    scopes: app.scopes,
    note: app.note,
    connectionName: app.connectionName,
    status: app.status,
    declineReason: app.declineReason,
    error: app.error,
    connectionId: app.connectionId,
    expectedAccountDomain: app.expectedAccountDomain,
    accessUntil: app.accessUntil ? new Date(app.accessUntil) : null,
    updatedAt: new Date(app.updatedAt),
  };
}
