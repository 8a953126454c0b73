import { randomUUID } from 'node:crypto';
import { streams, type OrgRole, type Plan, type TeamRole } from '@libs/domain';
import type { EventStore, NewEvent } from '@libs/event-store';
import { invitationToken, invitationTokenHash } from '@libs/invitations';

/** Builders that append realistic domain events, for the worker's tests and benchmark. */
export function newEvent(type: string, data: object, schemaVersion = 1): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: data as Record<string, unknown>,
    metadata: { actorId: null, correlationId: randomUUID(), causationId: null, schemaVersion },
  };
}

export class EventWriter {
  constructor(
    private readonly store: EventStore,
    private readonly invitationSecret = 'test-invitation-secret',
  ) {}

  async append(stream: string, type: string, data: object, schemaVersion = 1): Promise<NewEvent> {
    const event = newEvent(type, data, schemaVersion);
    await this.store.append(stream, [event], 'ANY');
    return event;
  }

  user(userId: string, email: string, name: string) {
    return this.append(streams.user(userId), 'UserRegistered', { userId, email, name });
  }

  async enable(userId: string) {
    await this.append(streams.user(userId), 'CredentialRequestsApplied', {});
    return this.append(streams.user(userId), 'CredentialRequestsApproved', { reviewerId: 'support' });
  }

  organization(organizationId: string, name: string, plan: Plan, partner: boolean, ownerId: string) {
    return this.append(streams.organization(organizationId), 'OrganizationCreated', {
      organizationId,
      name,
      plan,
      partner,
      ownerId,
    });
  }

  member(organizationId: string, userId: string, role: OrgRole) {
    return this.append(streams.organization(organizationId), 'OrganizationMemberAdded', { userId, role });
  }

  team(organizationId: string, teamId: string, name: string, adminId: string) {
    return this.append(streams.organization(organizationId), 'TeamCreated', { teamId, name, adminId });
  }

  teamMember(organizationId: string, teamId: string, userId: string, role: TeamRole) {
    return this.append(streams.organization(organizationId), 'TeamMemberAdded', { teamId, userId, role });
  }

  plan(organizationId: string, plan: Plan, partner: boolean) {
    return this.append(streams.organization(organizationId), 'OrganizationPlanChanged', { plan, partner });
  }

  /** A request from `requester` to an internal user or (with `external`) an invited person. */
  async request(input: {
    requestId?: string;
    organizationId: string;
    teamId: string;
    requester: { userId: string; name: string; email: string };
    recipient: { userId: string | null; name: string; email: string };
    external?: boolean;
  }): Promise<{ requestId: string; event: NewEvent; invitationToken: string | null }> {
    const requestId = input.requestId ?? randomUUID();
    const invitationId = input.external ? randomUUID() : null;
    const token = invitationId ? invitationToken(this.invitationSecret, invitationId) : null;
    const app = (appKey: string, appName: string, connectionType: string) => ({
      appKey,
      appName,
      version: 1,
      connectionType,
      modules: [{ key: `${appKey}-m`, name: `${appName} module`, scopes: [] }],
      scopes: [],
      note: null,
      connectionName: `${appName} (${input.recipient.name})`,
      expectedAccountDomain: null,
    });
    const event = await this.append(streams.credentialRequest(requestId), 'RequestCreated', {
      requestId,
      organizationId: input.organizationId,
      teamId: input.teamId,
      name: `Request ${requestId.slice(0, 8)}`,
      description: null,
      requester: { ...input.requester, external: false },
      recipient: { ...input.recipient, external: input.external ?? false },
      apps: [app('hubspot', 'HubSpot', 'OAUTH2'), app('openai', 'OpenAI', 'API_KEY')],
      idempotencyKey: null,
      payloadDigest: 'x',
      invitation: invitationId && token ? { invitationId, tokenHash: invitationTokenHash(token) } : null,
    });
    return { requestId, event, invitationToken: token };
  }

  requestEvent(requestId: string, type: string, data: object, schemaVersion = 1) {
    return this.append(streams.credentialRequest(requestId), type, data, schemaVersion);
  }
}
