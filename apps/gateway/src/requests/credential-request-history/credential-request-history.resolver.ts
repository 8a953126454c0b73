import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { canSeeTeamAudit, DomainError, streams } from '@libs/domain';
import { EVENT_STORE, verifyChain, type EventStore, type RecordedEvent } from '@libs/event-store';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { HistoryEvent, HistoryVerification } from '../../platform/graphql';
import { AuditAccess } from '../../audit/audit-access';
import { REQUEST_NOT_FOUND, RequestViews } from '../request-views';

@Resolver()
export class CredentialRequestHistoryResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: AuditAccess,
    private readonly views: RequestViews,
  ) {}

  /**
   * R10.3: the request's stream as stored (not upcast: the hashes cover the stored data), also after deletion.
   * `at` is the stored occurredAt and `data` the stored JSON, so an auditor recomputes every hash from this answer.
   */
  @Query(() => [HistoryEvent])
  async credentialRequestHistory(
    @Args('requestId', { type: () => ID }) requestId: string,
    @CurrentIdentity() caller: Caller,
  ): Promise<HistoryEvent[]> {
    const { events, organizationId } = await this.auditedStream(requestId, caller.userId);
    const people = await this.access.people(
      organizationId,
      events.map((e) => e.metadata.actorId),
    );
    return events.map((event) => ({
      position: event.position.toString(),
      revision: event.revision,
      type: event.type,
      at: new Date(event.metadata.occurredAt),
      actor: event.metadata.actorId ? (people.get(event.metadata.actorId) ?? null) : null,
      actorId: event.metadata.actorId,
      data: JSON.stringify(event.data),
      hash: event.metadata.hash,
    }));
  }

  @Query(() => HistoryVerification)
  async verifyCredentialRequestHistory(
    @Args('requestId', { type: () => ID }) requestId: string,
    @CurrentIdentity() caller: Caller,
  ): Promise<HistoryVerification> {
    const { events } = await this.auditedStream(requestId, caller.userId);
    return verifyChain(events);
  }

  /**
   * Auditors only: org OWNER/ADMIN, or an admin of the request's team. Someone who may see the (live) request but
   * not audit it: FORBIDDEN; anyone else, or a stream that does not exist: NOT_FOUND (R13.4).
   */
  private async auditedStream(
    requestId: string,
    userId: string,
  ): Promise<{ events: RecordedEvent[]; organizationId: string }> {
    const events = await this.store.readStream(streams.credentialRequest(requestId));
    const created = events[0]?.type === 'RequestCreated' ? events[0].data : null;
    const organizationId = typeof created?.organizationId === 'string' ? created.organizationId : null;
    const teamId = typeof created?.teamId === 'string' ? created.teamId : null;
    if (!organizationId || !teamId) throw new DomainError('NOT_FOUND', REQUEST_NOT_FOUND);
    const scope = await this.access.scope(organizationId, userId);
    if (scope && canSeeTeamAudit(scope, teamId)) return { events, organizationId };
    // Throws NOT_FOUND when the viewer may not see it (or it was deleted).
    await this.views.visible(requestId, userId);
    throw new DomainError('FORBIDDEN', 'Only auditors (organization admins, team admins) see the history.');
  }
}
