import {
  isEligibleOrganization,
  orgRoleOf,
  reminderSchedule,
  requestStatus,
  streams,
  type CredentialRequestState,
  type OrganizationState,
  type RequestedAppState,
} from '@libs/domain';
import type { GlobalPosition, RecordedEvent } from '@libs/event-store';
import type { MailTemplateName } from '@libs/mailer';
import { addresseeLanguage } from '../mail/addressee-language';
import type { DirectoryLookup } from './directory-lookup';
import { jobId } from './job-id';
import { partiesWhoLeft } from './parties-who-left';
import { emptyPlan, type MailJobData, type PlannedJobs } from './jobs';
import { mailApp, mailRequest } from '../mail/mail-facts';
import type { RequestStates } from './request-states';
import type { WebhookRecord, WebhookRepository } from '@libs/webhooks';
import { rememberOnce } from '@libs/infrastructure';

const DAY_MS = 86_400_000;

export interface ReminderSettings {
  afterDays: number;
  max: number;
  /** Length of a "day" in ms (tests shorten it). */
  dayMs?: number;
}

/** Only what the planner reads, so its specs can hand it in-memory history (planner.spec.ts). */
export interface PlannerDeps {
  requests: Pick<RequestStates, 'around'>;
  directory: DirectoryLookup;
  webhooks: Pick<WebhookRepository, 'forTeam'>;
  reminders?: ReminderSettings | null;
}

/** SPEC §11, R2.3, R12.4–R12.6: which jobs one event gives rise to. Deterministic for a given event. */
export class NotificationPlanner {
  /** Inside `planBatch`: each team's webhooks, read once for the batch (issue 12: once per event before). */
  private batchHooks: Map<string, Promise<WebhookRecord[]>> | null = null;

  constructor(private readonly deps: PlannerDeps) {}

  /** Lets the directory index a batch before any of its events is planned. */
  observe(events: readonly RecordedEvent[]): Promise<void> {
    return this.deps.directory.observe?.(events) ?? Promise.resolve();
  }

  /** The reactor's batch, in order, after the directory indexed it; what the batch reads is read once for it. */
  async planBatch(events: readonly RecordedEvent[]): Promise<PlannedJobs[]> {
    await this.observe(events);
    this.batchHooks = new Map();
    try {
      const plans: PlannedJobs[] = [];
      for (const event of events) plans.push(await this.plan(event));
      return plans;
    } finally {
      this.batchHooks = null;
    }
  }

  private hooksOf(teamId: string): Promise<WebhookRecord[]> {
    const load = () => this.deps.webhooks.forTeam(teamId);
    return this.batchHooks ? rememberOnce(this.batchHooks, teamId, load) : load();
  }

  /** Lets the directory index what was read before `position` (a reactor taking over). */
  catchUp(position: GlobalPosition): Promise<void> {
    return this.deps.directory.catchUp?.(position) ?? Promise.resolve();
  }

  async plan(event: RecordedEvent): Promise<PlannedJobs> {
    if (streams.credentialRequestId(event.stream) !== null) return this.planRequestEvent(event);
    if (streams.userId(event.stream) !== null && event.type === 'CredentialRequestsApproved')
      return this.planApproval(event);
    if (streams.organizationId(event.stream) !== null) return this.planOrganizationEvent(event);
    return emptyPlan();
  }

  private mail(
    plan: PlannedJobs,
    event: RecordedEvent,
    kind: string,
    template: MailTemplateName,
    to: string,
    data: Record<string, unknown>,
    invitationId: string | null = null,
  ): void {
    const job: MailJobData = {
      template,
      to,
      data,
      eventId: event.id,
      occurredAt: event.metadata.occurredAt,
      invitationId,
    };
    plan.mail.push({ jobId: jobId(event.id, kind, to), data: job });
  }

