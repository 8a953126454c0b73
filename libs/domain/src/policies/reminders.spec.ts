import { evolveCredentialRequest } from '../credential-request/decider';
import { initialCredentialRequestState } from '../credential-request/state';
import { requestCreated } from '../testing/fixtures';
import { appsToRemindOf, reminderSchedule } from './reminders';

describe('reminders (SPEC R12.5)', () => {
  it('schedules K reminders N days apart, and none when switched off', () => {
    expect(reminderSchedule(3, 2)).toEqual([
      { n: 1, daysWaiting: 3 },
      { n: 2, daysWaiting: 6 },
    ]);
    expect(reminderSchedule(0, 2)).toEqual([]);
    expect(reminderSchedule(3, 0)).toEqual([]);
  });

  it('names the pending apps while the request exists, none after deletion', () => {
    const created = evolveCredentialRequest(initialCredentialRequestState(), requestCreated());
    expect(appsToRemindOf(created).length).toBeGreaterThan(0);
    expect(appsToRemindOf({ ...created, lifecycle: 'DELETED' })).toEqual([]);
  });
});
