import { deriveRequestStatus } from './request-status';

describe('deriveRequestStatus (§6)', () => {
  it.each([
    [['AUTHORIZED', 'INVALID', 'PENDING'], 'INVALID'],
    [['AUTHORIZED', 'PENDING'], 'INCOMPLETE'],
    [['AUTHORIZED', 'REVOKED'], 'INCOMPLETE'],
    [['DECLINED', 'REAUTHORIZING'], 'INCOMPLETE'],
    [['AUTHORIZED', 'AUTHORIZED'], 'AUTHORIZED'],
    [['DECLINED', 'DECLINED'], 'DECLINED'],
    [['AUTHORIZED', 'DECLINED'], 'PARTIALLY_AUTHORIZED'],
  ] as const)('%j → %s', (statuses, expected) => {
    expect(deriveRequestStatus(statuses)).toBe(expected);
  });
});
