import { streams } from '@libs/domain';
import type { RecordedEvent } from '@libs/event-store';
import { jobId } from '../reactor/job-id';

export interface RefreshJobData {
  kind: 'refresh';
  requestId: string;
  appKey: string;
  connectionId: string;
}

export interface AccessUntilJobData {
  kind: 'access-until';
  requestId: string;
  appKey: string;
  accessUntil: string;
}

/** R13.13: someone left a team (teamId) or the organization (teamId null); revoke what they gave to it. */
export interface MemberLeftJobData {
  kind: 'member-left';
  organizationId: string;
  userId: string;
  teamId: string | null;
  /** The removal event's global position: the read model is searched once it has passed it. */
  position: string;
}

export type ConnectionJobData = RefreshJobData | AccessUntilJobData | MemberLeftJobData;

export interface PlannedConnectionJob {
  jobId: string;
  data: ConnectionJobData;
  delayMs: number;
}

/**
 * Which `{oauth-refresh}` jobs an event gives rise to. Deterministic ids (event id + kind + target), so an event read
 * twice (restart before the checkpoint moved) schedules nothing twice.
 * - expiresAt (AppAuthorized, AppReauthorized, ConnectionRefreshed): refresh `marginMs` before it (R5.6);
 * - accessUntil (AppAuthorized, AppReauthorized, CredentialsUpdated): RevokeExpiredAccess at that time (R12.4).
 */
export function planConnectionJobs(
  event: RecordedEvent,
  marginMs: (appKey: string) => number,
  now: Date,
): PlannedConnectionJob[] {
  if (streams.organizationId(event.stream) !== null) return planMemberLeft(event);
  const requestId = streams.credentialRequestId(event.stream);
  if (requestId === null) return [];
  const data = event.data as Record<string, unknown>;
  const appKey = typeof data.appKey === 'string' ? data.appKey : null;
  if (!appKey) return [];
  const jobs: PlannedConnectionJob[] = [];
  const refreshing = ['AppAuthorized', 'AppReauthorized', 'ConnectionRefreshed'].includes(event.type);
  if (refreshing && typeof data.expiresAt === 'string' && typeof data.connectionId === 'string') {
    jobs.push({
      jobId: jobId(event.id, 'refresh', data.connectionId),
      data: { kind: 'refresh', requestId, appKey, connectionId: data.connectionId },
      delayMs: Math.max(0, Date.parse(data.expiresAt) - marginMs(appKey) - now.getTime()),
    });
  }
  const limited = ['AppAuthorized', 'AppReauthorized', 'CredentialsUpdated'].includes(event.type);
  if (limited && typeof data.accessUntil === 'string') {
    jobs.push({
      jobId: jobId(event.id, 'access-until', appKey),
      data: { kind: 'access-until', requestId, appKey, accessUntil: data.accessUntil },
      delayMs: Math.max(0, Date.parse(data.accessUntil) - now.getTime()),
    });
  }
  return jobs;
}

function planMemberLeft(event: RecordedEvent): PlannedConnectionJob[] {
  if (event.type !== 'TeamMemberRemoved' && event.type !== 'OrganizationMemberRemoved') return [];
  const data = event.data as { userId?: unknown; teamId?: unknown };
  if (typeof data.userId !== 'string') return [];
  const teamId = typeof data.teamId === 'string' ? data.teamId : null;
  const job: MemberLeftJobData = {
    kind: 'member-left',
    organizationId: streams.organizationId(event.stream) as string,
    userId: data.userId,
    teamId,
    position: event.globalPosition,
  };
  return [{ jobId: jobId(event.id, 'member-left', data.userId), data: job, delayMs: 0 }];
}
