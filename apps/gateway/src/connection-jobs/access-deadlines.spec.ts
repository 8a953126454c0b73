import type { RecordedEvent } from '@libs/event-store';
import { deadlineOf } from './access-deadlines';

const event = (type: string, data: Record<string, unknown>, stream = 'credential-request-r1'): RecordedEvent =>
  ({ type, data, stream }) as unknown as RecordedEvent;

describe('deadlineOf (R12.4: which events set or clear an end date)', () => {
  it.each(['AppAuthorized', 'AppReauthorized', 'CredentialsUpdated'])('%s with accessUntil sets it', (type) => {
    expect(deadlineOf(event(type, { appKey: 'slack', accessUntil: '2026-05-01T12:00:00.000Z' }))).toEqual({
      requestId: 'r1',
      appKey: 'slack',
      accessUntil: '2026-05-01T12:00:00.000Z',
    });
  });

  it('an authorization without an end date clears an earlier one', () => {
    expect(deadlineOf(event('CredentialsUpdated', { appKey: 'slack', accessUntil: null }))).toEqual({
      requestId: 'r1',
      appKey: 'slack',
      accessUntil: null,
    });
  });

  it('other events and other streams say nothing', () => {
    expect(deadlineOf(event('AccessRevoked', { appKey: 'slack' }))).toBeNull();
    expect(deadlineOf(event('AppAuthorized', { appKey: 'slack', accessUntil: 'x' }, 'user-u1'))).toBeNull();
  });
});