  private async planRequestEvent(event: RecordedEvent): Promise<PlannedJobs> {
    const plan = emptyPlan();
    const { before, after } = await this.deps.requests.around(event);
    const appKey = typeof event.data.appKey === 'string' ? event.data.appKey : null;
    const app = appKey ? after.apps.find((a) => a.appKey === appKey) : undefined;
    const request = mailRequest(after);
    const requester = after.requester.email;
    const recipient = after.recipient.email;
    // Issue 10: each addressee's language, as of this event (a replay plans the same e-mails), looked up only when
    // the event mails someone.
    const user = (userId: string) => this.deps.directory.user(userId, event.globalPosition);
    const to = {
      requester: async () => addresseeLanguage(after.requester, after, user),
      recipient: async () => addresseeLanguage(after.recipient, after, user),
    };
    // The request's organization as of this event, folded once for whatever this event's e-mails need of it.
    let orgRead: Promise<OrganizationState | null> | undefined;
    const org = () => (orgRead ??= this.deps.directory.organization(after.organizationId, event.globalPosition));

    switch (event.type) {
      case 'RequestCreated': {
        if (after.recipient.external && after.invitation) {
          const data = { organizationName: (await org())?.name ?? '', request, language: await to.recipient() };
          this.mail(
            plan,
            event,
            'acceptInvitation',
            'acceptInvitation',
            recipient,
            data,
            after.invitation.invitationId,
          );
        } else {
          const data = { request, language: await to.recipient() };
          this.mail(plan, event, 'reviewRequest', 'reviewRequest', recipient, data);
        }
        this.planReminders(plan, event, after);
        break;
      }
      case 'AppAuthorized':
        if (app) {
          const accessUntil = event.data.accessUntil ?? null;
          const data = { request, app: mailApp(app), accessUntil, language: await to.requester() };
          this.mail(plan, event, 'appAuthorized', 'appAuthorized', requester, data);
        }
        break;
      case 'AppDeclined':
        if (app) {
          const reason = String(event.data.reason ?? '');
          const data = { request, app: mailApp(app), reason, language: await to.requester() };
          this.mail(plan, event, 'appDeclined', 'appDeclined', requester, data);
        }
        break;
      case 'ReauthorizationRequested':
        if (app) {
          const askedBy = await this.askedBy(event, after, await org());
          const data = { request, app: mailApp(app), askedBy, language: await to.recipient() };
          this.mail(plan, event, 'reauthorizationRequested', 'reauthorizationRequested', recipient, data);
        }
        break;
      case 'AppReauthorized':
        if (app) {
          for (const [address, party] of [
            [requester, 'requester'],
            [recipient, 'recipient'],
          ] as const) {
            // R12.4: the reauthorization replaced the end date; one it lifted is said too.
            const accessUntil = event.data.accessUntil ?? null;
            const endLifted = accessUntil === null && !!before.apps.find((a) => a.appKey === appKey)?.accessUntil;
            const data = { request, app: mailApp(app), to: party, accessUntil, endLifted, language: await to[party]() };
            this.mail(plan, event, `appReauthorized-${party}`, 'appReauthorized', address, data);
          }
        }
        break;
      case 'ConnectionExpired': {
        // Not while a reauthorization is already asked (the recipient was mailed; the requester has nothing to do),
        // nor when the failed refresh was the check of the requester's own request for it (R5.4): they were there.
        // Found by a team admin's request, the requester is told as SPEC §11 says.
        const foundByRequester = event.data.foundBy === after.requester.userId;
        if (app && app.status !== 'REAUTHORIZING' && !foundByRequester) {
          const error = String(event.data.error ?? '');
          const data = { request, app: mailApp(app), error, language: await to.requester() };
          this.mail(plan, event, 'connectionExpired', 'connectionExpired', requester, data);
        }
        break;
      }
      case 'AccessRevoked':
        // R12.4: the automatic end of a time-limited authorization mails; a revoke by the recipient does not.
        if (app && event.data.cause === 'ACCESS_UNTIL') {
          const previous = before.apps.find((a) => a.appKey === appKey);
          const endedAt = previous?.accessUntil ?? event.metadata.occurredAt;
          for (const [address, party] of [
            [requester, 'requester'],
            [recipient, 'recipient'],
          ] as const) {
            const data = { request, app: mailApp(app), endedAt, to: party, language: await to[party]() };
            this.mail(plan, event, `accessEnded-${party}`, 'accessEnded', address, data);
          }
        } else if (app && event.data.cause === 'RECIPIENT_LEFT') {
          // R13.13: the system revoked because the recipient left the team; both parties hear why.
          const teamName = (await org())?.teams[after.teamId]?.name ?? '';
          for (const [address, party] of [
            [requester, 'requester'],
            [recipient, 'recipient'],
          ] as const) {
            const data = { request, app: mailApp(app), teamName, to: party, language: await to[party]() };
            this.mail(plan, event, `accessRemoved-${party}`, 'accessRemoved', address, data);
          }
        }
        break;
    }
    await this.leaveOutWhoLeft(plan, event, after, org);
    await this.planWebhooks(plan, event, before, after, appKey);
    return plan;
  }

  /**
   * R5.4: who asked for a reauthorization when it was not the requester (an admin of the request's team), named to
   * the recipient — unless the recipient is a guest of the organization, who sees only the people on their own
   * requests (R13.11): then the requester's name stands, as before.
   */
  private async askedBy(
    event: RecordedEvent,
    after: CredentialRequestState,
    org: OrganizationState | null,
  ): Promise<string | null> {
    const actorId = event.metadata.actorId;
    if (!actorId || actorId === after.requester.userId) return null;
    if (!org || orgRoleOf(org, after.recipient.userId) === 'GUEST') return null;
    return (await this.deps.directory.user(actorId, event.globalPosition))?.name ?? null;
  }

  /**
   * R13.13: a party who may no longer see the request hears no more of it, as of this event. Not at creation (the
   * decider checked both), and not the end of the access they gave to a team they left, which SPEC R13.13 mails to
   * both parties.
   */
  private async leaveOutWhoLeft(
    plan: PlannedJobs,
    event: RecordedEvent,
    after: CredentialRequestState,
    org: () => Promise<OrganizationState | null>,
  ) {
    if (plan.mail.length === 0 || event.type === 'RequestCreated') return;
    if (event.type === 'AccessRevoked' && event.data.cause === 'RECIPIENT_LEFT') return;
    const left = partiesWhoLeft(await org(), after);
    if (left.size > 0) plan.mail = plan.mail.filter((job) => !left.has(job.data.to));
  }

