import type { RecordedEvent } from '@libs/event-store';
import { scheduleOf } from './connection-schedule';

const event = (type: string, data: Record<string, unknown>, stream = 'credential-request-r1'): RecordedEvent =>
  ({ type, data, stream }) as unknown as RecordedEvent;
const margin = () => 60_000;

describe('scheduleOf (R5.6 refresh before expiry, R12.4 end of access)', () => {
  it.each(['AppAuthorized', 'AppReauthorized', 'ConnectionRefreshed'])(
    '%s with expiresAt: refresh a margin early',
    (type) => {
      const entries = scheduleOf(
        event(type, { appKey: 'crm', connectionId: 'c1', expiresAt: '2026-05-01T12:00:00.000Z' }),
        margin,
      );
      expect(entries.filter((e) => e.kind === 'refresh')).toEqual([
        { kind: 'refresh', requestId: 'r1', appKey: 'crm', connectionId: 'c1', dueAt: '2026-05-01T11:59:00.000Z' },
      ]);
    },
  );

  it.each(['AppAuthorized', 'AppReauthorized', 'CredentialsUpdated'])('%s sets or clears the end date', (type) => {
    expect(scheduleOf(event(type, { appKey: 'crm', accessUntil: '2026-05-01T12:00:00.000Z' }), margin)).toContainEqual({
      kind: 'access-until',
      requestId: 'r1',
      appKey: 'crm',
      connectionId: null,
      dueAt: '2026-05-01T12:00:00.000Z',
    });
    expect(scheduleOf(event(type, { appKey: 'crm', accessUntil: null }), margin)).toContainEqual({
      kind: 'access-until',
      requestId: 'r1',
      appKey: 'crm',
      connectionId: null,
      dueAt: null,
    });
  });

  it('other events and other streams schedule nothing', () => {
    expect(scheduleOf(event('AccessRevoked', { appKey: 'crm', connectionId: 'c1' }), margin)).toEqual([]);
    expect(scheduleOf(event('AppAuthorized', { appKey: 'crm', accessUntil: 'x' }, 'user-u1'), margin)).toEqual([]);
  });
});
