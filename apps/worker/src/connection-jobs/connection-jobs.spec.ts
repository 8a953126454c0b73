import type { RecordedEvent } from '@libs/event-store';
import { planConnectionJobs } from './connection-jobs';

const event = (type: string, data: Record<string, unknown>, stream: string): RecordedEvent =>
  ({ id: `ev-${type}`, type, data, stream, globalPosition: '00000000000000000042' }) as unknown as RecordedEvent;
const margin = () => 60_000;
const now = new Date('2026-05-01T00:00:00.000Z');

describe('planConnectionJobs: people leave (R13.13)', () => {
  it('a team removal plans one immediate member-left job for that team', () => {
    const jobs = planConnectionJobs(
      event('TeamMemberRemoved', { teamId: 't1', userId: 'u1' }, 'organization-o1'),
      margin,
      now,
    );
    expect(jobs).toEqual([
      {
        jobId: expect.any(String),
        delayMs: 0,
        data: {
          kind: 'member-left',
          organizationId: 'o1',
          userId: 'u1',
          teamId: 't1',
          position: '00000000000000000042',
        },
      },
    ]);
  });
  it('an organization removal plans one for every team of the organization (teamId null)', () => {
    const [job] = planConnectionJobs(
      event('OrganizationMemberRemoved', { userId: 'u1' }, 'organization-o1'),
      margin,
      now,
    );
    expect(job.data).toMatchObject({ kind: 'member-left', organizationId: 'o1', userId: 'u1', teamId: null });
  });
  it('other organization events plan nothing; the same event plans the same job id', () => {
    expect(
      planConnectionJobs(event('TeamMemberAdded', { teamId: 't1', userId: 'u1' }, 'organization-o1'), margin, now),
    ).toEqual([]);
    const removal = event('TeamMemberRemoved', { teamId: 't1', userId: 'u1' }, 'organization-o1');
    expect(planConnectionJobs(removal, margin, now)[0].jobId).toBe(planConnectionJobs(removal, margin, now)[0].jobId);
  });
});