  private planReminders(plan: PlannedJobs, event: RecordedEvent, state: CredentialRequestState): void {
    const settings = this.deps.reminders;
    if (!settings) return;
    const day = settings.dayMs ?? DAY_MS;
    const createdAt = Date.parse(event.metadata.occurredAt);
    for (const { n, daysWaiting } of reminderSchedule(settings.afterDays, settings.max)) {
      plan.reminders.push({
        jobId: jobId(event.id, `reminder-${n}`, state.requestId),
        data: { requestId: state.requestId, eventId: event.id, n, daysWaiting },
        // Relative to the event, not to now: a replay schedules the same moment (or runs at once if it passed).
        delayMs: Math.max(0, createdAt + daysWaiting * day - Date.now()),
      });
    }
  }

  /** R12.6: a request event that changes the derived status or an app's status, once per registered endpoint. */
  private async planWebhooks(
    plan: PlannedJobs,
    event: RecordedEvent,
    before: CredentialRequestState,
    after: CredentialRequestState,
    appKey: string | null,
  ): Promise<void> {
    if (after.lifecycle !== 'ACTIVE') return;
    const statusOf = (apps: RequestedAppState[]) => apps.map((a) => `${a.appKey}=${a.status}`).join(',');
    const created = before.lifecycle === 'NONE';
    const changed =
      created || statusOf(before.apps) !== statusOf(after.apps) || requestStatus(before) !== requestStatus(after);
    if (!changed) return;
    const hooks = await this.hooksOf(after.teamId);
    for (const hook of hooks) {
      plan.webhooks.push({
        jobId: jobId(event.id, 'webhook', hook.id),
        data: {
          webhookId: hook.id,
          payload: {
            id: event.id,
            type: event.type,
            requestId: after.requestId,
            teamId: after.teamId,
            status: requestStatus(after),
            appKey,
            at: event.metadata.occurredAt,
          },
        },
      });
    }
  }

  /** R2.3: owners of every eligible organization where the newly enabled user is a member (not a guest). */
  private async planApproval(event: RecordedEvent): Promise<PlannedJobs> {
    const plan = emptyPlan();
    const userId = streams.userId(event.stream) as string;
    const member = await this.deps.directory.user(userId, event.globalPosition);
    if (!member) return plan;
    for (const org of await this.deps.directory.organizationsOf(userId, event.globalPosition)) {
      if (org.members[userId] === 'GUEST' || !isEligibleOrganization(org)) continue;
      await this.mailOwners(plan, event, `featureGranted-${org.organizationId}`, org, userId, member.name);
    }
    return plan;
  }

  private async planOrganizationEvent(event: RecordedEvent): Promise<PlannedJobs> {
    const plan = emptyPlan();
    const orgId = streams.organizationId(event.stream) as string;
    const at = event.globalPosition;
    if (event.type === 'OrganizationMemberAdded' || event.type === 'OrganizationMemberRoleChanged') {
      const userId = String(event.data.userId);
      const before = await this.deps.directory.organization(orgId, at, false);
      const after = await this.deps.directory.organization(orgId, at);
      const wasCounted = before !== null && before.members[userId] !== undefined && before.members[userId] !== 'GUEST';
      const counts = after !== null && after.members[userId] !== undefined && after.members[userId] !== 'GUEST';
      // Joining (or a guest becoming a full member) of an eligible organization, by a user who has the feature.
      if (!after || wasCounted || !counts || !isEligibleOrganization(after)) return plan;
      const member = await this.deps.directory.user(userId, at);
      if (member?.enabled) await this.mailOwners(plan, event, 'featureGranted', after, userId, member.name);
    } else if (event.type === 'OrganizationPlanChanged') {
      const before = await this.deps.directory.organization(orgId, at, false);
      const after = await this.deps.directory.organization(orgId, at);
      if (!after || (before && isEligibleOrganization(before)) || !isEligibleOrganization(after)) return plan;
      for (const [userId, role] of Object.entries(after.members)) {
        if (role === 'GUEST') continue;
        const member = await this.deps.directory.user(userId, at);
        if (member?.enabled) await this.mailOwners(plan, event, `featureGranted-${userId}`, after, userId, member.name);
      }
    }
    return plan;
  }

  private async mailOwners(
    plan: PlannedJobs,
    event: RecordedEvent,
    kind: string,
    org: OrganizationState,
    memberId: string,
    memberName: string,
  ): Promise<void> {
    for (const [ownerId, role] of Object.entries(org.members)) {
      if (role !== 'OWNER') continue;
      const owner = await this.deps.directory.user(ownerId, event.globalPosition);
      if (!owner) continue;
      const data = {
        ownerName: owner.name,
        memberName,
        organizationName: org.name,
        self: ownerId === memberId,
        language: owner.language ?? 'EN',
      };
      this.mail(plan, event, kind, 'featureGranted', owner.email, data);
    }
  }
}
