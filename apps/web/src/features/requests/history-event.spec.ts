import { historyEvent } from './history-event';
import { en } from './messages/en';

describe('a history row names its event and its app', () => {
  it('an expiry found by a request for reauthorization says so (R5.4), a scheduled one does not', () => {
    const found = historyEvent('ConnectionExpired', JSON.stringify({ appKey: 'crm', error: 'x', foundBy: 'u-1' }));
    expect(found).toEqual({ key: 'ConnectionExpiredFound', appKey: 'crm' });
    expect(en.details.events[found.key as keyof typeof en.details.events]).toBe(
      'Connection found expired when reauthorization was requested',
    );
    expect(historyEvent('ConnectionExpired', JSON.stringify({ appKey: 'crm', error: 'x' }))).toEqual({
      key: 'ConnectionExpired',
      appKey: 'crm',
    });
  });

  it('data it cannot read still gives the event its name', () => {
    expect(historyEvent('RequestCreated', '{not json')).toEqual({ key: 'RequestCreated', appKey: null });
  });
});
