import { randomUUID } from 'node:crypto';
import type { RequestCreated, RequestedAppData } from '@libs/domain';
import type { AppendResult, EventStore } from '@libs/event-store';

/**
 * Appends hand-built events of the domain's event types through a real event store, as the application layer
 * would (ANY revision: tests write each stream from one place).
 */
export class EventWriter {
  last: AppendResult | null = null;

  constructor(private readonly store: EventStore) {}

  async append(
    stream: string,
    type: string,
    data: object,
    actorId: string | null = null,
    schemaVersion = 1,
  ): Promise<AppendResult> {
    this.last = await this.store.append(
      stream,
      [
        {
          id: randomUUID(),
          type,
          data: data as Record<string, unknown>,
          metadata: { actorId, correlationId: randomUUID(), causationId: null, schemaVersion },
        },
      ],
      'ANY',
    );
    return this.last;
  }

  user(userId: string, name: string, email = `${userId}@acme.io`): Promise<AppendResult> {
    return this.append(`user-${userId}`, 'UserRegistered', { userId, email, name }, userId);
  }

  org(orgId: string, ownerId: string, name = `Org ${orgId}`): Promise<AppendResult> {
    return this.append(
      `organization-${orgId}`,
      'OrganizationCreated',
      { organizationId: orgId, name, plan: 'ENTERPRISE', partner: false, ownerId },
      ownerId,
    );
  }

  orgMember(orgId: string, userId: string, role: string): Promise<AppendResult> {
    return this.append(`organization-${orgId}`, 'OrganizationMemberAdded', { userId, role });
  }

  team(orgId: string, teamId: string, adminId: string, name = `Team ${teamId}`): Promise<AppendResult> {
    return this.append(`organization-${orgId}`, 'TeamCreated', { teamId, name, adminId }, adminId);
  }

  teamMember(orgId: string, teamId: string, userId: string, role: string): Promise<AppendResult> {
    return this.append(`organization-${orgId}`, 'TeamMemberAdded', { teamId, userId, role });
  }

  request(options: RequestOptions): Promise<AppendResult> {
    return this.append(
      `credential-request-${options.requestId}`,
      'RequestCreated',
      requestCreatedData(options),
      options.requesterId,
    );
  }

  onRequest(requestId: string, type: string, data: object, actorId: string | null = null, version = 1) {
    return this.append(`credential-request-${requestId}`, type, data, actorId, version);
  }
}

export interface RequestOptions {
  requestId: string;
  organizationId: string;
  teamId: string;
  name: string;
  requesterId: string;
  recipientId: string | null;
  recipientEmail?: string;
  appKeys?: string[];
  idempotencyKey?: string | null;
  tokenHash?: string | null;
}

export function app(appKey: string, connectionType: RequestedAppData['connectionType'] = 'API_KEY'): RequestedAppData {
  return {
    appKey,
    appName: `App ${appKey}`,
    version: 1,
    connectionType,
    modules: [{ key: `${appKey}-read`, name: 'Read', scopes: [`${appKey}.read`] }],
    scopes: [`${appKey}.read`],
    note: null,
    connectionName: `App ${appKey} (recipient)`,
    expectedAccountDomain: null,
  };
}

export function requestCreatedData(o: RequestOptions): RequestCreated['data'] {
  const external = o.recipientId === null;
  return {
    requestId: o.requestId,
    organizationId: o.organizationId,
    teamId: o.teamId,
    name: o.name,
    description: `about ${o.name}`,
    requester: {
      userId: o.requesterId,
      name: `User ${o.requesterId}`,
      email: `${o.requesterId}@acme.io`,
      external: false,
    },
    recipient: {
      userId: o.recipientId,
      name: external ? 'Ext Person' : `User ${o.recipientId}`,
      email: o.recipientEmail ?? (external ? 'ext@outside.io' : `${o.recipientId}@acme.io`),
      external,
    },
    apps: (o.appKeys ?? ['crm']).map((k) => app(k)),
    idempotencyKey: o.idempotencyKey ?? null,
    payloadDigest: `digest-${o.requestId}`,
    invitation: o.tokenHash ? { invitationId: `inv-${o.requestId}`, tokenHash: o.tokenHash, language: 'EN' } : null,
  };
}
